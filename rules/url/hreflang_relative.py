"""An hreflang alternate's href is not an absolute http(s) URL.

**What it checks.** Every `<link rel="alternate" hreflang="…">` in `<head>` (feed links aside) has an
`href` that starts with `http:` or `https:`: a path (`/de/post/`), a protocol-relative URL
(`//example.com/de/`) or an empty `href` fails, as in Lighthouse. One finding per head, listing every
relative alternate (one template writes them all).

**Why it matters.** Google requires fully-qualified alternate URLs ("Alternate URLs must be fully
qualified, including the transport method"); a relative alternate is ignored and that language version
drops out of the cluster.

**Severity.** error: Google ignores the alternate, so those language versions drop out of the hreflang
cluster (a search feature breaks), and it is never a deliberate choice.

**Options.** None.

**Source.** Lighthouse `hreflang` audit ("Relative href value": the raw href must start with `http:` or
`https:`); Google, "Tell Google about localized versions of your page"; peer-checks.md §7 row 41.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="/de/post/">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
</head><body></body></html>
```
"""

from urllib.parse import urljoin

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import hreflang_of, hreflang_views

ID = "url/hreflang-relative"
SEVERITY = "error"


def check(page, options):
    base = page.canonical.value if page.canonical is not None and urls.parse(page.canonical.value) else None
    for view, links in hreflang_views(page):
        relative = [field for field in links if not field.value.lower().startswith(("http:", "https:"))]
        if not relative:
            continue
        listed = ", ".join(f"{hreflang_of(field)!r} {field.value!r}" for field in relative)
        first = relative[0]
        meant = [urljoin(base, field.value) for field in relative] if base else None
        yield Violation(f"{len(relative)} hreflang alternate{'s are' if len(relative) > 1 else ' is'} not an "
                        f"absolute URL: {listed}", first.location, value=[field.value for field in relative],
                        expected=meant or "absolute https:// URLs", view=view.name,
                        fix="Write the full URL, with scheme and host, in every hreflang alternate.")
