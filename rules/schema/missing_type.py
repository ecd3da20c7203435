"""A top-level schema node has no `@type`.

**What it checks.** Every top-level node of the page's graph (each member of `@graph`, each top-level
object or array item) has an `@type` that is a string or a list of strings. Nested objects are not
checked: an untyped nested value such as `"author": {"name": "Ann"}` is common and still readable. A node
with no schema.org context is `schema/context-not-schema-org`'s (one block, one finding), and application data
with neither `@context` nor `@type` is not structured data and is not judged.

**Why it matters.** The type is what a node *is*: without it a consumer cannot tell an Article from a
WebPage, Google's rich-result features never match it, and every property on it is ignored. It is
usually a template that lost its type, or a node meant as a reference (`{"@id": …}`) placed in
`@graph` where a full node belongs.

**Severity.** warning: the node is ignored, but the other nodes of the graph still work.

**Options.** None.

**Source.** squirrelscan `schema/json-ld-valid` (every node typed, warning); Yoast developer schema
spec (every piece has an `@type`); peer-checks.md §7 row 67 (`jsonld/type`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@id": "https://example.com/#website", "name": "Example"}]}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example"}]}</script>
</head></html>
```
"""

from seoaudit.model import Violation

from ._types import judged_nodes

ID = "schema/missing-type"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)


def check(page, options, graph):
    view = page.schema_view.name
    under_schema = {id(node) for node, _ in judged_nodes(graph)}  # else schema/context-not-schema-org speaks
    for node in graph.nodes:
        if not node.top_level or any(t.strip() for t in node.types) or id(node) not in under_schema:
            continue
        raw = node.get("@type")
        name = f"top-level node {node.id}" if node.id else "a top-level node without @id"
        if raw is None:
            message, where = f"{name} has no @type", node.location
        else:
            message, where = f"{name} has an @type that is not a type name: {raw!r}", node.location.child("@type")
        yield Violation(message, where, value=raw, expected="a schema.org type such as WebPage", view=view,
                        fix='Give the node its schema.org type ("@type": "WebPage", "Article", …), or move a bare '
                            '{"@id": …} reference into the property that points at it.')

