"""The canonical names a page of this run that is noindex, or that redirects.

**What it checks.** Across the documents of a run, a published, indexable page whose canonical names another
page of the run (matched by its WordPress `link`, else its `og:url`, or the URL it was served at; scheme, `www.`, a
trailing slash aside) that is noindex (its robots meta says `noindex` or `none`), or a URL that live mode was
redirected from. The finding is on the page whose canonical it is, and names the page it points at. When live
mode fetched the canonical target itself, `canonical/target-noindex` and `canonical/target-redirects` judge it
instead; this rule finds the same defect offline, in an export or a built site.

**Why it matters.** The canonical asks search engines to index the named page instead of this one; a noindex
page refuses to be indexed, and a redirecting URL is not the page itself. Google then ignores the canonical or
drops both pages. On WordPress it happens when a post is set to noindex (or a page made private and redirected)
while other posts still name it as their canonical.

**Severity.** error: the pages contradict each other: one says "index the other one", the other says "do not
index me" (or is not there).

**Options.** None.

**Source.** Screaming Frog "Canonicals: Non-Indexable Canonical"; Google Search Central, "How to specify a
canonical" (do not use noindex to choose a canonical; name the final URL, not a redirect).

**Fails** (one run of these files):

`content/spring-sale.json`:

```json
{"link": "https://example.com/spring-sale/", "status": "publish", "title": {"rendered": "Spring sale"},
 "yoast_head_json": {"title": "Spring sale", "canonical": "https://example.com/sale/"}}
```

`content/sale.json`:

```json
{"link": "https://example.com/sale/", "status": "publish", "title": {"rendered": "Sale"},
 "yoast_head_json": {"title": "Sale", "canonical": "https://example.com/sale/",
                     "robots": {"index": "noindex", "follow": "follow"}}}
```

**Passes** (one run of these files):

`content/spring-sale.json`:

```json
{"link": "https://example.com/spring-sale/", "status": "publish", "title": {"rendered": "Spring sale"},
 "yoast_head_json": {"title": "Spring sale", "canonical": "https://example.com/sale/"}}
```

`content/sale.json`:

```json
{"link": "https://example.com/sale/", "status": "publish", "title": {"rendered": "Sale"},
 "yoast_head_json": {"title": "Sale", "canonical": "https://example.com/sale/",
                     "robots": {"index": "index", "follow": "follow"}}}
```
"""

from seoaudit.derive.canonical_graph import graph_members, owner, pointers
from seoaudit.model import Violation

ID = "canonical/target-excluded"
SEVERITY = "error"
EXCLUDED = ("redirected", "noindex")


def signature(page, options):
    return graph_members(page, owners=EXCLUDED)


def check_group(url, members, options):
    target = owner(members, EXCLUDED)
    if target is None:
        return
    state, where = target.extra[1], target.extra[2]
    what = f"is noindex ({target.document.display_source})" if state == "noindex" else \
        f"redirects to {where} ({target.document.display_source})"
    for pointer in pointers(members):
        if pointer.extra[2]:
            continue  # live mode fetched the target: canonical/target-noindex and target-redirects judge it
        yield pointer.key, Violation(
            f"the canonical {pointer.value} names a page of this run that {what}", pointer.location,
            value=pointer.value, expected="an indexable page that answers itself", view=pointer.view,
            fix=(f"Point the canonical at {where}." if state == "redirected" else
                 "Remove the noindex from the page the canonical names, or point the canonical at an indexable "
                 "page (this one, if it is to be indexed)."))
