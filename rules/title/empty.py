"""The page's title is empty.

**What it checks.** The title that browsers and search engines use (the first `<title>`, or the
plugin's `title` value) holds no text once whitespace is trimmed. Every producer is checked, each
distinct value once.

**Why it matters.** An empty title is as bad as none: Google writes its own title link, and the tab,
the bookmark and a share show the URL. It usually comes from a template that prints the tag around a
variable that is empty (a page with no title, a broken `%%title%%` replacement).

**Severity.** error: the page has no title for its result (Google makes one up from other text); never a
deliberate choice.

**Options.** None.

**Source.** Lighthouse `document-title` (axe) fails an empty title; Screaming Frog "Page Titles: Missing"
counts empty titles; Yoast scores it red. peer-checks.md row 1.

**Fails:**

```html
<html><head><title>  </title></head><body><h1>Coffee</h1></body></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee at home - Example</title></head><body></body></html>
```
"""

from seoaudit.checks.head_text import empty

ID = "title/empty"
SEVERITY = "error"

check = empty(lambda view: view.titles, "title", expected="a title that names this page",
              fix="Write a title for the page, or fix the template that prints an empty one.")
