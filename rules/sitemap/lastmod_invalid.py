"""A sitemap `<lastmod>` that is not a W3C Datetime, or not a real date.

**What it checks.** Every `<lastmod>` of a sitemap file is a W3C Datetime (`2026-03-14`, `2026-03-14T09:30+01:00`,
`2026-03-14T09:30:00Z`, or just the year or year and month) that names a real calendar date and time, with a time
zone whenever it has a time. One finding per sitemap names the first offenders and counts them all.

**Why it matters.** Google uses `lastmod` to decide what to recrawl, but only when it is "consistently and
verifiably accurate"; a value it cannot read is ignored, so changed pages wait for the next ordinary crawl.
Generators that print a locale date (`14/03/2026`) or a time without a zone cause this.

**Severity.** warning: an unreadable `<lastmod>` is ignored (the URL is still read), but recrawl scheduling loses
the one signal a sitemap gives about change.

**Options.** None.

**Source.** sitemaps.org protocol ("in W3C Datetime format", https://www.w3.org/TR/NOTE-datetime); Google Search
Central, "Build and submit a sitemap" (lastmod).

**Fails:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc><lastmod>14/03/2026</lastmod></url>
  <url><loc>https://example.com/b/</loc><lastmod>2026-02-30</lastmod></url>
</urlset>
```

**Passes:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc><lastmod>2026-03-14</lastmod></url>
  <url><loc>https://example.com/b/</loc><lastmod>2026-03-14T09:30:00.5+01:00</lastmod></url>
</urlset>
```
"""


from ._shared import entries, is_w3c_datetime, offenders

ID = "sitemap/lastmod-invalid"
SEVERITY = "warning"
REQUIRES = ("sitemap",)  # passed in (registry.py)


def check(page, options, sitemap):
    bad = [entry for entry in entries(sitemap) if entry.lastmod is not None and not is_w3c_datetime(entry.lastmod)]
    if bad:
        values = [entry.lastmod for entry in bad]
        yield offenders(page, bad, "<lastmod>", "no W3C Datetime", values, values,
                        expected="a W3C Datetime such as 2026-03-14 or 2026-03-14T09:30:00+01:00",
                        fix="Print lastmod in ISO 8601 (date, or date and time with its time zone) from the page's "
                            "real modification date.")
