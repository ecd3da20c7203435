"""What the schema rules share: the page's graph and view, schema.org type families, `@id` helpers.

Type families are deliberately small: a rule that judges a type asks `judgeable()` first, so a type
we do not know (a LocalBusiness subtype such as `Dentist`) is never reported as a mismatch.
"""

from __future__ import annotations

from seoaudit import urls


def schema_graph(page):
    """The page's graph and the name of the view it came from (None when the page has no JSON-LD)."""
    view = page.schema_view
    return (page.graph, view.name) if view is not None else (None, None)


def is_blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def node_label(node) -> str:
    """How a message names a node: its type and its `@id` (or its place when it has none)."""
    kind = "/".join(node.types) or "untyped node"
    where = node.id if node.id else f"at {node.location.describe()}"
    return f"{kind} {where}"


def id_page(raw: str) -> str:
    """The page an `@id` sits on: the id without its fragment."""
    return urls.without_fragment(raw)


def fragment(raw: str) -> str:
    return raw.split("#", 1)[1] if "#" in raw else ""


def block_text(view, block) -> str | None:
    """The raw text of an HTML view's JSON-LD script (the block keeps only its parsed data), found by line
    and by order among the JSON-LD scripts that start on that line."""
    if view.tree is None or block.location.line is None:
        return None
    same_line = [b for b in view.jsonld if b.location.line == block.location.line]
    scripts = [s for s in view.tree.iter("script") if s.sourceline == block.location.line
               and (s.get("type") or "").strip().lower() == "application/ld+json"]
    if len(scripts) != len(same_line):
        return None
    return scripts[same_line.index(block)].text or ""


def is_bare_reference(entity) -> bool:
    """A `{"@id": …}` that resolved to nothing: the dangling-reference rule's finding."""
    return isinstance(entity.data, dict) and set(entity.data) <= {"@id"} and not entity.types
