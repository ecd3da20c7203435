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

from ._shared import restriction

ID = "robots/noimageindex"
SEVERITY = "warning"


def noimageindex(found):
    return next((d for d in found if d.name == "noimageindex"), None)


check = restriction(noimageindex, says="{bot} says noimageindex: this page's images are kept out of Google Images",
                    expected="no noimageindex",
                    fix="Remove noimageindex from the robots meta unless the images must stay out of search.")
