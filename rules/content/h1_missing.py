"""The page has no `<h1>` heading.

**What it checks.** An HTML page's `<body>` has at least one `<h1>` with text (its own, or the `alt`
of an image inside it). WordPress posts are not checked: `content.rendered` is the body of the post
only, and the theme prints the post title as the page's `<h1>` around it (see `content/h1-multiple`).

**Why it matters.** The `<h1>` is the visible title of the page: search engines weigh it to understand
the topic and Google uses it among the sources when it rewrites a title link; screen-reader users jump
to it to find where the content starts. A page without one often has its title in a styled `<div>` or
only in an image.

**Severity.** info: Google does not require an H1 (it reads the title and the page's other headings); advice
for a clear outline.

**Options.** None.

**Source.** Screaming Frog "H1: Missing"; Google, "Influencing your title links" (main visual title and
heading elements are used); Yoast "single title" assessment.

**Fails:**

```html
<html lang="en"><head><title>Pricing</title></head>
<body><div class="title">Pricing</div><p>Plans and prices.</p></body></html>
```

**Passes:**

```html
<html lang="en"><head><title>Pricing</title></head>
<body><h1>Pricing</h1><p>Plans and prices.</p></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import content, has_text

ID = "content/h1-missing"
SEVERITY = "info"


def check(page, options):
    found = content(page)
    if found is None or found.is_post or page.is_fragment:
        return
    headings = found.h1
    if any(has_text(h1) for h1 in headings):
        return
    empty = f" ({len(headings)} empty <h1>)" if headings else ""
    where = found.at(headings[0]) if headings else found.base
    yield Violation(f"the page has no <h1> with text{empty}", where, value=len(headings), expected="one <h1>",
                    view=found.view,
                    fix="Mark the page's visible title up as <h1> (in WordPress, the theme's single template).")
