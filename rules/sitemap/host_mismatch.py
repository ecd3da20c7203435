"""A sitemap lists URLs on more than one origin (scheme, host and port).

**What it checks.** The absolute URLs of one sitemap file share one origin: the site's (`site-url`, when it is
configured), else the origin most of the file's URLs use. One finding per sitemap names each other origin with how
many URLs are on it.

**Why it matters.** A sitemap may list only URLs of the host (and protocol) it is served from: search engines
ignore the others, so those pages count as unlisted. Mixed origins in a built site's sitemap usually mean a
staging or local host (`http://localhost:3000`) or the WordPress back end leaked into the generator's base URL,
or half the URLs kept `http://` after a move to https.

**Severity.** error: search engines ignore the URLs of a sitemap that are on another host than the sitemap (without a
cross-site verification), so those pages are not submitted.

**Options.** None.

**Source.** sitemaps.org protocol ("all URLs in a Sitemap must be from a single host", "must use the same
protocol"); Google Search Central, "Manage your sitemaps" (cross-site submission needs ownership of each host).

**Fails:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc></url>
  <url><loc>https://example.com/b/</loc></url>
  <url><loc>http://localhost:3000/c/</loc></url>
</urlset>
```

**Passes:**

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/a/</loc></url>
  <url><loc>https://EXAMPLE.com:443/b/</loc></url>
</urlset>
```
"""

from collections import Counter

from seoaudit import urls

from ._shared import entries, offenders

ID = "sitemap/host-mismatch"
SEVERITY = "error"
REQUIRES = ("sitemap",)  # passed in (registry.py)


def check(page, options, sitemap):
    parsed = [(entry, url) for entry in entries(sitemap) if (url := urls.parse(entry.loc)) is not None]
    origins = Counter(url.origin for _, url in parsed)
    if not origins:
        return
    site = urls.parse(page.site_url) if page.site_url else None
    home, why = (site.origin, "the site-url") if site else (origins.most_common(1)[0][0], "that of most of its URLs")
    others = [(entry, url) for entry, url in parsed if url.origin != home]
    if others:
        named = [f"{origin} ({count:,})" for origin, count in Counter(url.origin for _, url in others).most_common()]
        yield offenders(page, [entry for entry, _ in others], "URL", f"not on {home} ({why})", named,
                        [entry.loc for entry, _ in others], expected=f"URLs on {home}",
                        fix="List only URLs of the site's own origin (scheme and host): fix the generator's base URL, "
                            "and give another host its own sitemap.")
