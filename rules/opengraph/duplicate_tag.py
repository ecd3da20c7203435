"""A single-valued Open Graph property (og:title, og:url, og:type…) is output more than once.

**What it checks.** In each HTML head (the page, or a plugin's head string), `og:title`, `og:type`,
`og:url`, `og:description`, `og:site_name`, `og:locale`, `og:determiner`, `article:published_time` and
`article:modified_time` occur at most once. Arrays are allowed where ogp.me allows them (`og:image`,
`og:locale:alternate`, `article:tag`, `article:author`). The message says whether the copies differ.

**Why it matters.** Two producers are writing Open Graph: a theme and an SEO plugin, or a headless
front end whose layout and page both set the tags (vercel/next.js#22188, roots/sage#274,
GoogleForCreators/web-stories-wp#9010). Consumers take the first or the last copy, so which title or
URL a share shows depends on the platform, and fixing the plugin's value may change nothing.

**Options.** None.

**Source.** wordpress-ecosystem catalogue check 12 (`single-head-tags`: one of each og:title/og:url);
ogp.me (arrays only for repeated structured properties).

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:title" content="Post"><meta property="og:title" content="Post - My Site">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:title" content="Post - My Site">
<meta property="article:tag" content="news"><meta property="article:tag" content="cities">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import fields

ID = "opengraph/duplicate-tag"
SEVERITY = "warning"
SINGLE = ("og:title", "og:type", "og:url", "og:description", "og:site_name", "og:locale", "og:determiner",
          "article:published_time", "article:modified_time")


def duplicates(page, keys):
    """(view, key, fields) for every property of `keys` written more than once inside one HTML head."""
    for view in page.head_views:
        for key in keys:
            found = [f for f in fields(view, key) if f.in_head]
            if len(found) > 1:
                yield view, key, found


def describe(key: str, found) -> str:
    values = [f.value for f in found]
    where = ", ".join(f.location.describe() for f in found)
    if len(set(values)) == 1:
        return f"{key} is written {len(found)} times ({where}), with the same value {values[0]!r}"
    return f"{key} is written {len(found)} times ({where}) with different values: " + " | ".join(map(repr, values))


def check(page, options):
    for view, key, found in duplicates(page, SINGLE):
        yield Violation(f"{describe(key, found)} in {view.name}", found[1].location, value=[f.value for f in found],
                        expected=f"one {key}", view=view.name,
                        fix="Let one producer (the SEO plugin) print Open Graph; remove the theme's or front end's "
                            "copy.")
