"""The title is the same text as the page's first H1.

**What it checks.** The title the page uses (the first `<title>`, or the plugin's `title`) against the
first `<h1>` of the page body (HTML pages) or of the post's `content.rendered` (WordPress objects; most
themes print the post title as the H1 outside the content, so this rarely applies there). Compared
case-insensitively, with typographic quotes, dashes and spacing folded.

**Why it matters.** The title and the main heading can each carry different, useful words: the title is
written for the result page (with the site name, a qualifier), the heading for the reader already on the
page. Using one text for both is a missed opportunity, not an error.

**Severity.** info, and off by default (opt-in: `--select title/same-as-h1` or `--select title`): a title equal
to the H1 is a style choice, not a defect; Google itself uses the H1 for title links.

**Options.** None.

**Source.** Screaming Frog "Page Titles: Same as H1" (Opportunity, Low). peer-checks.md row 7.

**Fails:**

```html
<html><head><title>Brewing coffee at home</title></head><body><h1>Brewing Coffee at Home</h1></body></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee at home: a French press guide - Example</title></head>
<body><h1>Brewing coffee at home</h1></body></html>
```
"""

from seoaudit.derive.text import first_h1, same_text
from seoaudit.model import Violation

ID = "title/same-as-h1"
SEVERITY = "info"
OPT_IN = True  # not a defect: runs only when selected by id or category


def check(page, options):
    view = page.primary
    if view is None or view.title is None or not view.title.value:
        return
    h1 = first_h1(page)
    if h1 is None or not same_text(view.title.value, h1.text):
        return
    line = h1.line
    where = f"line {line}" if line is not None else "content.rendered"
    yield Violation(f"title is the same as the first <h1> ({where}): {view.title.value!r}", view.title.location,
                    value=view.title.value, expected="a title that adds to the heading", view=view.name,
                    fix="Make the title add what the heading does not: a qualifier, the site name, the benefit.")

