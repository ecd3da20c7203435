"""A published, indexable page has no rel=canonical.

**What it checks.** The primary producer (the HTML head, else `yoast_head_json`, `aioseo_head_json`
or `yoast_head`) declares a canonical URL, on every document that is published and indexable.
Drafts, pending and scheduled posts, noindex pages (Yoast drops the canonical on purpose when a post
is noindex) and WordPress objects with no SEO plugin output are not checked.

**Why it matters.** Without a canonical, search engines choose one of the URL variants a page is
reachable under (`?utm_…`, `/amp`, `/page/2`, http/https), and links and signals are split between
them. Yoast omits the canonical whenever robots says noindex, including the site-wide "Discourage
search engines" setting left on after a launch (Yoast#21681).

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (self-referencing canonical recommended); Screaming
Frog "Canonicals: Missing"; squirrelscan `core/canonical`. Lighthouse treats a missing canonical as
not applicable.

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head></html>
```
"""

from seoaudit.model import Violation

ID = "canonical/missing"
SEVERITY = "error"


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or not page.is_indexable or not view.states("canonical"):
        return
    if view.canonical is None or not view.canonical.value:
        where = view.canonicals[0].location if view.canonicals else view.location
        hint = " (the only one is outside <head>, where it is ignored)" if view.canonicals else ""
        yield Violation(f"no rel=canonical in {view.name}{hint}", where, view=view.name,
                        expected=page.link.value if page.link else "an absolute URL of this page",
                        fix="Declare a self-referencing canonical: <link rel=\"canonical\" href=\"…\"> in <head>.")
