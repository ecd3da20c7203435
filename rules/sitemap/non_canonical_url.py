"""A sitemap of the run lists a page whose canonical, in the same run, names another URL.

**What it checks.** Every URL of the `<urlset>` sitemaps of a run against the published pages and posts of the
same run: a page that goes by that URL (its WordPress `link` or `og:url`) but whose canonical names another URL
is a finding on the sitemap, at the entry's line, naming the page and its canonical.

**Why it matters.** A sitemap should list canonical URLs only: Google reads a sitemap entry as a vote for that URL
as canonical, and a page that points its canonical elsewhere votes the other way. The signals conflict, Search
Console reports "Alternate page with proper canonical tag" for submitted URLs, and crawl effort goes to
duplicates. Usual causes: a sitemap built from permalinks while the SEO plugin's canonical points at another
URL, or a trailing slash or scheme that differs between the two.

**Severity.** warning: a sitemap listing is a weak canonical signal; the page is still indexed under its canonical, but
the mixed signals can make Google pick another URL than the one intended.

**Options.** None.

**Source.** Google Search Central, "How to specify a canonical with rel="canonical" and other methods" (sitemaps:
include only canonical URLs); Screaming Frog "Sitemaps: Non-Canonical URLs in Sitemap".

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/blog/page/2/</loc></url>
</urlset>
```

`public/blog/page/2/index.html`:

```html
<html><head><title>Blog, page 2</title><meta property="og:url" content="https://example.com/blog/page/2/">
<link rel="canonical" href="https://example.com/blog/"></head><body><h1>Blog</h1></body></html>
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/blog/</loc></url>
</urlset>
```

`public/blog/page/2/index.html`:

```html
<html><head><title>Blog, page 2</title><meta property="og:url" content="https://example.com/blog/page/2/">
<link rel="canonical" href="https://example.com/blog/"></head><body><h1>Blog</h1></body></html>
```
"""

from seoaudit.batch import Occurrence
from seoaudit.model import Violation

from ._shared import listed_occurrences, page_urls, url_key

ID = "sitemap/non-canonical-url"
SEVERITY = "warning"


def signature(page, options):
    """By URL: a sitemap's `<loc>`s ("listed"), or the URLs of a page whose canonical names another ("elsewhere")."""
    listed = listed_occurrences(page)
    if listed:
        return listed
    own, canonical = page_urls(page)
    if canonical is None:
        return None
    target = url_key(canonical.value)
    return {key: Occurrence(canonical.value, canonical.location, extra=("elsewhere",)) for key in own
            if key != target} or None


def check_group(key, members, options):
    pages = sorted({(m.document.display_source, m.value) for m in members if m.extra[0] == "elsewhere"})
    if not pages:
        return
    named = "; ".join(f"{doc} has the canonical {target}" for doc, target in pages)
    for sitemap in members:
        if sitemap.extra[0] == "listed":
            yield sitemap.key, Violation(
                f"{sitemap.document.display_source} lists {sitemap.value}, which is not canonical: {named}",
                sitemap.location, value=sitemap.value, expected=pages[0][1],
                fix="List the canonical URL in the sitemap (or, if this URL is the one to index, make the page's "
                    "canonical name it).")
