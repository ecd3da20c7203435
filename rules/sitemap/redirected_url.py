"""A sitemap of the run lists a URL that the same run saw redirect to another.

**What it checks.** Every URL of the `<urlset>` sitemaps of a run against the redirects the run recorded on the way
to its pages (live mode's fetches, a crawl archive's redirect records, a site snapshot): a listed URL that
answered with a redirect is a finding on the sitemap, at the entry's line, naming where it leads and the page
there. Offline runs of files have no redirects to compare, and the rule says nothing.

**Why it matters.** A sitemap should list the URLs a site wants in search results, and a URL that redirects is
not one: search engines crawl it, follow the redirect and index the target, so every listed redirect costs a
crawl and sends a mixed signal about which URL is canonical. Search Console reports such URLs as "Page with
redirect". On WordPress it follows a changed slug or permalink structure (WordPress redirects the old slug) or a
redirect plugin's rule, with a sitemap built by another plugin or cached from before.

**Severity.** warning: the target page is still found and indexed through the redirect; the cost is crawl budget
and a weaker canonical signal.

**Options.** None.

**Source.** Google Search Central, "Build and submit a sitemap" (list the canonical URLs you want in search
results) and Search Console's Page indexing report ("Page with redirect"); Screaming Frog "Sitemaps:
Non-Indexable URLs in Sitemap" (3XX responses).

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/old-pricing/</loc></url>
</urlset>
```

`crawl/pricing.json`:

```json
{"seoaudit_http": {"url": "https://example.com/old-pricing/", "status": 200,
                   "final_url": "https://example.com/pricing/",
                   "redirects": [{"url": "https://example.com/old-pricing/", "status": 301,
                                  "location": "https://example.com/pricing/"}]},
 "body": "<html><head><title>Pricing</title><link rel=canonical href=https://example.com/pricing/></head></html>"}
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/pricing/</loc></url>
</urlset>
```

`crawl/pricing.json`:

```json
{"seoaudit_http": {"url": "https://example.com/old-pricing/", "status": 200,
                   "final_url": "https://example.com/pricing/",
                   "redirects": [{"url": "https://example.com/old-pricing/", "status": 301,
                                  "location": "https://example.com/pricing/"}]},
 "body": "<html><head><title>Pricing</title><link rel=canonical href=https://example.com/pricing/></head></html>"}
```
"""

from seoaudit.batch import Occurrence
from seoaudit.derive.canonical_graph import redirected_from
from seoaudit.model import Location, Violation

from ._shared import listed_occurrences, url_key

ID = "sitemap/redirected-url"
SEVERITY = "warning"


def signature(page, options):
    """By URL: a sitemap's `<loc>`s ("listed"), or the URLs a page was redirected from ("redirects": status and
    final URL)."""
    listed = listed_occurrences(page)
    if listed:
        return listed
    found = {}
    for url, status, final in redirected_from(page):
        key = url_key(url)
        if key is not None and key != url_key(final):
            found.setdefault(key, Occurrence(url, Location(), extra=("redirects", status, final)))
    return found or None


def check_group(key, members, options):
    hops = sorted((m for m in members if m.extra[0] == "redirects"), key=lambda m: m.document.display_source)
    if not hops:
        return
    hop = hops[0]
    status, final = hop.extra[1], hop.extra[2]
    for sitemap in members:
        if sitemap.extra[0] == "listed":
            yield sitemap.key, Violation(
                f"{sitemap.document.display_source} lists {sitemap.value}, which redirects (HTTP {status}) to "
                f"{final} ({hop.document.display_source})", sitemap.location, value=sitemap.value,
                expected="the final URL, not a redirect",
                fix=f"List {final} instead (or the page's canonical URL), and let the sitemap generator rebuild "
                    "after slugs or permalinks change.")
