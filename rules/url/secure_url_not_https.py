"""`og:image:secure_url` is empty or not an https URL.

**What it checks.** Every `og:image:secure_url` (HTML head, `yoast_head`, `aioseo_head_json`) is a
non-empty `https://` URL. Leaving the property out is fine; declaring it empty or on http is not.

**Why it matters.** ogp.me defines `og:image:secure_url` as "an alternate url to use if the webpage
requires HTTPS". AIOSEO writes `og:image:secure_url` as `''` whenever PHP's `is_ssl()` is false, which
is the case behind a TLS-terminating proxy or load balancer that does not set `X-Forwarded-Proto`: the
empty value says the image has no secure URL, and it is a sign that WordPress believes the site is
served over http (so other URLs may be wrong too).

**Severity.** warning: consumers that read og:image:secure_url get no secure image; most read og:image.

**Options.** None.

**Source.** ogp.me (structured property `og:image:secure_url`); wordpress-ecosystem.md §3 (AIOSEO
`og:image:secure_url` `''` when `!is_ssl()`) and §5 check 6.

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/cover.jpg">
<meta property="og:image:secure_url" content="">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/cover.jpg">
<meta property="og:image:secure_url" content="https://example.com/cover.jpg">
</head><body></body></html>
```
"""

from seoaudit import urls
from seoaudit.model import Violation

ID = "url/secure-url-not-https"
SEVERITY = "warning"


def check(page, options):
    seen: set[str] = set()
    for view in page.views.values():
        for field in view.meta.get("og:image:secure_url", ()):
            if field.value in seen:
                continue
            seen.add(field.value)
            parsed = urls.parse(field.value)
            if parsed is not None and parsed.scheme == "https":
                continue
            image = view.first("og:image")
            problem = "empty" if not field.value else f"not an https URL: {field.value!r}"
            yield Violation(f"og:image:secure_url is {problem}", field.location, value=field.value,
                            expected=_https(image.value) if image is not None else "an https:// image URL",
                            view=view.name,
                            fix="Serve the site over https as WordPress sees it (behind a proxy, pass "
                                "X-Forwarded-Proto and set $_SERVER['HTTPS']), or drop the empty property.")


def _https(raw: str) -> str:
    return "https" + raw[len("http"):] if raw.startswith("http://") else raw or "an https:// image URL"
