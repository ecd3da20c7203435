"""Two schema nodes share an `@id` but disagree on their `@type` or on a value.

**What it checks.** When the page's graph defines the same `@id` more than once (in one block or in
several), the definitions agree: their `@type`s are the same or one list contains the other
(`"Person"` and `["Person", "Organization"]` agree), and every property that both give a single
scalar value (a string, number or boolean) has the same value. Repeating a node identically, or
adding properties to it, is fine: that is how a graph describes one thing in several places.

**Why it matters.** JSON-LD processors do not pick one of the definitions: they merge all nodes with
one `@id` into a single node, so two names become one entity with two names and two types become
one thing that is both an Organization and a WebPage. Google then shows either value, or neither.
Typical causes: two plugins (or a theme and a plugin) each writing their own `#organization`, and a
plugin reusing one id for different things, such as one `#/schema/person/image/` for the avatar of
every author on the page.

**Options.** None.

**Source.** jsonld.js `createMergedNodeMap` (nodes with one `@id` are merged); squirrelscan entity
conflicts and type drift (PR #338, warning); Parsely/wp-parsely#997 and
schema-and-structured-data-for-wp#109 (parallel graphs); peer-checks.md §7 row 72.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example Ltd"},
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example Shop"}]}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example Ltd"},
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example Ltd",
  "url": "https://example.com/"}]}</script>
</head></html>
```
"""

from seoaudit.model import Violation

from ._shared import is_blank, schema_graph

ID = "schema/conflicting-duplicate-id"
SEVERITY = "error"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)

SCALARS = (str, int, float, bool)


def type_conflict(first: tuple[str, ...], other: tuple[str, ...]) -> bool:
    a, b = set(first), set(other)
    return bool(a) and bool(b) and not (a <= b or b <= a)


def scalar_conflicts(seen: dict, data: dict) -> list[tuple[str, object, object]]:
    """(property, earlier value, this value) for each scalar both give differently."""
    found = []
    for key, value in data.items():
        if key.startswith("@") or key not in seen or not isinstance(value, SCALARS):
            continue
        earlier = seen[key]
        if isinstance(earlier, SCALARS) and _text(earlier) != _text(value):
            found.append((key, earlier, value))
    return found


def _text(value) -> str:
    # 1200 and "1200" are the same value to every consumer that matters here
    return str(value).lower() if isinstance(value, bool) else str(value).strip()


def check(page, options):
    graph, view = schema_graph(page)
    if graph is None:
        return
    for node_id, nodes in graph.by_id.items():
        if len(nodes) < 2 or is_blank(node_id):
            continue
        types: tuple[str, ...] = ()
        seen: dict = {}
        for node in nodes:
            differences = []
            if type_conflict(types, node.types):
                differences.append(f"@type {'/'.join(types)} vs {'/'.join(node.types)}")
            differences += [f'{key} "{a}" vs "{b}"' for key, a, b in scalar_conflicts(seen, node.data)]
            if differences:
                yield Violation(f"@id {node_id} is defined twice with different values: {'; '.join(differences)}",
                                node.location, value=differences, expected="identical definitions", view=view,
                                fix="Keep one definition of the node (remove the second plugin's or theme's copy), "
                                    "or give different things different @ids.")
            types = types or node.types
            for key, value in node.data.items():
                seen.setdefault(key, value)
