"""A canonical that is not an absolute URL: it only makes sense against the page's own address.

**What it checks.** Every non-empty canonical inside `<head>` (and the plugin JSON `canonical`) that has
no scheme: a path (`/post/`), a relative path (`post/`) or a protocol-relative URL (`//example.com/post/`).
When the page's address is known (the post `link`, else `og:url`), the message shows the URL the
relative value resolves to.

**Why it matters.** Google resolves a relative canonical against the URL it fetched, so every duplicate
(`http://`, `www.`, `?utm_source=…`, a staging copy) declares *itself* canonical and nothing is
consolidated. Google asks for absolute URLs, but accepts relative ones; Lighthouse fails the page.

**Severity.** warning: Google resolves it, so the canonical still works on the URL it was written for. error
when it resolves to another page than the page's own address (a bare `8003098` against an article URL): the
page then names a wrong canonical. info for a protocol-relative URL (`//example.com/post/`), which names the
host and only leaves the scheme to the fetch.

**Options.** None.

**Source.** Lighthouse `canonical` audit, "Is not an absolute URL" (the href parses only against a
base); Google, "Consolidate duplicate URLs": "Use absolute paths rather than relative paths with the
rel="canonical" link element"; Screaming Frog "Canonical Is Relative"; squirrelscan `core/canonical`.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="/post/"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head></html>
```
"""

from urllib.parse import urljoin

from seoaudit import urls
from seoaudit.derive.canonical import head_canonicals
from seoaudit.model import AGGRAVATED, MILD, Violation

from ._shared import is_relative, once_per_value

ID = "canonical/relative"
SEVERITY = "warning"
SEVERITY_MILD = "info"
SEVERITY_AGGRAVATED = "error"


def check(page, options):
    def relative(view):
        return tuple(c.value for c in head_canonicals(view) if is_relative(c.value)) or None

    own = page_address(page)
    base = own or (page.site_url if page.site_url and urls.parse(page.site_url) else None)
    for view in once_per_value(page, relative):
        for field in head_canonicals(view):
            if not is_relative(field.value):
                continue
            absolute = resolved(base, field.value)
            protocol_relative = field.value.startswith("//")
            kind = "protocol-relative" if protocol_relative else "relative"
            elsewhere = absolute is not None and own is not None and not urls.same_page(absolute, own)
            hint = ""
            if absolute:
                hint = f" (it resolves to {absolute}" + (f", not this page {own})" if elsewhere else ")")
            case = MILD if protocol_relative else AGGRAVATED if elsewhere else None
            yield Violation(f"canonical {field.value!r} is {kind}, not an absolute URL{hint}", field.location,
                            value=field.value, expected=absolute or "an absolute https:// URL", view=view.name,
                            case=case,
                            fix="Write the full URL with scheme and host: <link rel=\"canonical\" "
                                f"href=\"{absolute or 'https://example.com/path/'}\">.")


def page_address(page) -> str | None:
    """The page's own URL as far as the document tells: the WP link, else the first absolute og:url."""
    candidates = [page.link.value if page.link else None]
    candidates += [f.value for v in page.views.values() for f in v.meta.get("og:url", ())]
    return next((c for c in candidates if c and urls.parse(c) is not None), None)


def resolved(base: str | None, raw: str) -> str | None:
    if base is None:
        return None
    absolute = urljoin(base, raw)
    return absolute if urls.parse(absolute) is not None else None
