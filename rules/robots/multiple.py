"""The head holds more than one robots meta of the same name.

**What it checks.** In each HTML head (the page, or a plugin's head string), the metas named
`robots`, `googlebot`, `googlebot-news` or `bingbot` inside `<head>` occur once per name. Two
identical tags are reported too: they show two producers writing robots rules.

**Why it matters.** Google adds the rules of every tag together and applies the more restrictive,
so a second robots meta from the theme or a front end (`<Head>` in an `_app` and in a page) can
override the SEO plugin's setting without anyone seeing it in the plugin (almothafar/abdeljalil-theme#2,
vercel/next.js#22188). Copies that contradict each other are `robots/conflicting`'s warning; this rule
is information that two producers are at work (WordPress core's own `max-image-preview:large` meta next
to a theme's or an old SEO plugin's is the common case).

**Severity.** info: two metas of one name are combined by Google; harmless unless they disagree
(robots/conflicting).

**Options.** None.

**Source.** wordpress-ecosystem catalogue check 11 (`robots-shape`: duplicate robots meta); Google
Search Central, "Robots meta tag" (several metas are combined).

**Fails:**

```html
<html><head><title>Post</title>
<meta name="robots" content="index, follow"><meta name="robots" content="max-image-preview:large">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-image-preview:large"></head></html>
```
"""

from seoaudit.model import Violation

ID = "robots/multiple"
SEVERITY = "info"


def check(page, options):
    for view in page.head_views:
        for bot, fields in view.robots.items():
            in_head = [f for f in fields if f.in_head]
            if len(in_head) < 2:
                continue
            values = [f.value for f in in_head]
            same = len(set(values)) == 1
            lines = ", ".join(f.location.describe() for f in in_head)
            yield Violation(f"{len(in_head)} <meta name=\"{bot}\"> tags in {view.name} ({lines})"
                            + (": identical" if same else f": {' | '.join(repr(v) for v in values)}"),
                            in_head[1].location, value=values, expected=f"one <meta name=\"{bot}\">", view=view.name,
                            fix="Let one producer (the SEO plugin) print the robots meta; remove the theme's or "
                                "front end's copy.")
