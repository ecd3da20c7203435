"""An indexable page of the run is missing from every sitemap of the run.

**What it checks.** When a run holds `<urlset>` sitemaps (a built site's `sitemap.xml` beside its pages), every
published, indexable page or post of the run whose canonical is its own URL and lies on an origin those sitemaps
cover must be listed by one of them. Nothing is reported when the run holds a sitemap index that lists a sitemap
file the run does not hold (the page may be in that one), or no sitemap at all.

**Why it matters.** A sitemap is how a site tells search engines which pages exist and when they changed; a page
left out is found only through links, later or not at all if nothing links to it. In a built site it usually means
the sitemap generator skips a section (a custom post type, a page built outside the content folder) or runs
before the last pages are built.

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
from seoaudit.model import Violation

from ._shared import listed_entries, merge_lists, page_urls, url_key

ID = "sitemap/page-not-listed"
SEVERITY = "warning"


def _file_name(name: str) -> str:
    return PurePosixPath(name).name.lower().removesuffix(".gz")


def signature(page, options):
    file = page.sitemap
    if file is not None:
        if file.sitemap is None:
            return None
        me = _file_name(page.document.source)
        if file.sitemap.kind == "index":  # the sitemap files it lists, by name: are they all in the run?
            return {"children": {_file_name(urlsplit(e.loc).path): [me] for e in file.sitemap.entries},
                    "present": {me: [me]}}
        origins = {urls.parse(loc).origin: [me] for entries in listed_entries(page).values() for _, loc, _ in entries}
        return {"listed": {key: [me] for key in listed_entries(page)}, "origins": origins, "present": {me: [me]}}
    own, canonical = page_urls(page)
    if canonical is None or not page.is_indexable or (own and url_key(canonical.value) not in own):
        return None  # no URL of its own, noindex, or canonicalised elsewhere: not a page to list
    view = page.primary
    return {"pages": {url_key(canonical.value): [(page.document.display_source, canonical.value, canonical.location,
                                                 view.name)]}}


merge = merge_lists


def check_batch(state, options):
    origins, listed = state.get("origins", {}), state.get("listed", {})
    if not origins or set(state.get("children", {})) - set(state.get("present", {})):
        return  # no sitemap in the run, or one its index lists is not: coverage unknown
    count = len(state.get("present", {}))
    for key, pages in state.get("pages", {}).items():
        for document, url, location, view in pages:
            if key not in listed and urls.parse(url).origin in origins:
                yield document, Violation(
                    f"{url} is indexable but no sitemap of this run lists it ({count} sitemap "
                    f"file{'s' if count != 1 else ''})",
                    location, value=url, expected="listed in a sitemap", view=view,
                    fix="Add the page to the sitemap (check which sections or post types the generator includes), "
                        "or make it noindex if it should not be found.")
