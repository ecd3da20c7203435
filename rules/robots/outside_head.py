"""A robots meta sits in the page body instead of <head>.

**What it checks.** Every `<meta name="robots|googlebot|googlebot-news|bingbot">` of an HTML head (the
page, or a plugin's head string) is inside `<head>`. A robots meta the parser finds in `<body>` fails:
either it was written there, or something before it (a `<div>`, text, an unclosed tag) ended the head
early.

**Why it matters.** Google says it still reads a robots meta in the body, but other crawlers and
audit tools do not, and a head that ends early also pushes the canonical, title and Open Graph tags
after it into the body, where they are ignored.

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

from seoaudit.model import Violation

ID = "robots/outside-head"
SEVERITY = "warning"


def check(page, options):
    for view in page.head_views:
        for bot, fields in view.robots.items():
            for field in fields:
                if not field.in_head:
                    yield Violation(f"<meta name=\"{bot}\" content=\"{field.value}\"> is in <body> in {view.name}",
                                    field.location, value=field.value, expected="inside <head>", view=view.name,
                                    fix="Move the robots meta into <head>, and check that nothing before it (text, a "
                                        "<div>, an unclosed tag) ends the head early.")
