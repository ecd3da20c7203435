"""A title element sits in the page body, outside head.

**What it checks.** Every `<title>` of an HTML head (the page, or the plugin's `yoast_head` string) that
the parser places inside `<body>`, leaving out the labels of inline `<svg>` icons. Browsers place it
there too: any content before it (a stray `<div>`, an `<iframe>`, text such as a PHP warning printed
before `<html>`) ends `<head>`, and every tag after that lands in `<body>`.

**Why it matters.** The title belongs in `<head>`; search engines may not read a title from the body, and
the same early end of `<head>` usually pushes the meta description, canonical and Open Graph tags into
the body too, where they are ignored. A second `<title>` in the body (an icon's label outside its `<svg>`)
is markup the browser does not expect.

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

from seoaudit.model import Violation

from ._shared import outside_head

ID = "title/outside-head"
SEVERITY = "warning"


def check(page, options):
    for view, field, why in outside_head(page, lambda view: view.titles, "title"):
        yield Violation(f"<title> {field.value!r} is inside <body> in {view.name}: {why}", field.location,
                        value=field.value, view=view.name, expected="the <title> inside <head>",
                        fix="Move the <title> into <head>, and remove whatever ends <head> early "
                            "(visible text, a <div> or an <iframe> before it).")
