"""A node of Yoast's graph does not carry the `@id` Yoast gives that piece.

**What it checks.** Only in a graph Yoast SEO produced (a `yoast-schema-graph` script, or
`yoast_head_json`), the `@id` of each piece follows Yoast's conventions (`src/config/schema-ids.php`):

- the Article (any article type) ends in `#article`; the BreadcrumbList in `#breadcrumb`;
- the ImageObject behind a WebPage's `primaryImageOfPage` ends in `#primaryimage`;
- the top-level WebSite ends in `#website`; the top-level Organization in `#organization`, and its logo
  in `#/schema/logo/image/` (older versions: `#logo`);
- a top-level Person has `…#/schema/person/<32 hex digits>`.

The WebPage's id (the permalink, or `canonical#webpage`) is checked by `schema/id-off-canonical`.

**Why it matters.** Yoast's pieces, its add-ons (News, Local, WooCommerce) and the `wpseo_schema_*`
filters of other plugins join the graph through these ids. A piece with another id is usually a
custom filter or another plugin replacing a piece without keeping its id, so the references other
pieces make to it dangle or point at a duplicate. Worth knowing when a graph misbehaves.

**Severity.** info: the graph still works; a hint that a filter or a front end rewrote Yoast's ids.

**Options.** None.

**Source.** Yoast `src/config/schema-ids.php` and `src/generators/schema/*.php`; peer-checks.md §6 and
§7 row 75 (`graph/yoast-id-pattern`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#/schema/article/7", "headline": "Hello"},
  {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello"},
  {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example"}]}}}
```
"""

import re

from seoaudit.derive.schema_types import is_article
from seoaudit.model import Violation

from ._shared import node_label

ID = "schema/yoast-id-pattern"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
PERSON_ID = re.compile(r"#/schema/person/[0-9a-f]{32}$")


def yoast_graph(page):
    """The graph and view name when Yoast produced the page's schema, else (None, None)."""
    view = page.schema_view
    if view is None:
        return None, None
    if view.name in ("yoast_head_json", "yoast_head") or view.producer == "Yoast SEO" or any(
            "yoast-schema-graph" in (block.css_class or "").split() for block in view.jsonld):
        return page.graph, view.name
    return None, None


def expected_suffix(graph, node) -> tuple[tuple[str, ...], str] | None:
    """(accepted endings, how to name them) for the pieces whose id Yoast fixes."""
    if is_article(node) and node.top_level:
        return ("#article",), "#article"
    if node.is_a("BreadcrumbList"):
        return ("#breadcrumb",), "#breadcrumb"
    if node.top_level and node.is_a("WebSite"):
        return ("#website",), "#website"
    if node.top_level and node.is_a("Organization") and not node.is_a("Person"):
        return ("#organization",), "#organization"
    if node.is_a("ImageObject") and node.property == "logo" and node.parent is not None \
            and node.parent.is_a("Organization") and node.parent.top_level:
        return ("#/schema/logo/image/", "#logo"), "#/schema/logo/image/"
    if node.is_a("ImageObject") and any(ref.property == "primaryImageOfPage" and node in graph.resolve(ref)
                                        for ref in graph.references):
        return ("#primaryimage",), "#primaryimage"
    return None


def check(page, options):
    graph, view = yoast_graph(page)
    if graph is None:
        return
    for node in graph.nodes:
        if not node.id:
            continue
        if node.top_level and node.is_a("Person") and not node.is_a("Organization"):
            if not PERSON_ID.search(node.id):
                yield Violation(f"Person @id {node.id} is not Yoast's …#/schema/person/<hash>",
                                node.location.child("@id"), value=node.id,
                                expected="{site}#/schema/person/<32 hex digits>", view=view,
                                fix="Keep Yoast's person id when a filter or plugin replaces the Person piece.")
            continue
        wanted = expected_suffix(graph, node)
        if wanted is None or node.id.endswith(wanted[0]):
            continue
        yield Violation(f"{node_label(node)} does not end in Yoast's {wanted[1]}", node.location.child("@id"),
                        value=node.id, expected=f"…{wanted[1]}", view=view,
                        fix="Keep Yoast's @id when a filter or another plugin replaces this piece, so the "
                            "references of the other pieces still reach it.")
