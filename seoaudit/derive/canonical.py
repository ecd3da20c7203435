"""The page's canonical as the rules that compare other URLs with it read it, and the schema nodes that describe
the page."""

from __future__ import annotations

from seoaudit import urls
from seoaudit.derive.schema_types import WEBPAGE
from seoaudit.extract.view import Field, View


def head_canonicals(view: View) -> list[Field]:
    """The non-empty canonicals search engines read: those inside <head> (every plugin JSON value)."""
    return [c for c in view.canonicals if c.in_head and c.value]


def canonical_url(view: View) -> Field | None:
    """The view's canonical when it is an absolute http(s) URL and the only distinct one: a relative, invalid
    or conflicting canonical has its own rule, and comparing other URLs with it would only repeat that."""
    field = view.canonical
    if field is None or urls.parse(field.value) is None or len(distinct(head_canonicals(view))) > 1:
        return None
    return field


def distinct(fields: list[Field]) -> dict:
    """Canonicals grouped by the URL a search engine sees (host case, default port and fragment aside)."""
    groups: dict = {}
    for field in fields:
        parsed = urls.parse(field.value)
        groups.setdefault(parsed.key if parsed else field.value, []).append(field)
    return groups


def webpage_nodes(graph, canonical: str | None = None) -> list:
    """The nodes that describe this page, top-level ones first: top-level WebPage-family nodes, and a WebPage
    written inline as the `mainEntityOfPage` of a top-level node that is this page's main entity (it has no
    `url` / `@id` of its own, or the canonical). WebPages reached otherwise (`isPartOf`, a VideoObject's own
    `mainEntityOfPage` on a news page) describe other pages."""
    def main_entity_page(node) -> bool:
        parent = node.parent
        if node.property != "mainEntityOfPage" or parent is None or not parent.top_level:
            return False
        own = [v for v in (parent.id, parent.get("url")) if isinstance(v, str) and urls.parse(v) is not None]
        return not own or (canonical is not None and any(urls.same(v, canonical) for v in own))

    pages = [n for n in graph.nodes if any(t in WEBPAGE for t in n.types)]
    return [n for n in pages if n.top_level] + [n for n in pages if not n.top_level and main_entity_page(n)]
