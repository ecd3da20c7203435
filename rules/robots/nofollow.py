"""An indexable published page tells search engines not to follow its links (nofollow).

**What it checks.** The robots metas of the primary producer (`robots`, `googlebot`, `bingbot`) on a
published page that is indexable: `nofollow` fails. A page that is also noindex (`none`, or
`noindex, nofollow`) is `robots/noindex`'s finding, not reported again here.

**Why it matters.** The page is in search results but passes no signals through its links, and
crawlers may not discover the pages it links to. On WordPress it is usually a per-post "Should search
engines follow links on this post?" switch set by mistake, or a theme that prints its own robots meta.

**Severity.** warning: links are not followed, usually by mistake; the page itself stays indexed.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (`nofollow`); Screaming Frog "Directives: Nofollow"
(Warning/High); squirrelscan `core/robots-meta`.

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="index, nofollow"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow"></head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import NOINDEX_BOTS as BOTS
from ._shared import blocking, directives

ID = "robots/nofollow"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder or blocking(view):
        return
    found = [d for bot in BOTS for d in directives(view, bot) if d.name == "nofollow"]
    if found:
        said = ", ".join(f"{d.bot}: {d.text}" for d in found)
        yield Violation(f"indexable page is nofollow ({said}) in {view.name}", found[0].field.location,
                        value=found[0].field.value, expected="follow (or no robots rule)", view=view.name,
                        fix="Remove nofollow from the robots meta (Yoast: 'Should search engines follow links on "
                            "this post?' = Yes); mark single links rel=\"nofollow\" instead.")
