"""An og:image URL is relative, protocol-relative or malformed.

**What it checks.** Every non-empty `og:image` of the primary producer is an absolute `http(s)` URL
with a host. A path (`/wp-content/…`), a protocol-relative URL (`//cdn…`), another scheme, or a
malformed value (spaces, a bad port, a placeholder left by a template) fails.

**Why it matters.** Open Graph consumers do not resolve URLs against the page: Facebook, LinkedIn and
X drop a relative `og:image` and the share shows no image. Headless front ends that rewrite or build
image URLs are where this shows up (bettergov#720; Mecanik/cloudflare-image-resizing#39 for relative
`/cdn-cgi/image/…` URLs in Yoast output).

**Severity.** error: a consumer that does not resolve the URL has no image to show, so the preview loses its
image (`og:image` that no consumer can resolve). warning for a protocol-relative URL (`//cdn…`), which names
its host: most consumers resolve it, some do not.

**Options.** None.

**Source.** ogp.me (`og:image` is a URL; the examples are absolute); peer-checks catalogue
`og/image-absolute` (bettergov#720).

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="/wp-content/uploads/2024/05/cover.jpg">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/2024/05/cover.jpg">
</head><body></body></html>
```
"""

import re
from urllib.parse import urljoin, urlsplit

from seoaudit import urls
from seoaudit.derive.images import usable_og_images
from seoaudit.model import MILD, Violation

ID = "image/og-not-absolute"
SEVERITY = "error"
SEVERITY_MILD = "warning"
_HOST_FIRST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?/", re.IGNORECASE)
FIX = ("Output the full URL with scheme and host (https://example.com/…): social crawlers do not resolve "
       "og:image against the page.")


def _kind(raw: str, base: str | None) -> tuple[str, str | None]:
    """What is wrong with a URL that does not parse, and the absolute URL it probably meant."""
    scheme = base.split(":", 1)[0] if base else "https"
    if raw.startswith("//"):
        return "protocol-relative", f"{scheme}:{raw}"
    try:
        scheme_found = urlsplit(raw).scheme.lower()
    except ValueError:
        return "malformed", None
    if scheme_found and scheme_found not in ("http", "https"):
        return f"not an http(s) URL ({scheme_found}:)", None
    if urls.is_malformed(raw) or scheme_found:
        return "malformed", None
    if _HOST_FIRST.match(raw):
        return "missing its scheme", f"{scheme}://{raw}"
    return "relative", urljoin(base, raw) if base else None


def _base(page) -> str | None:
    """The URL a relative og:image was probably written against: the page's own URL, else its origin."""
    for field in (page.link, page.canonical):
        if field is not None and urls.parse(field.value) is not None:
            return field.value
    return page.site_origin + "/" if page.site_origin else None


def check(page, options):
    view = page.primary
    if view is None:
        return
    for image in usable_og_images(view):
        raw = image.url.value
        if urls.parse(raw) is not None:
            continue
        kind, meant = _kind(raw, _base(page))
        yield Violation(f"og:image is {kind}: {raw!r}", image.url.location, value=raw,
                        expected=meant or "an absolute http(s) URL", view=view.name, fix=FIX,
                        case=MILD if kind == "protocol-relative" else None)
