"""A node's `@type` is not a schema.org type.

**What it checks.** Every `@type` of every node in the page's graph (top-level and nested), for nodes
whose context is schema.org, is a type of the real schema.org vocabulary (core, pending and the hosted
extensions, as shipped in `seoaudit/data/schemaorg_vocab.json`). `schema:Article` and
`https://schema.org/Article` count as `Article`; a type from another vocabulary (`foaf:Person`, a full
IRI outside schema.org) is not judged. Case matters: `article` is not `Article`.

**Why it matters.** A consumer that does not know a type ignores the node: Google's rich results never
match it, and every property on it is lost. The usual causes are a typo or wrong case (`Blogposting`),
a type that only exists in a plugin's documentation, or a retired type from schema.org's attic.

**Severity.** warning: the node is ignored (a typo such as `Website` loses what it says), but the rest of the
graph works.

**Options.** None.

**Source.** Lighthouse structured-data `schema-validator.js` (error); structured-data-testing-tool
("No tests found for this schema", warning); peer-checks.md §7 row 68 (`schema/unknown-type`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPost",
 "headline": "Hello"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello"}</script>
</head></html>
```
"""

from seoaudit.derive.schema_types import schema_term, vocabulary
from seoaudit.model import Violation

from ._types import judged_nodes

ID = "schema/unknown-type"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)


def check(page, options, graph):
    view = page.schema_view.name
    vocab = vocabulary()
    for node, _defined in judged_nodes(graph):
        raw_types = node.get("@type")
        listed = isinstance(raw_types, list)
        for index, raw in enumerate(raw_types if listed else [raw_types]):
            name = schema_term(raw)
            if name is None or name in vocab.types:
                continue
            guess = vocab.suggest(name, "type")
            hint = f' (did you mean "{guess}"?)' if guess else ""
            where = node.location.child("@type", index) if listed else node.location.child("@type")
            yield Violation(f'@type "{raw}" is not a schema.org type{hint}', where, value=raw,
                            expected=guess or "a type from schema.org", view=view,
                            fix=f'Use the schema.org type name{f" {guess}" if guess else ""}, spelt and cased '
                                "as on schema.org; consumers ignore a node whose type they do not know.")
