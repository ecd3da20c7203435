"""Two pages of this run name each other as canonical (A → B → A).

**What it checks.** Across the documents of a run, a published, indexable page whose canonical names another
page of the run (matched by its WordPress `link`, else its `og:url`, or the URL it was served at; scheme, `www.`, a
trailing slash aside) whose canonical names the first page back. One finding per loop, on the first of the two
pages by name, naming the other.

**Why it matters.** Each page says the other is the one to index, so neither canonical can be followed: search
engines ignore both and choose a URL themselves, possibly the one that was meant to disappear. It usually
comes from swapping two posts' custom canonicals, or from a redirect plugin and an SEO plugin that disagree on
which URL is current. A loop through more than two pages shows as a `canonical/chain` at every hop.

**Severity.** error: the pages contradict each other: each declares the other canonical, and search engines then
ignore both declarations.

**Options.** None.

**Source.** Screaming Frog "Canonicals: Canonical Loop"; Google Search Central, "How to specify a canonical"
(a canonical should name the preferred URL, which names itself).

**Fails** (one run of these files):

`content/a.json`:

```json
{"link": "https://example.com/a/", "status": "publish", "title": {"rendered": "A"},
 "yoast_head_json": {"title": "A", "canonical": "https://example.com/b/"}}
```

`content/b.json`:

```json
{"link": "https://example.com/b/", "status": "publish", "title": {"rendered": "B"},
 "yoast_head_json": {"title": "B", "canonical": "https://example.com/a/"}}
```

**Passes** (one run of these files):

`content/a.json`:

```json
{"link": "https://example.com/a/", "status": "publish", "title": {"rendered": "A"},
 "yoast_head_json": {"title": "A", "canonical": "https://example.com/b/"}}
```

`content/b.json`:

```json
{"link": "https://example.com/b/", "status": "publish", "title": {"rendered": "B"},
 "yoast_head_json": {"title": "B", "canonical": "https://example.com/b/"}}
```
"""

from seoaudit.derive.canonical_graph import first_of, graph_members, owner, pointers
from seoaudit.model import Violation

ID = "canonical/loop"
SEVERITY = "error"


def signature(page, options):
    return graph_members(page, owners=("elsewhere",))


def check_group(url, members, options):
    other = owner(members, ("elsewhere",))
    if other is None:
        return
    for pointer in pointers(members):
        if other.extra[2] not in pointer.extra[1]:
            continue  # not back to this page: a chain (canonical/chain)
        # The same loop is seen from the other page's URL too: the first of the two by name reports it.
        if first_of([pointer, other]) is not pointer:
            continue
        yield pointer.key, Violation(
            f"the canonical {pointer.value} is {other.document.display_source}, whose canonical {other.value} "
            "names this page back: a canonical loop", pointer.location, value=pointer.value,
            expected="one of the two pages canonical to itself", view=pointer.view,
            fix="Decide which of the two pages is to be indexed, make its canonical name itself, and point the "
                "other one at it.")
