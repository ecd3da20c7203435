"""The page lacks og:title, og:type or og:url, three of the four properties ogp.me requires.

**What it checks.** The primary producer (the HTML head, else `yoast_head_json`, `aioseo_head_json` or
`yoast_head`) has a non-empty `og:title`, `og:type` and `og:url`. One finding per page, listing what is
missing, and `og:image` with them when it is missing too (a page without Open Graph is one finding, not one
here and one at `image/og-missing`, which reports a missing image only on a page that has the rest). WordPress
objects with no SEO plugin output are not checked (`wordpress/no-seo-output` reports them), nor are HTML
fragments (`input/fragment`).

**Why it matters.** Without them each consumer guesses: Facebook and LinkedIn fall back to `<title>`,
to the URL that was shared (with its tracking parameters, so shares of one post are counted under many
URLs) and to `website`, and Slack or X may show only a bare link. `og:url` is the page's permanent ID for
share counts.

**Severity.** warning: consumers fall back to the title and the shared URL, so the preview degrades rather
than breaks. info on a draft, pending or scheduled post.

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

from seoaudit.derive.og import fields, prop
from seoaudit.model import MILD, Violation

ID = "opengraph/required-missing"
SEVERITY = "warning"
SEVERITY_MILD = "info"
REQUIRED = ("og:title", "og:type", "og:url")


def check(page, options):
    view = page.primary
    if view is None or page.is_fragment:
        return
    missing = [key for key in REQUIRED if prop(view, key) is None and view.states(key)]
    if not missing:
        return
    if not any(image.url.value for image in view.og_images):
        missing.append("og:image")  # the fourth required property: one finding for a page without Open Graph
    empty = [f for key in missing for f in fields(view, key)]
    words = ", ".join(f"{key} (empty)" if fields(view, key) else key for key in missing)
    x_card = "" if prop(view, "twitter:card") else "; no twitter:card either, so X shows a bare link"
    yield Violation(f"required Open Graph properties missing in {view.name}: {words}{x_card}",
                    empty[0].location if empty else view.location, value=missing,
                    expected=[*REQUIRED, "og:image"], case=MILD if page.is_placeholder else None,
                    view=view.name,
                    fix="Output og:title, og:type (article for posts), og:url (the canonical URL) and og:image; an SEO "
                        "plugin's Social / Open Graph setting does this.")
