"""The schema.org WebPage node names a different URL than the canonical.

**What it checks.** In each view with JSON-LD, the node that describes the page itself (a top-level
WebPage or subtype: CollectionPage, ProfilePage, FAQPage, ItemPage, …, `@type` possibly a list, or an
Article's inline `mainEntityOfPage` WebPage) must say the canonical URL:
- its `url` must be the same URL as the canonical;
- its `@id`, ignoring a fragment (the `#webpage` of Yoast before 19.3 and of Rank Math, AIOSEO's `#` +
  the lowercased type), must be the canonical or the post `link` (Yoast 19.3+ uses the
  permalink as `@id`, which differs from the canonical when a custom canonical is set). With no `link`
  to compare (HTML pages, `get_head`), an `@id` is accepted when `url` already matches the canonical.
A WebPage that agrees with the post `link` while the canonical does not is left to
`canonical/mismatch-link`: the canonical is the odd one out.
Host case and default ports do not matter; the message says what differs. Views without a canonical
are not checked.

**Why it matters.** Google ties rich results, breadcrumbs and the entity graph to the WebPage URL. A
WebPage on another URL than the canonical describes a different page (stale indexables after a domain
change, Yoast#15235 "mixed hosts across pieces"; a headless rewrite that missed the schema,
Yoast#16134), so the Article, breadcrumb and image hanging off it are attached to the wrong page.

**Severity.** warning: the structured data is attached to another URL than the canonical, so rich results and
the entity graph may go to the wrong page; the page itself is still indexed. Not judged when the page has
conflicting canonicals (nothing to measure against: `canonical/conflicting`). When the other page-level ids
(`#article`, `#primaryimage`, `#breadcrumb`) sit on the same wrong URL, this one finding names them too
(`schema/id-off-canonical` stays silent about them: one cause).

**Options.** None.

**Source.** Yoast developer spec, WebPage piece: `@id` and `url` = "unmodified canonical URL"; Yoast
`src/generators/schema/webpage.php` (`url` = canonical, `@id` = `main_schema_id`); Yoast#15235,
Yoast#16134.

**Fails:**

```json
{"id": 3, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post/",
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": "WebPage", "@id": "https://old.example.com/post/", "url": "https://old.example.com/post/"}]}}}
```

**Passes:**

```json
{"id": 3, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post/",
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": ["WebPage", "FAQPage"], "@id": "https://example.com/post/#webpage",
    "url": "https://example.com/post/"}]}}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import canonical_url, webpage_nodes
from seoaudit.model import Violation

from ._shared import once_per_value, what_differs

ID = "canonical/schema-url-mismatch"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
FIX = ("Make the WebPage `url` (and `@id`) the canonical URL: rebuild the SEO plugin's data after a domain "
       "or permalink change, or rewrite the schema URLs too when a headless front end rewrites the canonical.")


def check(page, options):
    link = page.link.value if page.link else None

    def problems(view):
        canonical = canonical_url(view)
        if canonical is None or not view.jsonld:
            return []
        nodes = webpage_nodes(page.graph_of(view), canonical.value)
        return [p for node in nodes for p in node_problems(node, canonical.value, link)]

    def compared(view):  # what makes two views' findings the same finding (not where they sit)
        found = problems(view)
        return (view.canonical.value, *((prop, value) for prop, value, _ in found)) if found else None

    for view in once_per_value(page, compared):
        graph = page.graph_of(view)
        named = set()  # the other ids on a wrong URL are listed once
        for prop, value, location in problems(view):
            canonical = view.canonical.value
            also = [n.id for n in graph.nodes if n.id and n.id not in named and n.id != value and "#" in n.id
                    and urls.same(urls.without_fragment(n.id), urls.without_fragment(value))]
            named.update(also)
            listed = f"; {len(also)} more @id{'s' if len(also) > 1 else ''} on that URL: {', '.join(also)}"
            yield Violation(f"schema WebPage {prop} differs from the canonical: {what_differs(value, canonical)}"
                            + (listed if also else ""), location, value=value, expected=canonical, fix=FIX,
                            view=view.name)


def node_problems(node, canonical: str, link: str | None) -> list[tuple]:
    """(property, value, location) of each of the node's URLs that disagrees with the canonical."""
    found = []
    url = node.get("url") if isinstance(node.get("url"), str) else None
    url_agrees = url is not None and urls.same(url, canonical)
    # A url equal to the post link while the canonical is not: the canonical is the odd one out, and
    # canonical/mismatch-link already says so.
    is_post_link = url is not None and link is not None and urls.same(url, link)
    if url is not None and urls.parse(url) is not None and not url_agrees and not is_post_link:
        found.append(("url", url, node.location.child("url")))
    if node.id is None or urls.parse(node.id) is None:
        return found  # a blank-node or relative @id is the schema rules' business
    # URL keys leave the fragment out, so `canonical#webpage` is the canonical here.
    if urls.same(node.id, canonical) or (link and urls.same(node.id, link)) or (link is None and url_agrees):
        return found
    found.append(("@id", node.id, node.location.child("@id")))
    return found
