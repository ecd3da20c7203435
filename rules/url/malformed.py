"""A metadata URL is not an absolute, well-formed http(s) URL.

**What it checks.** Every URL in the metadata (`og:url`, `twitter:url`, `twitter:image`, `article:author`,
and the JSON-LD `url`, `item`, `target`, `contentUrl`, `logo`, `sameAs`, … of every producer) is an
absolute `http(s)://` URL with a host, and no URL anywhere (canonical and `@id` included) has a second
scheme glued into it (`https://example.comhttps://…`, `http://localhost:3000https://schema.org`) or a
path that starts with `//` (`https://example.com//wp-content/…`). Values owned by other rules are not
repeated here: a relative or invalid canonical (`canonical/relative`, `canonical/invalid`), `og:image`
(`image/og-not-absolute`, which also speaks for a `twitter:image` that repeats it), schema `@id`
(`schema/id-not-absolute`), hreflang (`url/hreflang-relative`).
A `sameAs` may use another scheme, but not be scheme-less.

**Why it matters.** Open Graph consumers and Google do not resolve these URLs against the page: a
relative `og:url` or `contentUrl` is dropped or read as a path on the wrong host. A doubled scheme or a
`//` path comes from a front end that joins a base URL and an already-absolute URL (10up/headstartwp#281
produced `"@context":http://localhost:3000https://schema.org`; Mecanik/cloudflare-image-resizing#39
relative `/cdn-cgi/image/…` URLs in Yoast's schema).

**Severity.** warning: a schema URL that is relative (`/wp-content/logo.png`), has no scheme or is not a URL
at all loses what it names, but the page and its other structured data work (Google resolves many relative
values), and so does a relative `og:url` (shares fall back to the URL shared). error for a `twitter:image`
that is not absolute (consumers do not resolve it, so the preview has no image) and for a second scheme glued
into a URL (a broken front end, whatever field it is in). info for a protocol-relative schema URL
(`//cdn.example.com/…`), which names its host.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 7 (`absolute-urls`); ogp.me (URL-valued properties are
absolute in every example); 10up/headstartwp#281; Mecanik/cloudflare-image-resizing#39.

**Fails:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/">
<meta property="og:url" content="https://example.com//post/">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/">
<meta property="og:url" content="https://example.com/post/">
</head><body></body></html>
```
"""

import re

from seoaudit import urls
from seoaudit.derive.declared_urls import declared_urls
from seoaudit.model import AGGRAVATED, MILD, Violation

ID = "url/malformed"
SEVERITY = "warning"
SEVERITY_MILD = "info"
SEVERITY_AGGRAVATED = "error"

# A second scheme inside the host part: `https://example.comhttps://…` (a path may embed a URL: image proxies).
_GLUED = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*(https?:|https?%3a)", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# Checked by other rules, or not URLs in practice (`article:author` often holds a name).
OWNED_ELSEWHERE = ("og:image", "og:image:url", "og:image:secure_url", "article:author", "article:publisher")


def problem(item) -> str | None:
    raw = item.value
    if item.label in OWNED_ELSEWHERE[3:]:
        return None
    if _GLUED.match(raw):
        return "has a second scheme glued into its host"
    parsed = urls.parse(raw)
    if parsed is not None:
        return "has a path that starts with //" if parsed.path.startswith("//") else None
    if item.kind in ("canonical", "alternate") or item.label in OWNED_ELSEWHERE or item.label.endswith(" @id"):
        return None
    has_scheme = bool(_SCHEME.match(raw)) and not re.match(r"^[^:/]+:\d", raw)
    if raw.startswith("//"):
        return "is protocol-relative"
    if (item.kind == "external" and has_scheme and "://" in raw) or raw.lower().startswith(("mailto:", "tel:")):
        return None
    if has_scheme:
        return "is not an http(s) URL" if not urls.is_malformed(raw) else "does not parse"
    if raw.startswith(("/", ".", "?")):
        return "is relative"
    return "has no scheme" if "." in raw.split("/", 1)[0] else "is not a URL"


def severity_case(item, why: str) -> str | None:
    """AGGRAVATED for a glued scheme and for a preview image no consumer resolves; MILD for a protocol-relative
    schema URL; None (warning) for the rest."""
    social = not item.label.startswith("schema ")
    image = social and "image" in item.label  # twitter:image, og:video…: the preview's media
    if why.startswith("has a second scheme") or (image and why != "is protocol-relative"
                                                 and not why.startswith("has a path")):
        return AGGRAVATED
    return MILD if why == "is protocol-relative" and not social else None


def check(page, options):
    og_images = {f.value for view in page.views.values() for f in view.meta.get("og:image", ())}
    for item in declared_urls(page):
        why = problem(item)
        if why is None or (item.label.startswith("twitter:image") and item.value in og_images):
            continue  # the og:image's twin: image/og-not-absolute reports the URL once
        yield Violation(f"{item.label} {why}: {item.value!r}", item.location, value=item.value,
                        case=severity_case(item, why),
                        expected="an absolute http(s) URL such as https://example.com/path/", view=item.view,
                        fix="Output full URLs with scheme and host; when a front end rewrites URLs, replace only "
                            "the origin of URLs that are already absolute.")
