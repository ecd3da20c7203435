"""The canonical names a page of this run that is itself canonicalised to another page (A → B → C).

**What it checks.** Across the documents of a run, a published, indexable page whose canonical names another
page of the run (matched by its WordPress `link`, else its `og:url`, or the URL it was served at; scheme, `www.`, a
trailing slash aside), when that page's own canonical names a third page. The finding is on the first page of
the chain and names the page in the middle and where it points. A chain that comes back to its start is a loop
(`canonical/loop`).

**Why it matters.** A canonical is a hint, and a chain weakens it: Google may stop at the middle page, pick a
canonical of its own, or take longer to consolidate the signals. Every hop is a page that says "not me"; the
first page should name the last one directly. On WordPress a chain appears when a post was merged into another
and that one later moved, or a custom canonical was copied from a post that has one too.

**Severity.** warning: search engines usually follow one more hop, but may not; the pages still contradict nothing.

**Options.** None.

**Source.** Screaming Frog "Canonicals: Canonical Chain"; Google Search Central, "How to specify a canonical"
(point the canonical at the final URL, avoid chains).

**Fails** (one run of these files):

`public/a/index.html`:

```html
<html><head><title>Spring sale</title><meta property="og:url" content="https://example.com/a/">
<link rel="canonical" href="https://example.com/b/"></head><body><h1>Spring sale</h1></body></html>
```

`public/b/index.html`:

```html
<html><head><title>Sale</title><meta property="og:url" content="https://example.com/b/">
<link rel="canonical" href="https://example.com/c/"></head><body><h1>Sale</h1></body></html>
```

**Passes** (one run of these files):

`public/a/index.html`:

```html
<html><head><title>Spring sale</title><meta property="og:url" content="https://example.com/a/">
<link rel="canonical" href="https://example.com/b/"></head><body><h1>Spring sale</h1></body></html>
```

`public/b/index.html`:

```html
<html><head><title>Sale</title><meta property="og:url" content="https://example.com/b/">
<link rel="canonical" href="https://example.com/b/"></head><body><h1>Sale</h1></body></html>
```
"""

from seoaudit.derive.canonical_graph import graph_members, owner, pointers
from seoaudit.model import Violation

ID = "canonical/chain"
SEVERITY = "warning"


def signature(page, options):
    return graph_members(page, owners=("elsewhere",))


def check_group(url, members, options):
    middle = owner(members, ("elsewhere",))
    if middle is None:
        return
    final, final_key = middle.value, middle.extra[2]
    for pointer in pointers(members):
        if final_key in pointer.extra[1]:
            continue  # back to the start: a loop (canonical/loop)
        yield pointer.key, Violation(
            f"the canonical {pointer.value} is {middle.document.display_source}, which is itself canonicalised to "
            f"{final}: a chain of two hops", pointer.location, value=pointer.value, expected=final,
            view=pointer.view,
            fix=f"Point the canonical straight at {final} (or, if {pointer.value} is the page to index, make its "
                "canonical name itself).")
