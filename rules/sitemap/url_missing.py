"""A sitemap of a built site lists URLs for which the run holds no page.

**What it checks.** When a run holds a `<urlset>` sitemap beside the HTML pages of a built site (a `public/`
or `dist/` folder), every URL it lists must be a page of the run: one whose canonical or `og:url` is that URL,
or the file a static host would serve for it, relative to the sitemap's folder (`/about/` →
`about/index.html` or `about.html`). The finding is on the sitemap, one for all its missing URLs, at the first.
Nothing is reported for a run that holds less than half of a sitemap's pages (a sample of pages, not a site),
nor for WordPress exports, which hold posts and not every page a sitemap lists.

**Why it matters.** A sitemap URL without a page answers 404: Search Console reports "Submitted URL not found",
crawl effort goes to pages that are not there, and a sitemap with errors is trusted less. In a built site it
means the generator lists content that was not built (a draft, a deleted page, a path that changed).

**Severity.** warning: the missing URLs waste crawl effort and make the sitemap less trusted; no existing page loses
its indexing.

**Options.** None.

**Source.** Google Search Console, Page indexing report ("Submitted URL not found (404)"); Screaming Frog
"Sitemaps: Orphan URLs" / "Non-Indexable URLs in Sitemap" (4xx).

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/</loc></url>
  <url><loc>https://example.com/old-offer/</loc></url>
</urlset>
```

`public/index.html`:

```html
<html><head><title>Home</title>
<link rel="canonical" href="https://example.com/"></head><body><h1>Home</h1></body></html>
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/</loc></url>
  <url><loc>https://example.com/offer/</loc></url>
</urlset>
```

`public/index.html`:

```html
<html><head><title>Home</title>
<link rel="canonical" href="https://example.com/"></head><body><h1>Home</h1></body></html>
```

`public/offer/index.html`:

```html
<html><head><title>Offer</title></head><body><h1>Offer</h1></body></html>
```
"""

import posixpath
from pathlib import PurePath
from urllib.parse import unquote

from seoaudit.batch import Occurrence
from seoaudit.derive.canonical_graph import redirected_from
from seoaudit.model import Location, Violation

from ._shared import SHOWN, listed_entries, url_key

ID = "sitemap/url-missing"
SEVERITY = "warning"
COVERAGE = 0.5  # the share of a sitemap's URLs the run must hold to be a built site rather than a sample


def _folder(source: str) -> str:
    return PurePath(source).parent.as_posix()


# One group for the run: a page is matched by the URLs it names or by its file, and a page that names no URL has
# no origin to be filed under. A member is a file name and a few URL keys.
GROUP = "run"


def signature(page, options):
    """A sitemap's folder and entries ("sitemap"), or an HTML page's file and the URLs it names as its own
    ("page")."""
    listed = listed_entries(page)
    if listed:
        entries = tuple((key, entry.loc, entry.line) for key, entry in listed.items())  # in document order
        return {GROUP: Occurrence(page.document.source, Location(),
                                  extra=("sitemap", _folder(page.document.source), entries))}
    if page.kind != "html" or page.primary is None:
        return None
    named = [f.value for f in (page.canonical, page.primary.first("og:url")) if f is not None]
    named += [url for url, _, _ in redirected_from(page)]  # a listed URL that redirects here: sitemap/redirected-url
    keys = tuple(sorted({k for url in named if (k := url_key(url)) is not None}, key=repr))
    return {GROUP: Occurrence(PurePath(page.document.source).as_posix(), Location(), extra=("page", keys))}


def _files_for(path: str) -> tuple[str, ...]:
    """The files a static host serves for a URL path, relative to its root."""
    path = unquote(path).lstrip("/")
    if not path or path.endswith("/"):
        return (f"{path}index.html", f"{path}index.htm")
    return (path, f"{path}.html", f"{path}/index.html")


def check_group(group, members, options):
    pages = [m for m in members if m.extra[0] == "page"]
    named = {key for m in pages for key in m.extra[1]}
    files = {m.value for m in pages}
    for sitemap in sorted((m for m in members if m.extra[0] == "sitemap"), key=lambda m: m.key):
        folder, entries = sitemap.extra[1], sitemap.extra[2]
        missing = [(loc, line) for key, loc, line in entries if key not in named and not any(
            posixpath.normpath(posixpath.join(folder, name)) in files for name in _files_for(key[3]))]
        if not missing or len(entries) - len(missing) < COVERAGE * len(entries):
            continue
        count = len(missing)
        shown = ", ".join(loc for loc, _ in missing[:SHOWN]) + (f" and {count - SHOWN} more" if count > SHOWN else "")
        yield sitemap.key, Violation(
            f"{count:,} URL{'s' if count > 1 else ''} of {sitemap.document.display_source} "
            f"{'have' if count > 1 else 'has'} no page in this run ({len(entries) - count:,} of {len(entries):,} "
            f"do): {shown}", Location(line=missing[0][1]), value=[loc for loc, _ in missing[:10]],
            expected="a page for every URL listed",
            fix="Rebuild the sitemap from the pages that are built (drop deleted, draft or moved pages), or build "
                "the pages it lists.")
