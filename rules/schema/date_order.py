"""A schema node was modified before it was published, or published in the future.

**What it checks.** On every node of the page's graph that has both, `dateModified` is not earlier than
`datePublished` (a pair of dates repeated on several nodes, such as Yoast's Article and WebPage, is reported
once). Two date-times with a time zone are compared to the second (60 s of tolerance); date-only values
(`2018-09-11`) and date-times without a zone are compared by calendar day, two date-only days strictly and a
day apart otherwise (the zone could move a time across midnight). On a published page, `datePublished` is not
more than a day in the future (a scheduled WordPress post is not judged: its date is in the future on
purpose).

**Why it matters.** A modification before publication is impossible, so one of the dates is wrong:
Google may show either, or distrust both. The usual causes are a date printed in local time with a
`+00:00` offset, an import that kept the old modified date, or a cache (Yoast's indexables) that kept
a stale value (Yoast#12765). A publication date in the future on a live page has the same causes.

**Severity.** warning: one of the dates is wrong and Google may show either, but the page and its rich
results still work.

**Options.** None.

**Source.** Yoast#12765 (dateModified before datePublished); Yoast#23153; peer-checks.md §7 row 86
(`article/date-order`); wordpress-ecosystem.md §5 check 28.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datePublished": "2024-05-02T09:00:00+00:00",
 "dateModified": "2024-05-01T09:00:00+00:00"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datePublished": "2024-05-01T09:00:00+00:00",
 "dateModified": "2024-05-02T09:00:00+00:00"}</script>
</head></html>
```
"""

from datetime import UTC, datetime, timedelta

from seoaudit.model import Violation

from ._shared import node_label
from ._types import parse_iso

ID = "schema/date-order"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)
TOLERANCE = timedelta(seconds=60)
FUTURE = timedelta(days=1)


def comparable(raw):
    """(the moment, whether it is exact: a date-time with a zone), or None when not a readable date."""
    parsed = parse_iso(raw) if isinstance(raw, str) else None
    if parsed is None or parsed.moment is None:
        return None
    return parsed.moment, parsed.has_zone


def modified_before(published, modified) -> bool:
    (when, exact), (then, exact_too) = published, modified
    if exact and exact_too:
        return then < when - TOLERANCE
    slack = timedelta(0) if not (when.hour or when.minute or then.hour or then.minute) else timedelta(days=1)
    return then.date() < when.date() - slack


def in_future(published, now: datetime) -> bool:
    when, exact = published
    return when > now + FUTURE if exact else when.date() > (now + FUTURE).date()


def check(page, options, graph):
    view = page.schema_view.name
    now = datetime.now(UTC)
    live = page.is_published and not page.is_placeholder
    reported = set()  # Yoast's Article and WebPage carry the same pair: one finding per pair of dates
    for node in graph.nodes:
        published = comparable(node.data.get("datePublished"))
        if published is None:
            continue  # both findings need a datePublished (most nodes have none)
        modified = comparable(node.get("dateModified"))
        pair = (repr(node.get("datePublished")), repr(node.get("dateModified")))  # repr: a list is no key
        if pair in reported:
            continue
        backwards = modified is not None and modified_before(published, modified)
        future = live and in_future(published, now)
        if backwards or future:
            reported.add(pair)
        if backwards:
            yield Violation(f'dateModified "{node.get("dateModified")}" of {node_label(node)} is before its '
                            f'datePublished "{node.get("datePublished")}"', node.location.child("dateModified"),
                            value=node.get("dateModified"), expected=f"≥ {node.get('datePublished')}", view=view,
                            fix="Print both dates from the post's GMT fields with their offset; rebuild the SEO "
                                "plugin's cached data (Yoast: Tools → Optimize SEO data) after an import.")
        if future:
            yield Violation(f'datePublished "{node.get("datePublished")}" of {node_label(node)} is in the future',
                            node.location.child("datePublished"), value=node.get("datePublished"),
                            expected=f"≤ {now.isoformat(timespec='seconds')}", view=view,
                            fix="Check the time zone the date is printed in, and the post's publication date.")
