"""A site-level schema node's `@id` is not on the site's origin.

**What it checks.** The `@id` of every top-level WebSite, Organization (or subtype) and Person node is
an URL on the site's origin (scheme, host and port of the page: `site_url` from the configuration,
else the post link, the canonical or `og:url`). Ids that are not absolute URLs (`#org`, `_:b0`) are
not reported here: they resolve against the page's own URL, so they are on the site by construction,
and `schema/id-not-absolute` already warns about them.

**Why it matters.** Yoast and the other plugins build these ids from the home URL
(`{home}#website`, `{home}#organization`, `{home}#/schema/person/…`), so that every page of the site
names the same entities and Google joins them into one. An id on another origin splits the site's
identity and usually exposes a configuration defect: `http` ids on an `https` site, a staging or
CMS host leaking into a headless front end, a `site_url` that differs from `home_url`, or mixed
hosts between pieces (Yoast#15235, Yoast#15983, wp-graphql-yoast-seo PR#112).

**Severity.** info: `@id`s are opaque identifiers that nobody fetches; an id on another origin is a hint of a
configuration defect, not a broken page. Not reported for an id on a subdomain of the site or the site on a
subdomain of the id's host (a language host such as `en.example.org` sharing the main site's Organization is
correct). One finding per origin, listing the nodes.

**Options.** None.

**Source.** Yoast `src/config/schema-ids.php` (site ids built from the home URL); Yoast#15235;
Yoast#15983; wordpress-ecosystem.md §5 checks 4 and 19; peer-checks.md §7 row 76
(`graph/site-ids-on-site-url`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebSite", "@id": "http://cms.example.com/#website", "name": "Example"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example"}]}}}
```
"""

from seoaudit import urls
from seoaudit.derive.schema_types import ORGANIZATION, PERSON, WEBSITE
from seoaudit.model import Violation

ID = "schema/id-off-site"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)

SITE_ENTITY_TYPES = WEBSITE | ORGANIZATION | PERSON


def check(page, options, graph):
    view, origin = page.schema_view.name, page.site_origin
    if origin is None:
        return
    site = urls.parse(origin + "/")
    off: dict[str, list] = {}  # origin → nodes: one finding per origin (one root cause)
    for node in graph.nodes:
        if not node.top_level or not node.id or not node.is_a(*SITE_ENTITY_TYPES):
            continue
        url = urls.parse(node.id)
        if url is None or url.origin == origin or (url.scheme == site.scheme and same_site(url.host, site.host)):
            continue
        off.setdefault(url.origin, []).append(node)
    for other, nodes in off.items():
        differences = ", ".join(urls.differences(other + "/", origin + "/"))
        listed = ", ".join(f"{'/'.join(n.types)} {n.id}" for n in nodes)
        yield Violation(f"{len(nodes)} site-level @id{'s are' if len(nodes) > 1 else ' is'} on {other}, not on the "
                        f"site's origin {origin} ({differences}): {listed}", nodes[0].location.child("@id"),
                        value=[n.id for n in nodes], expected=f"@ids under {origin}/", view=view,
                        fix="Build site-level ids from the public home URL (WordPress Settings → General → Site "
                            "Address), and rebuild the SEO plugin's data after a move.")


def same_site(host: str, site: str) -> bool:
    """The same site: one host, or one a subdomain of the other (`www.` aside)."""
    a, b = host.removeprefix("www."), site.removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)
