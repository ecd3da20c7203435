"""A sitemap of the run lists a page whose canonical, in the same run, names another URL.

**What it checks.** Every URL of the `<urlset>` sitemaps of a run against the published pages and posts of the
same run: a page that goes by that URL (its WordPress `link` or `og:url`) but whose canonical names another URL
is a finding on the sitemap, at the entry's line, naming the page and its canonical.

**Why it matters.** A sitemap should list canonical URLs only: Google reads a sitemap entry as a vote for that URL
as canonical, and a page that points its canonical elsewhere votes the other way. The signals conflict, Search
Console reports "Alternate page with proper canonical tag" for submitted URLs, and crawl effort goes to
duplicates. Usual causes: a sitemap built from permalinks while the SEO plugin's canonical points at another
URL, or a trailing slash or scheme that differs between the two.

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

from seoaudit.model import Location, Violation

from ._shared import listed_entries, merge_lists, page_urls, url_key

ID = "sitemap/non-canonical-url"
SEVERITY = "warning"


def signature(page, options):
    listed = listed_entries(page)
    if listed:
        return {"listed": listed}
    own, canonical = page_urls(page)
    if canonical is None:
        return None
    target = url_key(canonical.value)
    elsewhere = {key: [(page.document.display_source, canonical.value)] for key in own if key != target}
    return {"elsewhere": elsewhere} if elsewhere else None


merge = merge_lists


def check_batch(state, options):
    elsewhere = state.get("elsewhere", {})
    for key, entries in state.get("listed", {}).items():
        pages = sorted(set(elsewhere.get(key, ())))
        for sitemap, loc, line in entries if pages else ():
            named = "; ".join(f"{doc} has the canonical {target}" for doc, target in pages)
            yield sitemap, Violation(f"{sitemap} lists {loc}, which is not canonical: {named}", Location(line=line),
                                     value=loc, expected=pages[0][1],
                                     fix="List the canonical URL in the sitemap (or, if this URL is the one to "
                                         "index, make the page's canonical name it).")
