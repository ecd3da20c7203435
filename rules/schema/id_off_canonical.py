"""A page-level schema node's `@id` is not on the page's canonical URL.

**What it checks.** The `@id`s of the nodes that describe *this* page sit on its canonical URL (the id
without its `#fragment` is the canonical, compared as search engines compare URLs):

- top-level Article nodes (Article, BlogPosting, NewsArticle, …): Yoast `{canonical}#article`;
- top-level WebPage nodes (WebPage, CollectionPage, ProfilePage, …): Yoast ≥ 19.3 uses the permalink
  itself, older Yoast, Rank Math and AIOSEO use `{canonical}#webpage`. The WordPress post `link` is
  accepted too, because Yoast's WebPage `@id` is the permalink even when a custom canonical is set;
- the nodes whose id ends in `#primaryimage` or `#breadcrumb` (Yoast and Rank Math).

The canonical is the page's `rel=canonical`; when the page is noindex (Yoast then drops the
canonical) `og:url` stands in for it. Pages with neither are not checked, and ids that are not
absolute URLs are left to `schema/id-not-absolute`.

**Why it matters.** These ids name the page: other pages, the breadcrumb and Google join them on the
URL. An Article `@id` on another URL says the article lives elsewhere, which is what stale Yoast
indexables produce after a domain or permalink change, or mixed hosts between pieces (Yoast#15235,
Yoast#15325), and what Polylang produces with wrong-domain schema URLs (polylang#882).

**Severity.** info: `@id`s are opaque identifiers that nobody fetches, so an id on another URL breaks nothing
by itself; it is a hint that the plugin's data is stale. Not judged when the page has conflicting canonicals
(there is no one canonical to measure against: `canonical/conflicting` reports it). One finding per URL the
ids sit on, listing them, and none when the page's own WebPage sits on that URL: then the WebPage is off the
canonical too, and `canonical/schema-url-mismatch` reports the cause.

**Options.** None.

**Source.** Yoast `src/config/schema-ids.php` and generators (`{canonical}#article`, WebPage
`main_schema_id`); Yoast developer schema spec (WebPage `@id` and `url` = the unmodified canonical);
Yoast#15235; polylang#882; wordpress-ecosystem.md §5 check 19; peer-checks.md §7 rows 29 and 75.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://old.example.com/post/#article"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article"},
             {"@type": "WebPage", "@id": "https://example.com/post/"}]}}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import canonical_url, webpage_nodes
from seoaudit.derive.schema_types import ARTICLE, WEBPAGE
from seoaudit.model import Violation

from ._shared import fragment, id_page

ID = "schema/id-off-canonical"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)

PAGE_FRAGMENTS = ("primaryimage", "breadcrumb")


def canonical_anchor(page):
    """The URL page-level ids must sit on: the canonical (when there is one, unambiguous), else og:url on a
    noindex page."""
    if page.primary is not None and page.primary.canonicals:
        field = canonical_url(page.primary)
        return (field.value, "canonical") if field is not None else (None, None)
    if not page.is_indexable and page.primary is not None:
        og_url = page.primary.first("og:url")
        if og_url is not None and og_url.value:
            return og_url.value, "og:url"
    return None, None


def page_level(node) -> str | None:
    """What kind of page-level node this is, or None when its id need not sit on the canonical."""
    if node.top_level and node.is_a(*ARTICLE):
        return "Article"
    if node.top_level and node.is_a(*WEBPAGE):
        return "WebPage"
    if fragment(node.id).lower() in PAGE_FRAGMENTS:
        return f"#{fragment(node.id)}"
    return None


def check(page, options, graph):
    view = page.schema_view.name
    anchor, anchor_name = canonical_anchor(page)
    if anchor is None or urls.parse(anchor) is None:
        return
    permalink = page.link.value if page.link else None
    off: dict = {}  # the URL the ids sit on → [(node, kind)]: one finding per URL (one root cause)
    for node in graph.nodes:
        if not node.id or urls.parse(node.id) is None or (kind := page_level(node)) is None:
            continue
        on_page = id_page(node.id)
        if urls.same(on_page, anchor) or (kind == "WebPage" and permalink and urls.same(on_page, permalink)):
            continue
        off.setdefault(urls.parse(on_page).key, []).append((node, kind))
    webpages = [v for n in webpage_nodes(graph, anchor) for v in (n.id and id_page(n.id), n.get("url"))
                if isinstance(v, str) and urls.parse(v) is not None]
    for nodes in off.values():
        on_page = id_page(nodes[0][0].id)
        if any(urls.same(on_page, v) for v in webpages):
            continue  # the page's WebPage is there too: canonical/schema-url-mismatch reports the cause
        first = nodes[0][0]
        listed = ", ".join(f"{'/'.join(n.types) or kind} {n.id}" for n, kind in nodes)
        yield Violation(f"{len(nodes)} page-level @id{'s are' if len(nodes) > 1 else ' is'} on {on_page}, not on the "
                        f"{anchor_name} {anchor} ({', '.join(urls.differences(on_page, anchor))}): {listed}",
                        first.location.child("@id"), value=[n.id for n, _ in nodes],
                        expected=anchor + (f"#{fragment(first.id)}" if fragment(first.id) else ""), view=view,
                        fix=f"Build the @ids from the {anchor_name} URL; after a domain or permalink change, rebuild "
                            "the SEO plugin's data (Yoast: Tools → Optimize SEO data).")
