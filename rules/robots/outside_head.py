"""A robots meta sits in the page body instead of <head>.

**What it checks.** In an HTML head (the page, or a plugin's head string), a `<meta
name="robots|googlebot|googlebot-news|bingbot">` that sits in `<body>` while `<head>` has none: written there,
or moved there because something before it (a `<div>`, text, an unclosed tag) ended the head early. The finding
names that element and lists every head tag it moved; when the canonical is among them,
`canonical/outside-head` reports the cause instead (one cause, one finding). A copy in `<body>` of a robots
meta that `<head>` has changes nothing and is not reported.

**Why it matters.** Google says it still reads a robots meta in the body, but other crawlers and
audit tools do not, and a head that ends early also pushes the title and description after it into the body.

**Severity.** warning: Google still obeys the tag, so the loss is partial (other crawlers) and uncertain.

**Options.** None.

**Source.** Screaming Frog "Directives: Outside <head>" (Issue/High); Google Search Central, "Robots
meta tag".

**Fails:**

```html
<html><head><title>Post</title></head><body><meta name="robots" content="noindex"><p>Hi</p></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="noindex"></head><body><p>Hi</p></body></html>
```
"""

from seoaudit.derive.text import displaced, displaced_violation

ID = "robots/outside-head"
SEVERITY = "warning"


def check(page, options):
    for found in displaced(page, ID):
        yield displaced_violation(found)
