"""A meta description sits in the page body, outside head.

**What it checks.** Every `<meta name="description">` of an HTML head (the page, or the plugin's
`yoast_head` string) that the parser places inside `<body>`. Browsers place it there too: any content
before it (a stray `<div>`, an `<iframe>`, text such as a PHP warning printed before `<html>`) ends
`<head>`, and every tag after that lands in `<body>`.

**Why it matters.** Metadata belongs in `<head>`; search engines may ignore a description in the body
and write their own snippet.

**Options.** None.

**Source.** Screaming Frog "Meta Description: Outside <head>" (Issue, Medium); peer-checks.md rows 10–12
(the description family); Google, "Consolidate duplicate URLs" (head-only metadata, for canonicals).

**Fails:**

```html
<html><head><title>Coffee - Example</title><iframe src="https://ads.example.net/"></iframe>
<meta name="description" content="How we brew coffee."></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee."></head></html>
```
"""

from seoaudit.model import Violation

from ._shared import outside_head

ID = "description/outside-head"
SEVERITY = "warning"


def check(page, options):
    for view, field, why in outside_head(page, lambda view: view.descriptions, "description"):
        yield Violation(f"meta description {field.value[:60]!r} is inside <body> in {view.name}: {why}",
                        field.location, value=field.value, view=view.name,
                        expected="the meta description inside <head>",
                        fix="Move the <meta name=\"description\"> into <head>, and remove whatever ends "
                            "<head> early (visible text, a <div> or an <iframe> before it).")
