"""A sitemap file that lists more than 50,000 URLs or is larger than 50 MB uncompressed.

**What it checks.** The number of `<url>` (or `<sitemap>`) entries of a sitemap file, against `max_urls`, and its
size once decompressed, against the protocol's 50 MB (52,428,800 bytes).

**Why it matters.** The sitemap protocol caps each file at 50,000 URLs and 50 MB; Google rejects a larger file
("Sitemap file size error") and reads none of it. A site that grows past the cap needs a sitemap index that lists
several sitemaps, which WordPress's own sitemaps and the SEO plugins do (2,000 or 1,000 URLs per file).

**Severity.** error: search engines reject a sitemap over the protocol's limits (50,000 URLs, 50 MB uncompressed)
whole, so none of its URLs are read from it.

**Options.** `max_urls` (int, default 50000): the entries a file may hold. Lower it to keep files small for a
crawler of your own; raising it past 50,000 only hides what search engines reject.

**Source.** sitemaps.org protocol ("no more than 50,000 URLs and must be no larger than 50MB (52,428,800
bytes)"); Google Search Central, "Build and submit a sitemap" (size limits).

**Fails** (with `max_urls = 2`):

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc></url>
  <url><loc>https://example.com/b/</loc></url>
  <url><loc>https://example.com/c/</loc></url>
</urlset>
```

**Passes** (50,000 URLs at most, by default):

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc></url>
  <url><loc>https://example.com/b/</loc></url>
  <url><loc>https://example.com/c/</loc><lastmod>2026-03-14</lastmod></url>
</urlset>
```
"""

from seoaudit.extract.sitemap import MAX_BYTES
from seoaudit.model import Location, Violation
from seoaudit.options import Option

ID = "sitemap/too-large"
SEVERITY = "error"
REQUIRES = ("sitemap",)  # passed in (registry.py)
OPTIONS = {"max_urls": Option(int, 50_000, "The entries one sitemap file may hold.", minimum=1)}
FIX = "Split the sitemap into several files of at most 50,000 URLs each, listed by a sitemap index."


def check(page, options, sitemap):
    source = page.document.source
    if sitemap.too_large:
        yield Violation(f"{source} is larger than 50 MB ({MAX_BYTES:,} bytes) uncompressed: search engines reject "
                        "it whole", value=f"over {MAX_BYTES:,} bytes", expected=f"at most {MAX_BYTES:,} bytes", fix=FIX)
    elif sitemap.sitemap is not None and len(sitemap.sitemap.entries) > options["max_urls"]:
        count, limit = len(sitemap.sitemap.entries), options["max_urls"]
        yield Violation(f"{source} lists {count:,} URLs, over the {limit:,} a sitemap file may hold",
                        Location(line=sitemap.sitemap.entries[limit].line), value=count, expected=limit, fix=FIX)
