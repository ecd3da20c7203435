"""A metadata URL points at a development, staging or local host.

**What it checks.** Every URL in the metadata of every producer: canonical, `og:url`, `og:image`,
`twitter:image`, `article:author`, hreflang alternates, and every URL in the JSON-LD (`@id`, `url`,
`item`, `target`, `contentUrl`, `logo`, `sameAs`, …). A host fails when it is `localhost` or an IP
address, ends in a reserved or private-use name (`.local`, `.test`, `.example`, `.invalid`,
`.localhost`, `.internal`, `.lan`, `.home.arpa`; `example.com` is a real, documented domain and
passes), starts with a `dev.`, `staging.`, `stage.`, `test.`, `uat.`, `qa.`, `preprod.`, `sandbox.` or
`wp.` subdomain, has a label such as `dev-acme` or `acme-staging`, is a tunnel or local-development
domain (`ngrok`, `trycloudflare.com`, `ddev.site`, `lndo.site`, `wpcomstaging.com`, `nip.io`), or
carries a non-default port. One finding per host, listing the fields that use it. Hosts named by the
configuration (`site-url`, `allowed-hosts`) pass.

**Why it matters.** WordPress writes every SEO URL from its `home` setting, so a site cloned from
staging, a Yoast index built before a migration, or a headless front end that rewrites only some
URLs publishes the development machine's address: Google and social networks then crawl or show a
host that is unreachable or that duplicates the production site (Yoast#22030 staging indexables
migrated to production; Yoast#15983 `localhost` canonical; 10up/headstartwp#281 `localhost:3000`
in the JSON-LD). A `sameAs` to the agency's development copy of the site links the author or the
organisation to a site that will disappear.

**Severity.** warning when the host is only in schema URLs that do not show this page (`sameAs`, a logo, an
`@id`): a real leak of smaller impact. error when it is in a URL that search engines or social networks
follow to show this page: the canonical, `og:url`, `twitter:url`, an hreflang alternate, `og:image` /
`twitter:image`, or the schema's page URLs (they then index or show a host that is unreachable or a
duplicate).

**Options.** None. Name a legitimate host in `allowed-hosts` (or `site-url`) to accept it.

**Source.** wordpress-ecosystem.md §5 check 5 (`no-dev-hosts`) and §4 (staging, dev or localhost
leaking into metadata); RFC 2606 and RFC 6761 (reserved names); Yoast#15983, Yoast#22030,
10up/headstartwp#281.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ann",
              "sameAs": ["http://ann.dev-agency.com"]}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ann",
              "sameAs": ["https://ann.example.org"]}]}}}
```
"""

from seoaudit.derive.declared_urls import declared_urls
from seoaudit.derive.hosts import dev_host_reasons
from seoaudit.model import AGGRAVATED, Violation

from ._shared import allowed, host_label, listing

ID = "url/dev-host"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
SHOWN = ("canonical", "page", "alternate")  # kinds of URL a search engine or a share follows to show this page


def check(page, options):
    by_host: dict[str, tuple[list[str], list]] = {}
    for item in declared_urls(page):
        url = item.parsed
        if url is None or allowed(page, url):
            continue
        host = host_label(url)
        if host not in by_host:
            reasons = dev_host_reasons(url)
            by_host[host] = (reasons, [])
        if by_host[host][0]:
            by_host[host][1].append(item)
    for host, (reasons, items) in by_host.items():
        if not items:
            continue
        # what makes it an error first (the canonical, og:url before schema URLs): it is where to look
        items.sort(key=lambda i: (not shows_the_page(i), i.label.startswith("schema ")))
        first = items[0]
        count = len({i.value for i in items})
        shown = shows_the_page(first)
        yield Violation(f"development host {host} ({', '.join(reasons)}) in {listing(items)}: {first.value!r}"
                        + (f" and {count - 1} more URL{'s' if count > 2 else ''}" if count > 1 else ""),
                        first.location, value=first.value, expected="a URL on the production site", view=first.view,
                        case=AGGRAVATED if shown else None,
                        fix="Set WordPress's Site Address (home) to the production URL and rebuild the SEO plugin's "
                            "data (Yoast: Tools > Optimize SEO data), fix the profile URL, or add the host to "
                            "`allowed-hosts` if it is public.")


def shows_the_page(item) -> bool:
    """A URL search engines or social networks follow to show this page (not an @id, a sameAs or a schema file)."""
    return (item.kind in SHOWN and not item.label.endswith(" @id")) or (
        item.kind == "media" and not item.label.startswith("schema "))
