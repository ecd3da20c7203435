"""The page lacks og:title, og:type or og:url, three of the four properties ogp.me requires.

**What it checks.** The primary producer (the HTML head, else `yoast_head_json`, `aioseo_head_json` or
`yoast_head`) has a non-empty `og:title`, `og:type` and `og:url`. The fourth required property,
`og:image`, is `image/og-missing`'s. One finding per page, listing what is missing. WordPress objects
with no SEO plugin output are not checked (`wordpress/no-seo-output` reports them).

**Why it matters.** Without them each consumer guesses: Facebook and LinkedIn fall back to `<title>`,
to the URL that was shared (with its tracking parameters, so shares of one post are counted under many
URLs) and to `website`, and Slack or X may show only a bare link. `og:url` is the page's permanent ID for
share counts.

**Options.** None.

**Source.** ogp.me ("The four required properties for every page are: og:title, og:type, og:image,
og:url"); structured-data-testing-tool Facebook preset (fail); squirrelscan `core/og-tags` (warn; og:type
info).

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:title" content="Post"><meta property="og:type" content="article">
<meta property="og:url" content="https://example.com/post/">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import fields, prop

ID = "opengraph/required-missing"
SEVERITY = "warning"
REQUIRED = ("og:title", "og:type", "og:url")


def check(page, options):
    view = page.primary
    if view is None:
        return
    missing = [key for key in REQUIRED if prop(view, key) is None and view.states(key)]
    if not missing:
        return
    empty = [f for key in missing for f in fields(view, key)]
    words = ", ".join(f"{key} (empty)" if fields(view, key) else key for key in missing)
    yield Violation(f"required Open Graph properties missing in {view.name}: {words}",
                    empty[0].location if empty else view.location, value=missing, expected=list(REQUIRED),
                    view=view.name, fix="Output og:title, og:type (article for posts) and og:url (the canonical URL); "
                                        "an SEO plugin's Social / Open Graph setting does this.")
