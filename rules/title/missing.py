"""The page has no title element, or its SEO plugin printed no title.

**What it checks.** The producer that speaks for the page (the HTML page, else `yoast_head_json`,
`aioseo_head_json` or `yoast_head`) has no `<title>` at all (`yoast_head_json` leaves the `title` key out
when it prints none). An empty title is `title/empty`; a title only inside `<body>` is `title/outside-head`.
Drafts are checked too: a missing title stays missing on publish.

**Why it matters.** The title is the main line of the search result, the browser tab and the bookmark.
Without one, Google makes up a title link from headings or anchor text, and shares show the bare URL.

**Severity.** error: the page has no title for its result (Google makes one up from other text), and HTML
requires one; never a deliberate choice.

**Options.** None.

**Source.** Lighthouse `document-title` (axe) fails a missing title; Screaming Frog "Page Titles: Missing"
(Issue, High); squirrelscan `core/meta-title`; Yoast scores a missing title red. peer-checks.md row 1.

**Fails:**

```html
<html><head><meta name="description" content="How we brew coffee at home."></head><body><h1>Coffee</h1></body></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee at home - Example</title></head><body><h1>Coffee</h1></body></html>
```
"""

from seoaudit.model import Violation

ID = "title/missing"
SEVERITY = "error"


def check(page, options):
    view = page.primary
    if view is None or view.titles or page.is_fragment or not view.states("title"):
        return
    element = "title key" if view.tree is None else "<title> element"
    yield Violation(f"no title: {view.name} has no {element}", view.location, view=view.name,
                    expected="a title that names this page",
                    fix="Give the page a <title> in <head> (WordPress: the theme must declare "
                        "add_theme_support('title-tag'); Yoast then prints its SEO title).")
