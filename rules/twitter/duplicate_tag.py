"""A twitter:* property is output more than once (twitter:card, twitter:title…).

**What it checks.** In each HTML head (the page, or a plugin's head string), `twitter:card`,
`twitter:title`, `twitter:description`, `twitter:image`, `twitter:image:alt`, `twitter:site` and
`twitter:creator` occur at most once. The message says whether the copies differ.

**Why it matters.** Two producers are writing X card tags (a theme, a sharing plugin and the SEO plugin,
or a headless layout and page: vercel/next.js#22188). X uses the last `twitter:card` ("If more than one
twitter:card value exists in the page, the last one in sequence will take priority"), which may not be
the SEO plugin's.

**Options.** None.

**Source.** X "Cards markup" (one card type per page; the last one wins); wordpress-ecosystem catalogue
check 12 (`single-head-tags`).

**Fails:**

```html
<html><head><title>Post</title>
<meta name="twitter:card" content="summary"><meta name="twitter:card" content="summary_large_image">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image"></head></html>
```
"""

from seoaudit.model import Violation

from ..opengraph.duplicate_tag import describe, duplicates

ID = "twitter/duplicate-tag"
SEVERITY = "warning"
SINGLE = ("twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt",
          "twitter:site", "twitter:creator")


def check(page, options):
    for view, key, found in duplicates(page, SINGLE):
        yield Violation(f"{describe(key, found)} in {view.name}", found[1].location, value=[f.value for f in found],
                        expected=f"one {key}", view=view.name,
                        fix="Let one producer (the SEO plugin) print the X card tags; remove the theme's or sharing "
                            "plugin's copy.")
