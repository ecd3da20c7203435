"""Several pages of this run give their WebPage or Article node the same `@id`.

**What it checks.** Across the documents of a run, the absolute `@id` of every top-level WebPage and Article node
(and their subtypes) of the page's JSON-LD graph (`#webpage` is relative to each page's URL). An `@id` names one
thing; when distinct pages of the run (one post read twice is one page; a page canonicalised to another, or
noindex, is left out: its schema describes the other page) use the same `@id` for their own page or article, each
gets a finding that names the others (the first few and a count).

**Why it matters.** Search engines join nodes by `@id`: two pages that call their WebPage or Article by one
identifier claim to be one thing, so their dates, headlines and images are merged or one page's rich result is
attributed to the other. The usual cause is a hard-coded `@id` in a theme or a schema plugin's template
(`https://example.com/#webpage` on every page) or schema copied with a duplicated post.

**Severity.** error: the pages contradict each other: each claims the other's identity, and search engines cannot
tell which node describes which page.

**Options.** None.

**Source.** W3C JSON-LD 1.1 (`@id`: a node identifier, "uniquely identifies a node"); Yoast schema
documentation (WebPage and Article ids are built from the page's canonical); peer-checks.md row 72.

**Fails** (one run of these files):

`content/a.json`:

```json
{"link": "https://example.com/a/", "status": "publish", "title": {"rendered": "A"},
 "yoast_head_json": {"title": "A", "canonical": "https://example.com/a/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebPage", "@id": "https://example.com/#webpage", "url": "https://example.com/a/"}]}}}
```

`content/b.json`:

```json
{"link": "https://example.com/b/", "status": "publish", "title": {"rendered": "B"},
 "yoast_head_json": {"title": "B", "canonical": "https://example.com/b/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebPage", "@id": "https://example.com/#webpage", "url": "https://example.com/b/"}]}}}
```

**Passes** (one run of these files):

`content/a.json`:

```json
{"link": "https://example.com/a/", "status": "publish", "title": {"rendered": "A"},
 "yoast_head_json": {"title": "A", "canonical": "https://example.com/a/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebPage", "@id": "https://example.com/a/", "url": "https://example.com/a/"}]}}}
```

`content/b.json`:

```json
{"link": "https://example.com/b/", "status": "publish", "title": {"rendered": "B"},
 "yoast_head_json": {"title": "B", "canonical": "https://example.com/b/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebPage", "@id": "https://example.com/b/", "url": "https://example.com/b/"}]}}}
```
"""

from seoaudit import urls
from seoaudit.batch import Occurrence, duplicates
from seoaudit.derive.schema_types import ARTICLE, WEBPAGE

from ._shared import schema_graph

ID = "schema/page-id-shared"
SEVERITY = "error"
PAGE_TYPES = tuple(WEBPAGE | ARTICLE)


def signature(page, options):
    if page.cross_document_key is None:
        return None  # noindex or canonicalised elsewhere: its schema describes another page
    graph, view = schema_graph(page)
    if graph is None:
        return None
    found = {}
    for node in graph.nodes:
        # top-level only: an archive may nest the Article nodes of other pages, which are theirs, not its own
        # an absolute @id only: `#webpage` is relative to each page's own URL, so it names a different node on each
        if node.top_level and isinstance(node.id, str) and urls.parse(node.id.strip()) and node.is_a(*PAGE_TYPES):
            found.setdefault(node.id.strip(), Occurrence(node.id, node.location.child("@id"), view))
    return found or None


def check_group(node_id, members, options):
    yield from duplicates(members, "WebPage or Article @id",
                          "Build each page's WebPage and Article @id from its own canonical URL (Yoast: "
                          "`{canonical}` and `{canonical}#article`); remove hard-coded ids from the theme.")
