"""An article's author has no name.

**What it checks.** Every `author` of every Article-type node, followed through its `@id` to the node it
names, has a non-blank `name` (a plain-string author is its own name). A reference whose `@id` matches
no node is left to `schema/dangling-reference`, and an author whose `@id` is empty (`{"name": "", "@id": ""}`,
Yoast#22203) to `schema/empty-id`, which reports the empty author once; an article with no `author` at all is
`schema/article-missing-property`'s business.

**Why it matters.** An author without a name is no author for Google: the byline is dropped, and the
Rich Results Test reports "missing field name". In WordPress graphs it happens when the Person piece is
emitted for a user with an empty display name, or when the author reference points at a node that was
filtered out and replaced by an empty one (Yoast#22203: `"@id": ""` and an `…/author/` URL for a post
with no author).

**Severity.** warning: the byline is dropped from the article's structured data, but the page and its other
rich results work (Google's Article has no required property).

**Options.** None.

**Source.** Google Search Central, "Article structured data" (`author.name` recommended);
wordpress-ecosystem.md §5 check 24 (author present, resolving, with a non-empty name); Yoast#22203;
peer-checks.md §7 row 87 (`article/author`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "author": {"@id": "https://example.com/#/schema/person/1"}},
  {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "",
   "url": "https://example.com/author/"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "author": {"@id": "https://example.com/#/schema/person/1"}},
  {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ada Lovelace"}]}}}
```
"""

from seoaudit.model import Violation

from ._shared import is_bare_reference, is_blank, node_label
from ._types import articles, entities, entity_name

ID = "schema/author-name-missing"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options, graph):
    view, nodes = page.schema_view.name, articles(graph)
    for node in nodes:
        for entity in entities(graph, node, "author"):
            if is_bare_reference(entity) or (isinstance(entity.data, dict) and is_blank(entity.data.get("@id"))):
                continue
            name, where = entity_name(entity)
            if name:
                continue
            who = f"{'/'.join(entity.types) or 'author'} {entity.id}" if entity.id else "its author"
            where = where if isinstance(entity.data, dict) and "name" in entity.data else entity.location
            yield Violation(f"the author of {node_label(node)} has no name ({who})", where,
                            value=entity.data.get("name") if isinstance(entity.data, dict) else entity.data,
                            expected="the author's name", view=view,
                            fix="Give the author a name (WordPress: Users → Profile → display name), or point the "
                                "article's author at the Person node that has it.")
