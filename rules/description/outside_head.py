"""A meta description sits in the page body, outside head.

**What it checks.** In an HTML head (the page, or the plugin's `yoast_head` string), a `<meta
name="description">` that the parser places inside `<body>` while `<head>` has none. Browsers place it there
too: any content before it (a stray `<div>`, an `<iframe>`, text such as a PHP warning printed before
`<html>`) ends `<head>`, and every tag after that lands in `<body>`. The finding names that element and lists
every head tag it moved; when the canonical, a robots meta or the title is among them, that tag's
`*/outside-head` rule reports the cause instead (one cause, one finding). A copy in `<body>` of a
description `<head>` already has is not reported.

**Why it matters.** Metadata belongs in `<head>`; search engines may ignore a description in the body
and write their own snippet.

**Severity.** warning: search engines may ignore the description and write their own snippet (a real
defect of small impact).

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

from seoaudit.derive.text import displaced, displaced_violation

ID = "description/outside-head"
SEVERITY = "warning"


def check(page, options):
    for found in displaced(page, ID):
        yield displaced_violation(found)
