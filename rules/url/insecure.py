"""A metadata URL is `http://` while the site is served over https.

**What it checks.** When the site is https (`site-url`, else the post link, the canonical or `og:url`),
every URL on the site's own host (`www.` aside) or on an `allowed-hosts` entry that names a page (`og:url`,
`twitter:url`, a schema page's `url`, a breadcrumb `item`, an hreflang alternate) or a file (`og:image`,
`twitter:image`, a schema ImageObject `url`/`contentUrl`, a `logo`) is `https://`. The canonical is left to
`canonical/insecure`, and a URL that is the https canonical written with http (an `og:url`, the schema WebPage
`url`) to `canonical/og-url-mismatch` and `canonical/schema-url-mismatch`; `og:image:secure_url` to
`url/secure-url-not-https`. Not judged: `@id`s (identifiers, never fetched), `sameAs` and other links to
profiles (`article:author`, a Person's or an Organization's `url`), and URLs on other hosts (a CDN, another
site). One finding per host.

**Why it matters.** An http URL in the metadata of an https site costs a redirect on every crawl and is
shown as the share URL. It comes from WordPress's `home` or the upload URL still on http, or a
TLS-terminating proxy WordPress does not know about (Yoast#6048 http og:image on an SSL site, Yoast#1626,
Yoast#3758, wpengine/faustjs#1956).

**Severity.** warning for a URL that names a page (a redirect on every crawl, a share counted on the http
URL); info when every http URL of the host is a file (an image or a logo): crawlers fetch it either way, and
it is not mixed content, since the page does not display it.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 6 (`https-only`) and §4 (http/https mixed URLs); Yoast#6048;
Yoast#1626; Google, "Consolidate duplicate URLs" (https preferred).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "og_url": "https://example.com/post/",
  "og_image": [{"url": "http://example.com/wp-content/uploads/cover.jpg", "width": 1200, "height": 630}]}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "og_url": "https://example.com/post/",
  "og_image": [{"url": "https://example.com/wp-content/uploads/cover.jpg", "width": 1200, "height": 630}]}}
```
"""

from seoaudit import urls
from seoaudit.derive.declared_urls import declared_urls
from seoaudit.model import MILD, Violation

from ._shared import allowed, bare, listing, site_host

ID = "url/insecure"
SEVERITY = "warning"
SEVERITY_MILD = "info"
CHECKED = ("page", "media", "alternate")


def check(page, options):
    host = site_host(page)
    if host is None or not page.is_https:
        return
    canonical = page.canonical.value if page.canonical is not None else None
    by_host: dict[str, list] = {}
    for item in declared_urls(page):
        url = item.parsed
        if url is None or url.scheme != "http" or item.kind not in CHECKED or item.label == "og:image:secure_url":
            continue
        if item.path and item.path[-1] == "@id":
            continue  # an identifier, never fetched
        if canonical and urls.same("https" + item.value[len("http"):], canonical):
            continue  # the page's own URL on http: the canonical rules compare it with the canonical
        if bare(url.host) == bare(host) or allowed(page, url):
            by_host.setdefault(url.host, []).append(item)
    for name, items in by_host.items():
        first = items[0]
        more = len({i.value for i in items}) - 1
        yield Violation(f"{listing(items)} on {name} {'is' if not more else 'are'} http:// on an https site: "
                        f"{first.value!r}" + (f" and {more} more" if more else ""),
                        first.location, value=first.value, expected="https" + first.value[len("http"):],
                        view=first.view, case=MILD if all(i.kind == "media" for i in items) else None,
                        fix="Set WordPress's Site Address and uploads to https:// (and make the proxy pass "
                            "X-Forwarded-Proto), then rebuild the SEO plugin's data.")
