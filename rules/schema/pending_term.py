"""The graph uses a schema.org term that is still pending.

**What it checks.** Every `@type` and every property of the page's graph (nested nodes too, for nodes
whose context is schema.org) against the pending section of the real schema.org vocabulary
(pending.schema.org). One finding per pending term and node.

**Why it matters.** Pending terms are proposals: they may change or disappear, and search engines do
not document support for them, so a rich result should not depend on them. Worth knowing, not wrong.

**Severity.** info: pending terms are proposals that consumers may not read yet; advice.

**Options.** None.

**Source.** structured-data-testing-tool ("is draft schema property", warning); schema.org "pending"
section; peer-checks.md §7 row 70 (`schema/pending-property`).

**Fails:**

```html
<html><head><title>Shop</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "OnlineStore",
 "name": "Example"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Shop</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Store",
 "name": "Example"}</script>
</head></html>
```
"""

from functools import cache

from seoaudit.derive.schema_types import SCHEMA_PREFIXES, schema_term, vocabulary
from seoaudit.model import Violation

from ._types import judged_nodes

ID = "schema/pending-term"
SEVERITY = "info"
REQUIRES = ("graph",)  # passed in (registry.py)


@cache
def _pending_keys(vocab) -> frozenset[str]:
    """Every spelling of a key whose `schema_term` is pending: `term`, `schema:term`, `https://schema.org/term`…"""
    return frozenset(prefix + term for term in vocab.pending for prefix in ("", *SCHEMA_PREFIXES))


def check(page, options, graph):
    view = page.schema_view.name
    vocab = vocabulary()
    pending_keys = _pending_keys(vocab)
    for node, defined in judged_nodes(graph):
        raw_types = node.get("@type")
        for raw in raw_types if isinstance(raw_types, list) else [raw_types]:
            if schema_term(raw) in vocab.pending:
                yield Violation(f'@type "{raw}" is a pending schema.org type', node.location.child("@type"),
                                value=raw, expected="a type of schema.org's core", view=view,
                                fix="Keep it if it describes the thing best, but add a core type beside it "
                                    "(\"@type\": [\"OnlineStore\", \"Store\"]) so consumers understand the node.")
        if pending_keys.isdisjoint(node.data):
            continue  # no key names a pending term (most nodes): no loop over the keys
        for key in node.data:
            if key.startswith("@") or key in defined:
                continue
            if schema_term(key) in vocab.pending:
                yield Violation(f'"{key}" on {"/".join(node.types) or "a node"} is a pending schema.org property',
                                node.location.child(key), value=key, expected="a property of schema.org's core",
                                view=view, fix="Do not rely on a pending property for a rich result; use a core "
                                               "property where one exists.")
