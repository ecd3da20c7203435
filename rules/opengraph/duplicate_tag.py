"""A single-valued Open Graph property (og:title, og:url, og:type…) is output more than once.

**What it checks.** In each HTML head (the page, or a plugin's head string), `og:title`, `og:type`,
`og:url`, `og:description`, `og:site_name`, `og:locale`, `og:determiner`, `article:published_time` and
`article:modified_time` occur at most once. Arrays are allowed where ogp.me allows them (`og:image`,
`og:locale:alternate`, `article:tag`, `article:author`). One finding per head, listing every repeated
property and whether its copies differ (two producers printing Open Graph is one cause).

**Why it matters.** Two producers are writing Open Graph: a theme and an SEO plugin, or a headless
front end whose layout and page both set the tags (vercel/next.js#22188, roots/sage#274,
GoogleForCreators/web-stories-wp#9010). Consumers take the first or the last copy, so which title or
URL a share shows depends on the platform, and fixing the plugin's value may change nothing.

**Severity.** warning when copies of one property differ: a share may show either, so the page contradicts
itself in a small way. info when every copy repeats the same value: harmless duplication.

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

from seoaudit.checks.duplicate_tags import duplicate_finding, duplicates

ID = "opengraph/duplicate-tag"
SEVERITY = "warning"
SEVERITY_MILD = "info"
SINGLE = ("og:title", "og:type", "og:url", "og:description", "og:site_name", "og:locale", "og:determiner",
          "article:published_time", "article:modified_time")


def check(page, options):
    for view, repeated in duplicates(page, SINGLE):
        yield duplicate_finding(view, repeated, "Let one producer (the SEO plugin) print Open Graph; remove the "
                                                "theme's or front end's copy.")
