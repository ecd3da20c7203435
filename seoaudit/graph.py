"""graph: the schema.org nodes of a page, flattened once, indexed by `@id`, with every reference.

Rules ask the graph; they never walk JSON-LD themselves. A reference is an object whose only key is
`@id` (Yoast also writes `{"name": …, "@id": …}` for authors: an object with an `@id` and no `@type`
is a reference too). `sameAs` values are identifiers of other things, never references. A top-level object
with neither `@context` nor `@type` (nor `@graph`) is a data island, application data a site keeps in an
`ld+json` script (a tag list, a player's config), not linked data: it is left out of the graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .extract.view import JsonLdBlock
from .model import Location

MAX_DEPTH = 64
T = TypeVar("T")
NOT_REFERENCES = frozenset({"sameAs", "url", "@context"})


@dataclass(slots=True, eq=False)  # identity, not deep comparison of the JSON
class Node:
    data: dict
    location: Location
    types: tuple[str, ...]
    id: str | None
    top_level: bool
    parent: Node | None = None
    property: str | None = None  # the property of the parent that holds this node

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def is_a(self, *names: str) -> bool:
        for t in self.types:  # noqa: SIM110 - a loop is twice as fast as any(genexpr), asked of every node
            if t in names:
                return True
        return False


@dataclass(slots=True)
class Reference:
    id: Any
    property: str
    location: Location
    source: Node


@dataclass(slots=True)
class Context:
    value: Any
    location: Location
    types: tuple[str, ...] = ()  # the `@type` of the top-level object that holds it (none for an `@graph`)


@dataclass(slots=True)
class Graph:
    nodes: list[Node] = field(default_factory=list)
    by_id: dict[str, list[Node]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)  # one per top-level object, even when absent
    too_deep: Location | None = None  # the first node nested past `max_depth` (it and what it holds are left out)
    too_many: int = 0  # nodes found past `max_nodes` (left out); 0: every node is in the graph
    max_depth: int = MAX_DEPTH
    max_nodes: int = 5000
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # see `memo`

    def memo(self, compute: Callable[[Graph], T]) -> T:
        """`compute(self)`, computed once per graph: what several rules derive from it (the articles, the
        nodes under a schema.org context) is derived by the first that asks. The graph is never changed."""
        if compute not in self._memo:
            self._memo[compute] = compute(self)
        return self._memo[compute]

    def resolve(self, ref: Any) -> list[Node]:
        """The typed nodes a reference (or an inline node) stands for."""
        if isinstance(ref, Node):
            return [ref]
        if isinstance(ref, Reference):
            ref = ref.id
        return self.by_id.get(ref, []) if isinstance(ref, str) else []

    def of_type(self, *names: str) -> list[Node]:
        return [n for n in self.nodes if n.is_a(*names)]

    def targets(self, node: Node, prop: str) -> list[Node]:
        """The nodes a property of `node` points at, inline or by `@id`."""
        references, nested = self.memo(_edges)
        found: list[Node] = []
        for ref in references.get((node, prop), ()):
            found.extend(self.resolve(ref))
        found.extend(nested.get((node, prop), ()))
        return found


def _edges(graph: Graph) -> tuple[dict, dict]:
    """(node, property) → its references, and → the nodes nested under it, each in graph order: `targets`
    without a pass over the whole graph per question."""
    references: dict = {}
    nested: dict = {}
    for ref in graph.references:
        references.setdefault((ref.source, ref.property), []).append(ref)
    for node in graph.nodes:
        nested.setdefault((node.parent, node.property), []).append(node)
    return references, nested


def build_graph(blocks: Iterable[JsonLdBlock], max_depth: int = MAX_DEPTH, max_nodes: int = 5000) -> Graph:
    """The graph of these blocks, with at most `max_nodes` nodes nested at most `max_depth` deep: past
    either, `too_deep` / `too_many` say what was left out (`input/limit-exceeded` reports it)."""
    graph = Graph(max_depth=max_depth, max_nodes=max_nodes)
    for block in blocks:
        if block.error is not None or block.data is None:
            continue
        _walk_top(graph, block.data, block.location)
    return graph


def is_data_island(item: Any) -> bool:
    """A top-level JSON-LD object that is application data, not linked data: no `@context`, `@type` or `@graph`."""
    return isinstance(item, dict) and not ({"@context", "@type", "@graph"} & item.keys())


def _walk_top(graph: Graph, data: Any, where: Location) -> None:
    items = [(data, where)] if isinstance(data, dict) else []
    if isinstance(data, list):
        items = [(item, where.child(i)) for i, item in enumerate(data)]
    for item, at in items:
        if not isinstance(item, dict) or is_data_island(item):
            continue
        raw = item.get("@type")
        types = (raw,) if isinstance(raw, str) else tuple(t for t in raw if isinstance(t, str)) if isinstance(
            raw, list) else ()
        graph.contexts.append(Context(item.get("@context"), at.child("@context") if "@context" in item else at, types))
        members = item.get("@graph")
        if isinstance(members, list):
            for i, member in enumerate(members):
                if isinstance(member, dict):
                    _walk_node(graph, member, at.child("@graph", i), None, None, 1, True)
        elif isinstance(members, dict):
            _walk_node(graph, members, at.child("@graph"), None, None, 1, True)
        else:
            _walk_node(graph, item, at, None, None, 1, True)


def _walk_node(graph: Graph, data: dict, where: Location, parent: Node | None, prop: str | None,
               depth: int, top_level: bool) -> None:
    if depth > graph.max_depth:
        graph.too_deep = graph.too_deep or where
        return
    if len(graph.nodes) + len(graph.references) >= graph.max_nodes:  # an @id reference counts as a node
        graph.too_many += 1
        return
    node_id = data.get("@id")
    raw_type = data.get("@type")
    if isinstance(raw_type, str):  # the usual case, without a generator
        types: tuple[str, ...] = (raw_type,)
    else:
        types = tuple(t for t in raw_type if isinstance(t, str)) if isinstance(raw_type, list) else ()
    if not top_level and parent is not None and "@type" not in data and "@id" in data:
        graph.references.append(Reference(node_id, prop or "", where.child("@id"), parent))
        # A reference may also describe its target (`{"@id": …, "name": …, "logo": {…}}`): walk what it holds,
        # under a holder that is not itself indexed as a node.
        holder = Node(data, where, (), node_id if isinstance(node_id, str) else None, False, parent, prop)
        _walk_children(graph, holder, data, where, depth)
        return
    node = Node(data, where, types, node_id if isinstance(node_id, str) else None, top_level, parent, prop)
    graph.nodes.append(node)
    if isinstance(node_id, str):
        graph.by_id.setdefault(node_id, []).append(node)
    _walk_children(graph, node, data, where, depth)


def _walk_children(graph: Graph, owner: Node, data: dict, where: Location, depth: int) -> None:
    for key, value in data.items():
        if not isinstance(value, (dict, list)) or key in NOT_REFERENCES or key.startswith("@"):
            continue  # a string or a number holds no node (and needs no Location)
        for at, item in _members(value, where.child(key)):
            _walk_node(graph, item, at, owner, key, depth + 1, False)


def _members(value: Any, at: Location) -> list[tuple[Location, dict]]:
    """The objects a property holds: one, a list of them, or a JSON-LD `@list` / `@set` container."""
    if isinstance(value, dict):
        container = next((k for k in ("@list", "@set") if k in value), None)
        if container is None:
            return [(at, value)]
        value, at = value[container], at.child(container)
        if isinstance(value, dict):
            return [(at, value)]
    if not isinstance(value, list):
        return []
    return [(at.child(i), item) for i, item in enumerate(value) if isinstance(item, dict)]
