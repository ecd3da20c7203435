"""A sitemap entry whose `<loc>` is not an absolute http(s) URL.

**What it checks.** Every `<loc>` of a sitemap file (a page of a `<urlset>`, or a sitemap of a
`<sitemapindex>`) is an absolute `http://` or `https://` URL with a host, and holds no space, quote or angle
bracket. One finding per sitemap names the first offenders and counts them all.

**Why it matters.** The protocol requires fully qualified URLs: a relative `/about/` or a URL with a raw space is
rejected by search engines ("Invalid URL"), so that page is left out as if the sitemap did not list it. Static site
generators print relative URLs when their base URL setting is empty.

**Severity.** error: a `<loc>` that is not an absolute http(s) URL is no address a search engine can fetch: the page
it stands for is not submitted at all.

**Options.** None.

**Source.** sitemaps.org protocol ("This URL must begin with the protocol … fully-qualified", entity escaping);
Google Search Central, "Build and submit a sitemap" ("Use fully-qualified, absolute URLs").

**Fails:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>/about/</loc></url>
</urlset>
```

**Passes:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/about/</loc></url>
</urlset>
```
"""

from seoaudit import urls

from ._shared import entries, offenders

ID = "sitemap/url-invalid"
SEVERITY = "error"
REQUIRES = ("sitemap",)  # passed in (registry.py)


def check(page, options, sitemap):
    bad = [entry for entry in entries(sitemap) if urls.parse(entry.loc) is None]
    if bad:
        locs = [entry.loc for entry in bad]
        yield offenders(page, bad, "<loc>", "not an absolute http(s) URL", locs, locs,
                        expected="absolute http(s) URLs, e.g. https://example.com/about/",
                        fix="Set the site's base URL in the sitemap generator (the static site generator's base URL, "
                            "or WordPress's Site Address), so that every <loc> is fully qualified.")
