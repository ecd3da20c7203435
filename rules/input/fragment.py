"""The HTML file is a fragment of a page, not a page: the checks of what a page must have are skipped.

**What it checks.** An HTML input with neither a `<head>` nor a `<title>` anywhere in its bytes (a template
part, a snippet saved from a page, a test fixture; an `<html>` around a lone `<body>` is still a snippet).
Such a file is not audited as a page: the rules that judge what a page lacks (`title/missing`,
`canonical/missing`, `description/missing`, `image/og-missing`, `opengraph/required-missing`,
`twitter/card-missing`, `content/h1-missing`) are skipped, and this one finding says so. What the fragment
does hold (its JSON-LD, its links and images) is still checked.

**Why it matters.** A fragment has no head by design, so reporting its missing title, canonical and Open
Graph would be one false alarm per rule. Saying once that the file was read as a fragment tells whoever
meant it as a whole page that its `<html>`/`<head>` markup is gone.

**Severity.** info: it says how the file was read, not that something is broken.

**Options.** None.

**Source.** HTML Standard §4.2 (a document's `head` holds its `title`); precision review (fragments
such as extruct's `product_microdata.html` got title, canonical and Open Graph errors).

**Fails:**

```html
<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span></div>
```

**Passes:**

```html
<html><head><title>Kettle</title></head><body><div>Kettle</div></body></html>
```
"""

from seoaudit.model import Violation

ID = "input/fragment"
SEVERITY = "info"


def check(page, options):
    if page.is_fragment:
        yield Violation("no <head> and no <title>: read as a fragment of a page, so what a page must have (a title, "
                        "a canonical, Open Graph) is not checked",
                        fix="Nothing to fix for a snippet; if this file is meant to be a whole page, it lost its "
                            "<html>/<head> markup.")
