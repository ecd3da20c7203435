"""A sitemap of the run lists a page that the page itself, in the same run, keeps out of the index (noindex).

**What it checks.** Every URL of the `<urlset>` sitemaps of a run against the published pages and posts of the
same run (a built site's pages beside its `sitemap.xml`, or WordPress exports): a page that goes by that URL
(its WordPress `link`, `og:url` or canonical) and whose robots meta says `noindex` or `none` is a finding on
the sitemap, at the entry's line, naming the page.

**Why it matters.** A sitemap asks search engines to index its URLs; a noindex page refuses. The site contradicts
itself, Search Console reports "Submitted URL marked noindex", and one of the two is a mistake: a page that was
meant to be indexed and carries a leftover noindex, or a sitemap generator that lists pages it should leave out.

**Severity.** error: the site contradicts itself: the sitemap asks for the page to be indexed and the page forbids it;
Search Console reports it as "Submitted URL marked noindex".

**Options.** None.

**Source.** Google Search Central, "Build and submit a sitemap" (list the URLs you want in search results) and
Search Console's Page indexing report ("Submitted URL marked 'noindex'"); Screaming Frog "Sitemaps: Non-Indexable
URLs in Sitemap".

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/about/</loc></url>
</urlset>
```

`public/about/index.html`:

```html
<html><head><title>About us</title><meta name="robots" content="noindex, follow">
<link rel="canonical" href="https://example.com/about/"></head><body><h1>About us</h1></body></html>
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/about/</loc></url>
</urlset>
```

`public/about/index.html`:

```html
<html><head><title>About us</title><meta name="robots" content="index, follow">
<link rel="canonical" href="https://example.com/about/"></head><body><h1>About us</h1></body></html>
```
"""

from seoaudit.batch import Occurrence
from seoaudit.model import Location, Violation

from ._shared import listed_occurrences, page_urls, url_key

ID = "sitemap/noindex-url"
SEVERITY = "error"


def signature(page, options):
    """By URL: a sitemap's `<loc>`s ("listed"), or the URLs of a noindex page ("noindex")."""
    listed = listed_occurrences(page)
    if listed:
        return listed
    own, canonical = page_urls(page)
    if page.is_indexable or not (own or canonical):
        return None
    keys = set(own) | ({url_key(canonical.value)} if canonical is not None else set())
    return {key: Occurrence(page.document.display_source, Location(), extra=("noindex",)) for key in keys}


def check_group(key, members, options):
    pages = sorted({m.document.display_source for m in members if m.extra[0] == "noindex"})
    for sitemap in members if pages else ():
        if sitemap.extra[0] == "listed":
            yield sitemap.key, Violation(
                f"{sitemap.document.display_source} lists {sitemap.value}, but its page ({', '.join(pages)}) is "
                "noindex", sitemap.location, value=sitemap.value, expected="only URLs that may be indexed",
                fix="Remove the noindex from the page if it should be found; else leave the page out of the "
                    "sitemap (the SEO plugin drops noindex pages from its sitemaps by itself).")
