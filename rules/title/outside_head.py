"""A title element sits in the page body, outside head.

**What it checks.** In an HTML head (the page, or the plugin's `yoast_head` string), a `<title>` that the
parser places inside `<body>` while `<head>` has none, leaving out the labels of inline `<svg>` icons. Browsers
place it there too: any content before it (a stray `<div>`, an `<iframe>`, text such as a PHP warning printed
before `<html>`) ends `<head>`, and every tag after that lands in `<body>`. The finding names that element and
lists every head tag it moved; when the canonical or a robots meta is among them, `canonical/outside-head` or
`robots/outside-head` reports the cause instead (one cause, one finding). A second `<title>` in `<body>` next
to the one in `<head>` changes nothing (browsers and search engines read the first) and is not reported.

**Why it matters.** The title belongs in `<head>`; search engines may not read a title from the body, and
the same early end of `<head>` usually pushes the meta description, canonical and Open Graph tags into
the body too, where they are ignored. A second `<title>` in the body (an icon's label outside its `<svg>`)
is markup the browser does not expect.

**Severity.** warning: a real defect of uncertain impact (search engines may still read the title, but may
not, and the early end of `<head>` moves more than the title).

**Options.** None.

**Source.** Screaming Frog "Page Titles: Outside <head>" (Issue, High); peer-checks.md row 3.

**Fails:**

```html
<html><head><div>Welcome!</div><title>Coffee - Example</title></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title></head><body><div>Welcome!</div></body></html>
```
"""

from seoaudit.derive.text import displaced, displaced_violation

ID = "title/outside-head"
SEVERITY = "warning"


def check(page, options):
    for found in displaced(page, ID):
        yield displaced_violation(found)
