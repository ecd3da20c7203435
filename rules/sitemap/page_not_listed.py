"""An indexable page of the run is missing from every sitemap of the run.

**What it checks.** When a run holds `<urlset>` sitemaps (a built site's `sitemap.xml` beside its pages), every
published, indexable page or post of the run whose canonical is its own URL and lies on an origin those sitemaps
cover must be listed by one of them. Nothing is reported when the run holds a sitemap index that lists a sitemap
file the run does not hold (the page may be in that one), or no sitemap at all.

**Why it matters.** A sitemap is how a site tells search engines which pages exist and when they changed; a page
left out is found only through links, later or not at all if nothing links to it. In a built site it usually means
the sitemap generator skips a section (a custom post type, a page built outside the content folder) or runs
before the last pages are built.

**Severity.** warning: the page can still be found through links; it is found later, or not at all when nothing
links to it.

**Options.** None.

**Source.** Google Search Central, "Build and submit a sitemap" ("include the URLs you want to see in search
results"); Screaming Frog "Sitemaps: URLs not in Sitemap".

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/</loc></url>
</urlset>
```

`public/pricing/index.html`:

```html
<html><head><title>Pricing</title>
<link rel="canonical" href="https://example.com/pricing/"></head><body><h1>Pricing</h1></body></html>
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/</loc></url>
  <url><loc>https://example.com/pricing/</loc></url>
</urlset>
```

`public/pricing/index.html`:

```html
<html><head><title>Pricing</title>
<link rel="canonical" href="https://example.com/pricing/"></head><body><h1>Pricing</h1></body></html>
```
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from seoaudit import urls
from seoaudit.batch import Occurrence, by_name
from seoaudit.derive.canonical_graph import redirected_from
from seoaudit.model import Location, Violation

from ._shared import listed_entries, page_urls, url_key

ID = "sitemap/page-not-listed"
SEVERITY = "warning"


def _file_name(name: str) -> str:
    return PurePosixPath(name).name.lower().removesuffix(".gz")


def signature(page, options):
    """By origin: the URL keys a sitemap lists ("sitemap"), the sitemap files an index lists ("index"), or a
    page's canonical ("page")."""
    file = page.sitemap
    if file is not None:
        if file.sitemap is None:
            return None
        me = _file_name(page.document.source)
        by_origin: dict[str, set] = {}
        if file.sitemap.kind == "index":  # the sitemap files it lists, by name: are they all in the run?
            for entry in file.sitemap.entries:
                if (parsed := urls.parse(entry.loc)) is not None:
                    by_origin.setdefault(parsed.origin, set()).add(_file_name(urlsplit(entry.loc).path))
            return {origin: Occurrence(me, Location(), extra=("index", tuple(sorted(names))))
                    for origin, names in by_origin.items()}
        for key, entry in listed_entries(page).items():
            by_origin.setdefault(urls.parse(entry.loc).origin, set()).add(key)
        return {origin: Occurrence(me, Location(), extra=("sitemap", tuple(sorted(keys))))
                for origin, keys in by_origin.items()}
    own, canonical = page_urls(page)
    if canonical is None or not page.is_indexable or (own and url_key(canonical.value) not in own):
        return None  # no URL of its own, noindex, or canonicalised elsewhere: not a page to list
    origin = urls.parse(canonical.value).origin
    # A sitemap that lists a URL redirecting here leads to the page: that is sitemap/redirected-url's finding.
    sources = tuple(sorted({key for url, _, _ in redirected_from(page) if (key := url_key(url)) is not None}))
    return {origin: Occurrence(canonical.value, canonical.location, page.primary.name, ("page", sources))}


def check_group(origin, members, options):
    sitemaps = [m for m in members if m.extra[0] == "sitemap"]
    present = {m.value for m in members if m.extra[0] in ("sitemap", "index")}
    children = {name for m in members if m.extra[0] == "index" for name in m.extra[1]}
    if not sitemaps or children - present:
        return  # no sitemap of this origin in the run, or one its index lists is not: coverage unknown
    listed = {key for m in sitemaps for key in m.extra[1]}
    count = len(present)
    for page in by_name(m for m in members if m.extra[0] == "page"):
        if url_key(page.value) not in listed and listed.isdisjoint(page.extra[1]):
            yield page.key, Violation(
                f"{page.value} is indexable but no sitemap of this run lists it ({count} sitemap "
                f"file{'s' if count != 1 else ''})",
                page.location, value=page.value, expected="listed in a sitemap", view=page.view,
                fix="Add the page to the sitemap (check which sections or post types the generator includes), "
                    "or make it noindex if it should not be found.")
