"""A schema node or reference has an empty `@id`.

**What it checks.** No node and no `{"@id": …}` reference in the page's graph has an `@id` that is
`""` or only whitespace.

**Why it matters.** An empty `@id` is a relative IRI that resolves to the document's own URL, so every
empty id on the page silently becomes the *same* node: a post with no author gets
`"author": {"@id": ""}`, which a JSON-LD processor merges with any other empty-id node into one
nonsense entity. Yoast output exactly this for posts whose author was missing (Yoast#22203,
together with an author `url` of `…/author/`).

**Severity.** warning: the node becomes an unnamed duplicate of the page itself, so what it stood for (usually
the author) is lost, but nothing Google requires depends on it. One finding per empty id, saying what else
the node lacks (an author with an empty id and no name is this rule's alone).

**Options.** None.

**Source.** Yoast#22203 (`"@id":""` for a post with no author); wordpress-ecosystem.md §5 check 18
(`schema-id-nonempty-unique`); JSON-LD 1.1 §4.1.2 (node identifiers are IRIs, resolved against the
document base).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "author": {"name": "", "@id": ""}}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "author": {"@id": "https://example.com/#/schema/person/1"}},
             {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ann"}]}}}
```
"""

from seoaudit.model import Violation

from ._shared import is_blank, node_label

ID = "schema/empty-id"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)


def check(page, options, graph):
    view = page.schema_view.name
    for node in graph.nodes:
        if is_blank(node.get("@id")):
            yield Violation(f"{node_label(node)} has an empty @id", node.location.child("@id"),
                            value=node.get("@id"), expected="an absolute URL with a #fragment", view=view,
                            fix="Give the node a stable absolute @id (such as https://example.com/#organization) "
                                "or remove the @id.")
    for ref in graph.references:
        if is_blank(ref.id):
            nameless = ref.property == "author" and not _named(ref)
            yield Violation(f"{ref.property} reference in {node_label(ref.source)} has an empty @id"
                            + (" and no name: the article has no usable author" if nameless else ""),
                            ref.location, value=ref.id, expected="the @id of a node on this page", view=view,
                            fix="Point the reference at a node that exists, or leave the property out when there "
                                "is nothing to point at (a post without an author).")


def _named(ref) -> bool:
    """The reference object carries a name of its own (Yoast writes `{"name": …, "@id": …}`)."""
    holder = ref.source.data.get(ref.property)
    holders = holder if isinstance(holder, list) else [holder]
    return any(isinstance(h, dict) and h.get("@id") == ref.id and isinstance(h.get("name"), str)
               and h["name"].strip() for h in holders)
