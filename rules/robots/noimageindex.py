"""An indexable page forbids Google to index its images (noimageindex).

**What it checks.** The robots metas of the primary producer (`robots`, `googlebot`) on a published,
indexable page: `noimageindex` fails.

**Why it matters.** The page's images do not appear in Google Images and are not used for the page's
own result (image thumbnails, Discover). Usually a leftover of an image-protection plugin, or a theme's
robots meta, rather than a decision.

**Severity.** warning: the page's images leave image search; the page stays indexed.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (`noimageindex`); Screaming Frog
"Directives: NoImageIndex" (Issue/Low).

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, noimageindex"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow"></head></html>
```
"""

from seoaudit.model import Violation

from ._shared import directives

ID = "robots/noimageindex"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder or not page.is_indexable:
        return
    for bot in ("robots", "googlebot"):
        rule = next((d for d in directives(view, bot) if d.name == "noimageindex"), None)
        if rule is not None:
            yield Violation(f"{bot} says noimageindex: this page's images are kept out of Google Images",
                            rule.field.location, value=rule.text, expected="no noimageindex", view=view.name,
                            fix="Remove noimageindex from the robots meta unless the images must stay out of search.")
