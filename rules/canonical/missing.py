"""A published, indexable page has no rel=canonical.

**What it checks.** The primary producer (the HTML head, else `yoast_head_json`, `aioseo_head_json`
or `yoast_head`) declares a canonical URL, on every document that is published and indexable.
Drafts, pending and scheduled posts, noindex pages (Yoast drops the canonical on purpose when a post
is noindex), HTML fragments (`input/fragment`) and WordPress objects with no SEO plugin output are not
checked.

**Why it matters.** Without a canonical, search engines choose one of the URL variants a page is
reachable under (`?utm_…`, `/amp`, `/page/2`, http/https), and links and signals may be split between
them. Google does not require one: it picks a canonical itself, which is usually right. An SEO plugin
(Yoast, Rank Math, AIOSEO) prints one on every indexable page, so its absence there means something removed
it: a filter, a theme, or a headless front end that dropped the tag.

**Severity.** warning where an SEO plugin produced the page (the canonical is expected and missing); info
on a page from no known SEO plugin, where it is advice (Google chooses a canonical itself). Never an
error: nothing stops the page from being indexed.

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

from seoaudit.model import MILD, Violation

ID = "canonical/missing"
SEVERITY = "warning"
SEVERITY_MILD = "info"


def check(page, options):
    view = page.primary
    if (view is None or not page.is_published or not page.is_indexable or page.is_fragment
            or not view.states("canonical")):
        return
    if any(c.value for c in view.canonicals):
        return  # one in <body>, or several that conflict: canonical/outside-head and canonical/conflicting say so
    if view.canonical is None:
        plugins = " and ".join(p.name for p in page.seo_plugins if p.prints_head)
        said = f", although {plugins} prints one on every indexable page" if plugins else ""
        yield Violation(f"no rel=canonical in {view.name}{said}", view.location, view=view.name,
                        case=None if plugins else MILD,
                        expected=page.link.value if page.link else "an absolute URL of this page",
                        fix="Declare a self-referencing canonical: <link rel=\"canonical\" href=\"…\"> in <head>.")
