"""article:published_time or modified_time disagrees with the schema dates or the post's own dates.

**What it checks.** On a published document, the primary producer's `article:published_time` and
`article:modified_time` (when present and readable) are within `tolerance_seconds` of: the
`datePublished` / `dateModified` of the schema's top-level Article and WebPage nodes, and the WordPress
post's `date_gmt` / `modified_gmt`. `date_gmt` carries no zone but is UTC, and is read so; a schema
date without a zone is not compared (the schema rules judge it). Drafts and scheduled posts are not
checked: their dates change on publish.

**Why it matters.** Platforms show the Open Graph date, Google reads the schema date, and both should
be the post's. A mismatch shows a stale cache, a theme printing its own Open Graph tags, or a front end
that formats the local `date` as if it were UTC (shifting it by the site's offset: Yoast#23153).

**Severity.** warning: the page gives two dates for one event, and consumers show either.

**Options.** `tolerance_seconds` (60).

**Source.** ogp.me (`article:published_time`, `article:modified_time`: ISO 8601 datetimes); peer-checks
catalogue `og/article-times`; wordpress-ecosystem catalogue check 28 (dates agree with `date_gmt`
within 60 s).

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "date_gmt": "2024-09-10T09:59:25", "modified_gmt": "2024-09-10T09:59:25",
 "yoast_head_json": {"og_type": "article", "article_published_time": "2024-09-10T11:59:25+00:00"}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "date_gmt": "2024-09-10T09:59:25", "modified_gmt": "2024-09-10T09:59:25",
 "yoast_head_json": {"og_type": "article", "article_published_time": "2024-09-10T09:59:25+00:00"}}
```
"""

from seoaudit.derive.dates import parse_datetime, schema_dates
from seoaudit.derive.og import OG_TIMES, prop
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "opengraph/article-time-mismatch"
SEVERITY = "warning"
OPTIONS = {"tolerance_seconds": Option(int, 60, "Seconds by which the og and schema times may differ.",
                                    minimum=0)}


def _references(page, schema_prop: str, post_field: str):
    """(label, Field, datetime) the og time must agree with; schema nodes that say the same are one entry
    (Yoast's Article and WebPage carry the same dates)."""
    grouped: dict = {}
    for label, field in schema_dates(page, schema_prop):
        when = parse_datetime(field.value)
        if when is not None:
            kinds, first = grouped.get(when, ([], field))
            grouped[when] = ([*kinds, label.split()[1]], first)
    for when, (kinds, field) in grouped.items():
        yield f"schema {'/'.join(kinds)} {schema_prop}", field, when
    post = page.post
    field = getattr(post, post_field, None) if post is not None else None
    if field is not None and (when := parse_datetime(field.value, assume_utc=True)) is not None:
        yield f"post {post_field} (UTC)", field, when


def _zone_hint(og_value: str, other: str) -> str:
    """Same clock time with another offset: one side has the site's time zone wrong (Yoast#23153)."""
    if og_value[:19] == other[:19] and "T" in og_value[:19]:
        return ": the same clock time with another UTC offset, so one of them has the wrong time zone"
    return ""


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder:
        return
    for og_key, schema_prop, post_field in OG_TIMES:
        og = prop(view, og_key)
        og_time = parse_datetime(og.value) if og is not None else None
        if og_time is None:
            continue
        for label, field, when in _references(page, schema_prop, post_field):
            gap = abs((og_time - when).total_seconds())
            if gap <= options["tolerance_seconds"]:
                continue
            yield Violation(f"{og_key} {og.value} differs from {label} {field.value} by {_span(gap)}"
                            + _zone_hint(og.value, field.value),
                            og.location, value=og.value, expected=field.value, view=view.name,
                            fix="Let the SEO plugin print both from the post's GMT dates; clear stale caches and "
                                "remove a theme's own Open Graph dates.")


def _span(seconds: float) -> str:
    if seconds < 3600:
        return f"{round(seconds)} s"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.0f} days"
