"""A canonical href that is not a URL at all, not even a relative one.

**What it checks.** Every non-empty `<link rel=canonical>` inside `<head>` (and the `canonical` of
`yoast_head_json` / `canonical_url` of `aioseo_head_json`) that no base URL could make sense of: a bad or
empty port, a broken IPv6 literal, an `http(s)` scheme with no host (`https:/example.com`), quotes, tabs
or angle brackets, or a scheme other than http and https (`ftp://…`, `localhost:8080/…`).

**Why it matters.** Search engines drop a canonical they cannot parse, so the page falls back to
whatever URL the crawler guesses. Such values usually come from a template that glues strings
together (an unset site URL, a doubled scheme, an attribute left unescaped).

**Severity.** error: the canonical the page declares cannot be read at all, so the tag is broken (never a
choice); search engines fall back to guessing.

**Options.** None.

**Source.** Lighthouse `canonical` audit, "Invalid URL" (the href does not parse even against a base;
`core/audits/seo/canonical.js`); Google, "Consolidate duplicate URLs" ("use absolute paths").

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com:80a/post/"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head></html>
```
"""

from seoaudit.derive.canonical import head_canonicals
from seoaudit.model import Violation

from ._shared import once_per_value, why_invalid

ID = "canonical/invalid"
SEVERITY = "error"
FIX = "Write the canonical as an absolute https:// URL of this page (check the template or plugin that builds it)."


def check(page, options):
    def invalid(view):
        return tuple(c.value for c in head_canonicals(view) if why_invalid(c.value)) or None

    for view in once_per_value(page, invalid):
        for field in head_canonicals(view):
            reason = why_invalid(field.value)
            if reason:
                yield Violation(f"canonical {field.value!r} is not a valid URL: {reason}", field.location,
                                value=field.value, expected="an absolute http(s) URL", fix=FIX, view=view.name)

