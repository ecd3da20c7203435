"""A URL that says where this page is names another host.

**What it checks.** The URLs that say where this page is: `og:url`, `twitter:url`, and the `url` of the
page's main entity in the schema (a top-level WebPage or Article node), are on the site's host (`www.`
aside). `@id`s are identifiers, judged by `schema/id-off-canonical` and `schema/id-off-site`; the URLs of
nested nodes (a VideoObject's `mainEntityOfPage` on a sister site, a ListItem, an action `target`) and of the
WebSite node name other pages or the site, not this page, and are not judged. The site's host is `site-url`
from the configuration, else the post `link`, the canonical or `og:url`. The canonical itself is checked only
when `site-url` is configured (otherwise `canonical/mismatch-link` compares it with the post link). Hosts in
`allowed-hosts` pass, and when no `site-url` is configured so do the hosts of the canonical and of
`og:url` (a syndicated post whose canonical, `og:url` and schema all name the original; the canonical
rules compare those two with the post link and with each other). Development hosts are
left to `url/dev-host`, site-entity `@id`s to `schema/id-off-site`, and `sameAs`, a Person's or an
Organization's `url` and other outbound links are never checked. Images may live on a CDN: they are
checked only with the `media_on_site` option. One finding per foreign host.

**Why it matters.** Every URL WordPress writes comes from its `home` setting. On a headless site the
SEO plugin runs on the CMS host, so unless every URL is rewritten the canonical, `og:url` and schema
point search engines and social networks at the back end (Yoast#16134, AxeWP/wp-graphql-rank-math#101,
ashhitch/wp-graphql-yoast-seo#107, 10up/headstartwp#558); after a domain move, stale indexables keep the
old domain (Yoast#15325, #15235). Configure `site-url` for a headless site so the front end is the
reference.

**Severity.** warning: the structured data names the page on another host, so it may be attached to the wrong
site. error when `og:url`, `twitter:url` or (with `site-url` configured) the canonical is on another host:
social networks scrape, and search engines index, the other site's URL instead of this page.

**Options.** `media_on_site` (default `false`): also require `og:image`, `twitter:image` and schema
image URLs to be on the site's host or an `allowed-hosts` entry (the catalogue's `--media-origin`).

**Source.** wordpress-ecosystem.md §5 check 4 (`url-origin-allowlist`) and §3 (headless consumers);
peer-checks.md §7 row 76; Yoast#16134, Yoast#15235.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "og_url": "https://example.com/post/",
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": "WebPage", "@id": "https://cms.example.net/post/", "url": "https://cms.example.net/post/"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "og_url": "https://example.com/post/",
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": "WebPage", "@id": "https://example.com/post/", "url": "https://example.com/post/"}]}}}
```
"""

from seoaudit import urls
from seoaudit.derive.declared_urls import declared_urls
from seoaudit.derive.hosts import dev_host_reasons
from seoaudit.derive.schema_types import ARTICLE, WEBPAGE
from seoaudit.model import AGGRAVATED, Violation
from seoaudit.options import Option

from ._shared import allowed, bare, configured_host, listing, site_host

ID = "url/off-site"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
MAIN_ENTITY = ARTICLE | WEBPAGE  # the node types whose top-level url says where this page is
OPTIONS = {"media_on_site": Option(bool, False, "Also require image URLs to be on the site's host or an "
                                             "`allowed-hosts` entry.")}


def check(page, options):
    host = site_host(page)
    if host is None:
        return
    configured = configured_host(page) is not None
    kinds = {"page"} | ({"canonical"} if configured else set()) | ({"media"} if options["media_on_site"] else set())
    tolerated = set() if configured else canonical_hosts(page)
    by_host: dict[str, list] = {}
    for item in declared_urls(page):
        url = item.parsed
        if item.kind not in kinds or url is None or bare(url.host) == bare(host) or bare(url.host) in tolerated:
            continue
        if allowed(page, url) or dev_host_reasons(url) or not names_this_page(item):
            continue
        by_host.setdefault(url.host, []).append(item)
    source = f"the configured site URL {page.site_url!r}" if configured else f"the site's origin {page.site_origin}"
    for foreign, items in by_host.items():
        first = items[0]
        social = any(not item.label.startswith("schema ") for item in items)
        yield Violation(f"{listing(items)} on {foreign}, not on {source}: {first.value!r}"
                        + (f" and {len(items) - 1} more" if len(items) > 1 else ""),
                        first.location, value=first.value, expected=f"a URL on {bare(host)}", view=first.view,
                        case=AGGRAVATED if social else None,
                        fix="Make WordPress build its URLs from the public site address (Settings > General > Site "
                            "Address, or rewrite every URL in the headless front end, schema included), or add "
                            "the host to `allowed-hosts` if it belongs to the site.")


def names_this_page(item) -> bool:
    """og:url, twitter:url, the canonical, media (with `media_on_site`), or the `url` of a top-level WebPage or
    Article node: what says where this page is."""
    if item.kind == "media" or not item.label.startswith("schema "):
        return True
    inner = [token for token in item.path if token != "@graph" and not isinstance(token, int)]
    node_type = item.label.removeprefix("schema ").rsplit(" ", 1)[0]
    return inner == ["url"] and any(t in MAIN_ENTITY for t in node_type.split("/"))


def canonical_hosts(page) -> set[str]:
    """The hosts of the page's canonicals and og:urls: a deliberate cross-site canonical (syndication) carries
    the page's other URLs with it, and Yoast keeps it in og:url when noindex drops the canonical. The canonical
    rules judge the canonical and og:url against the post link and each other."""
    found = set()
    for view in page.views.values():
        for field in (view.canonical, view.first("og:url")):
            url = urls.parse(field.value) if field is not None else None
            if url is not None:
                found.add(bare(url.host))
    return found
