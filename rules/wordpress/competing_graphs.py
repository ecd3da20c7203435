"""Two separate schema graphs describe the same page, site or organisation.

**What it checks.** The JSON-LD of one page comes from one producer. On an HTML page, every JSON-LD
script is a separate source (and its class tells which plugin wrote it: `yoast-schema-graph`,
`rank-math-schema`, `aioseo-schema`, …; a script without one is the theme's or another plugin's); on a
WordPress object, each plugin's fields are one source (Yoast's, AIOSEO's, a WPGraphQL `seo` field with its
`fullHead`). Two top-level nodes of one family from two different sources compete when they are not merged
by a shared `@id`:
- Article (any Article or BlogPosting type) or WebPage (any WebPage type but FAQPage and QAPage, which
  FAQ plugins add beside the SEO plugin's WebPage) nodes that both describe this page (their `url` or
  `@id` is the canonical, or they have none);
- WebSite or Organization nodes with the same `name` or the same `url`.
One finding per family.

**Why it matters.** Google reads every JSON-LD script of the page. Two Articles or two WebPages for
one page, or the site's Organization twice with different logos or ids, give it two competing
descriptions: it picks one (maybe the incomplete one), rich results can be refused for conflicting
data, and the publisher's identity is split. It happens when two SEO plugins are active at once, or
when a theme or a news / schema plugin adds its own graph next to the SEO plugin's (Parsely/wp-parsely#997
NewsArticle twice with Yoast; ahmedkaludi/schema-and-structured-data-for-wp#109 duplicate Organization;
Yoast#2286 duplicate JSON-LD).

**Severity.** warning: real duplication, which Google tolerates (it picks one description), so the impact
is uncertain.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 20 (`schema-single-graph`) and §4 (duplicate or parallel
graphs); Parsely/wp-parsely#997; ahmedkaludi/schema-and-structured-data-for-wp#109.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<script type="application/ld+json" class="yoast-schema-graph">{"@context": "https://schema.org", "@graph": [
 {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Post"}]}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Post", "url": "https://example.com/post/"}</script>
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<script type="application/ld+json" class="yoast-schema-graph">{"@context": "https://schema.org", "@graph": [
 {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Post"}]}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Recipe", "name": "Soup"}</script>
</head><body></body></html>
```
"""

from seoaudit import urls
from seoaudit.derive.schema_types import ARTICLE, ORGANIZATION, WEBPAGE, WEBSITE
from seoaudit.model import Violation
from seoaudit.seo_plugins import block_producer, view_producer

ID = "wordpress/competing-graphs"
SEVERITY = "warning"

# FAQPage and QAPage are left out of the WebPage family: a FAQ block's own FAQPage next to the SEO plugin's
# WebPage is how most FAQ plugins work, and Google reads the FAQ from it either way.
FAMILIES = {"Article": ARTICLE, "WebPage": WEBPAGE - {"FAQPage", "QAPage"}, "WebSite": WEBSITE,
            "Organization": ORGANIZATION}
PAGE_FAMILIES = ("Article", "WebPage")


def check(page, options):
    sources = _sources(page)
    if len(sources) < 2:
        return
    canonical = page.canonical.value if page.canonical is not None else None
    nodes = [(family, node, where, label, view, index) for index, (label, view, blocks) in enumerate(sources)
             for block in blocks for node, where in _top_nodes(block)
             for family in _families(node)]
    for family in FAMILIES:
        members = [n for n in nodes if n[0] == family and (family not in PAGE_FAMILIES or _about(n[1], canonical))]
        pair = _competing(members, family)
        if pair is None:
            continue
        (_, a, _, label_a, _, _), (_, b, where_b, label_b, view_b, _) = pair
        what = "page" if family in PAGE_FAMILIES else "site"
        yield Violation(f"two {family} descriptions of this {what}: {_describe(a)} from {label_a} and "
                        f"{_describe(b)} from {label_b}", where_b,
                        value=[_describe(a), _describe(b)], expected=f"one {family} node (or one shared @id)",
                        view=view_b,
                        fix="Keep one schema producer: turn off the second plugin's or the theme's schema output, "
                            "or make it extend the SEO plugin's graph (same @id) instead of adding its own.")


def _sources(page) -> list[tuple[str, str, list]]:
    """(label, view name, JSON-LD blocks) for each independent producer of the page's schema."""
    html = page.views.get("html")
    if html is not None:
        blocks = [b for b in html.jsonld if b.error is None and b.data is not None]
        return [(_block_label(b), "html", [b]) for b in blocks]
    found, plugins = [], set()
    for view in page.ranked_views:  # one source per plugin: its structured fields and its head say the same
        plugin = view_producer(view) or view.name
        if not view.jsonld or plugin in plugins:
            continue
        plugins.add(plugin)
        found.append((f"{plugin} ({view.name})" if plugin != view.name else view.name, view.name, view.jsonld))
    return found


def _block_label(block) -> str:
    where = block.location.describe()
    producer = block_producer(block)
    return f"{producer} ({where})" if producer else f"a script without a plugin class ({where})"


def _top_nodes(block):
    data, where = block.data, block.location
    items = [(data, where)] if isinstance(data, dict) else [(d, where.child(i)) for i, d in enumerate(data or [])
                                                            if isinstance(data, list)]
    for item, at in items:
        if not isinstance(item, dict):
            continue
        members = item.get("@graph")
        if isinstance(members, list):
            yield from ((m, at.child("@graph", i)) for i, m in enumerate(members) if isinstance(m, dict))
        elif isinstance(members, dict):
            yield members, at.child("@graph")
        else:
            yield item, at


def _types(node: dict) -> list[str]:
    raw = node.get("@type")
    return [t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)]


def _families(node: dict) -> list[str]:
    types = _types(node)
    return [family for family, members in FAMILIES.items() if any(t in members for t in types)]


def _own_urls(node: dict) -> list[str]:
    return [urls.without_fragment(v) for v in (node.get("@id"), node.get("url")) if isinstance(v, str) and v.strip()]


def _about(node: dict, canonical: str | None) -> bool:
    """The node describes this page: its url/@id is the canonical, or it names no page."""
    own = [v for v in _own_urls(node) if urls.parse(v) is not None]
    return not own or canonical is None or any(urls.same(v, canonical) for v in own)


def _same_entity(a: dict, b: dict) -> bool:
    name_a, name_b = a.get("name"), b.get("name")
    if isinstance(name_a, str) and isinstance(name_b, str) and name_a.strip().casefold() == name_b.strip().casefold():
        return True
    return any(urls.same(x, y) for x in _own_urls(a) for y in _own_urls(b))


def _competing(members, family):
    for i, first in enumerate(members):
        for second in members[i + 1:]:
            if first[5] == second[5]:
                continue  # the same source
            id_a, id_b = first[1].get("@id"), second[1].get("@id")
            if isinstance(id_a, str) and id_a == id_b:
                continue  # merged into one entity by the shared @id
            if family in PAGE_FAMILIES or _same_entity(first[1], second[1]):
                return first, second
    return None


def _describe(node: dict) -> str:
    ident = node.get("@id") if isinstance(node.get("@id"), str) else node.get("url")
    return f"{'/'.join(_types(node))} {ident}" if isinstance(ident, str) else f"{'/'.join(_types(node))} (no @id)"
