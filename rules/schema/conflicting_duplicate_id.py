"""Two schema nodes share an `@id` but disagree on their `@type` or on a value.

**What it checks.** When the page's graph defines the same `@id` more than once (in one block or in
several), the definitions agree: their `@type`s are the same or one list contains the other
(`"Person"` and `["Person", "Organization"]` agree), and every property that both give a single
scalar value (a string, number or boolean) has the same value. Repeating a node identically, or
adding properties to it, is fine: that is how a graph describes one thing in several places, and so is a
definition that leaves a value blank where the other gives it (one copy is less complete, they do not
disagree). Two definitions that disagree only on `@type` (a VideoObject and the WebPage it is the
`mainEntityOfPage` of, written with one URL as `@id`) are reported once per page, listing the ids.

**Why it matters.** JSON-LD processors do not pick one of the definitions: they merge all nodes with
one `@id` into a single node, so two names become one entity with two names and two types become
one thing that is both an Organization and a WebPage. Google then shows either value, or neither.
Typical causes: two plugins (or a theme and a plugin) each writing their own `#organization`, and a
plugin reusing one id for different things, such as one `#/schema/person/image/` for the avatar of
every author on the page.

**Severity.** error when two definitions of one node give different values (two names for one
Organization): the graph contradicts itself, and Google shows either value or neither. info when they differ
only in type: the merged node is odd but nothing Google reads is lost.

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

from seoaudit.model import MILD, Violation

from ._shared import is_blank

ID = "schema/conflicting-duplicate-id"
SEVERITY = "error"
SEVERITY_MILD = "info"
REQUIRES = ("graph",)  # passed in (registry.py)

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
        if is_blank(earlier) or is_blank(value):
            continue  # one copy leaves it out: less complete, not a contradiction
        if isinstance(earlier, SCALARS) and _text(earlier) != _text(value):
            found.append((key, earlier, value))
    return found


def _text(value) -> str:
    # 1200 and "1200" are the same value to every consumer that matters here
    return str(value).lower() if isinstance(value, bool) else str(value).strip()


def check(page, options, graph):
    view = page.schema_view.name
    type_only = []  # (id, node, "A vs B"): one finding per page
    for node_id, nodes in graph.by_id.items():
        if len(nodes) < 2 or is_blank(node_id):
            continue
        types: tuple[str, ...] = ()
        seen: dict = {}
        for node in nodes:
            typed = type_conflict(types, node.types)
            values = [f'{key} "{a}" vs "{b}"' for key, a, b in scalar_conflicts(seen, node.data)]
            if values:
                differences = ([f"@type {'/'.join(types)} vs {'/'.join(node.types)}"] if typed else []) + values
                yield Violation(f"@id {node_id} is defined twice with different values: {'; '.join(differences)}",
                                node.location, value=differences, expected="identical definitions", view=view,
                                fix=FIX)
            elif typed:
                type_only.append((node_id, node, f"{'/'.join(types)} vs {'/'.join(node.types)}"))
            types = types or node.types
            for key, value in node.data.items():
                seen.setdefault(key, value)
    if type_only:
        listed = "; ".join(f"{node_id} ({kinds})" for node_id, _, kinds in type_only)
        count = len(type_only)
        yield Violation(f"{count} @id{'s are' if count > 1 else ' is'} defined twice with different types only: "
                        f"{listed}", type_only[0][1].location, value=[node_id for node_id, _, _ in type_only],
                        expected="one @type per @id", view=view, case=MILD, fix=FIX)


FIX = ("Keep one definition of the node (remove the second plugin's or theme's copy), or give different things "
       "different @ids.")
