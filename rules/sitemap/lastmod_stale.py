"""A sitemap of the run gives a page a `<lastmod>` earlier than the page's own modification date.

**What it checks.** Every `<url>` with a readable `<lastmod>` in the `<urlset>` sitemaps of a run, against the
published page or post of the same run at that URL (its WordPress `link`, else `og:url`, else its canonical):
the page's modification date (WordPress `modified_gmt`, else `article:modified_time`, else the schema
`dateModified`) must not be later than the end of the period the `<lastmod>` names (a date covers its whole
day in any time zone; a date-time, `tolerance_seconds` after it). The finding is on the sitemap, at the entry's
line, and names the page and its date.

**Why it matters.** Google reads `<lastmod>` to decide what to recrawl, and only "if it's consistently and
verifiably accurate": a sitemap whose dates lag behind the pages sends crawlers to the changes late, and teaches
Google to ignore the site's lastmod altogether. The usual cause is a cached or statically built sitemap that was
not rebuilt when posts were edited, or a generator that prints the publish date.

**Severity.** warning: the page stays indexed; its changes are recrawled later, and Google may stop trusting the
site's lastmod values.

**Options.** `tolerance_seconds` (default 60): how much later than a `<lastmod>` date-time the page's date may be.

**Source.** Google Search Central, "Build and submit a sitemap" (lastmod: "Google uses the lastmod value if it's
consistently and verifiably accurate"); sitemaps.org protocol (`<lastmod>`: the date of last modification).

**Fails** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/pricing/</loc><lastmod>2026-01-10</lastmod></url>
</urlset>
```

`public/pricing/index.html`:

```html
<html><head><title>Pricing</title><link rel="canonical" href="https://example.com/pricing/">
<meta property="article:modified_time" content="2026-03-02T08:15:00+00:00"></head><body><h1>Pricing</h1></body></html>
```

**Passes** (one run of these files):

`public/sitemap.xml`:

```xml
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/pricing/</loc><lastmod>2026-03-02</lastmod></url>
</urlset>
```

`public/pricing/index.html`:

```html
<html><head><title>Pricing</title><link rel="canonical" href="https://example.com/pricing/">
<meta property="article:modified_time" content="2026-03-02T08:15:00+00:00"></head><body><h1>Pricing</h1></body></html>
```
"""

from calendar import monthrange
from datetime import UTC, datetime, timedelta

from seoaudit.batch import Occurrence
from seoaudit.derive.dates import parse_datetime, schema_dates
from seoaudit.derive.og import prop
from seoaudit.model import Location, Violation
from seoaudit.options import Option

from ._shared import is_w3c_datetime, listed_entries, page_urls, url_key

ID = "sitemap/lastmod-stale"
SEVERITY = "warning"
OPTIONS = {"tolerance_seconds": Option(int, 60, "Seconds by which the page's date may be later than a `<lastmod>` "
                                                   "date-time.", minimum=0)}
_ZONES = timedelta(hours=14)  # a date without a zone ends at most 14 hours after its UTC midnight


def latest_instant(lastmod: str, tolerance: int) -> datetime | None:
    """The last instant a W3C `<lastmod>` can mean, in UTC: the end of its year, month or day in the latest time
    zone, or the date-time itself plus `tolerance` seconds."""
    if not is_w3c_datetime(lastmod):
        return None
    if "T" in lastmod:
        return parse_datetime(lastmod.replace("Z", "+00:00")) + timedelta(seconds=tolerance)
    parts = [int(p) for p in lastmod.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else monthrange(year, month)[1]
    return datetime(year, month, day, tzinfo=UTC) + timedelta(days=1) + _ZONES


def modified(page):
    """(Field, UTC datetime) of the page's last modification, or None."""
    post, view = page.post, page.primary
    candidates = [(post.modified_gmt, True)] if post is not None and post.modified_gmt else []
    if view is not None and (og := prop(view, "article:modified_time")) is not None:
        candidates.append((og, False))
    candidates += [(field, False) for _, field in schema_dates(page, "dateModified")]
    for field, assume_utc in candidates:
        if (when := parse_datetime(field.value, assume_utc)) is not None:
            return field, when
    return None


def signature(page, options):
    """By URL: a sitemap's entries with a readable lastmod ("listed", the latest instant it means), or a page's
    modification date ("modified", as UTC ISO text)."""
    listed = listed_entries(page)
    if listed:
        found = {}
        for key, entry in listed.items():
            latest = latest_instant(entry.lastmod, options["tolerance_seconds"]) if entry.lastmod else None
            if latest is not None:
                found[key] = Occurrence(entry.loc, Location(line=entry.line), extra=("listed", entry.lastmod,
                                                                                      latest.isoformat()))
        return found or None
    own, canonical = page_urls(page)
    address = page.link.value if page.link is not None else next(iter(own.values()), None) or (
        canonical.value if canonical is not None else None)
    date = modified(page) if address else None
    if date is None:
        return None
    field, when = date
    return {url_key(address): Occurrence(field.value, field.location, extra=("modified", when.isoformat()))}


def check_group(key, members, options):
    pages = [m for m in members if m.extra[0] == "modified"]
    if not pages:
        return
    # a post read twice (an older export beside a newer one): its newest date speaks
    latest = max(pages, key=lambda m: (datetime.fromisoformat(m.extra[1]), m.document.display_source))
    changed = datetime.fromisoformat(latest.extra[1])
    for sitemap in members:
        if sitemap.extra[0] == "listed" and changed > datetime.fromisoformat(sitemap.extra[2]):
            yield sitemap.key, Violation(
                f"{sitemap.document.display_source} gives {sitemap.value} the lastmod {sitemap.extra[1]}, but its "
                f"page ({latest.document.display_source}) was modified {latest.value}", sitemap.location,
                value=sitemap.extra[1], expected=f"{latest.value} or later",
                fix="Rebuild the sitemap when pages change (or clear its cache), printing each page's own "
                    "modification date.")
