"""The page's `unavailable_after` date has passed, or cannot be read.

**What it checks.** Every `unavailable_after:` rule in the robots metas of the primary producer
(`robots`, `googlebot`, `googlebot-news`, `bingbot`). Its date is read as Google reads it: ISO 8601
(`2027-01-07T16:31:21+01:00`, `2027-01-07`), RFC 822 (`Thu, 07 Jan 2027 16:31:21 GMT`) or RFC 850
(`Thursday, 07-Jan-27 16:31:21 GMT`); a date without a zone is taken as UTC. A date in the past fails,
and so does a date none of these formats reads (Google then ignores the rule).

**Why it matters.** After that date Google drops the page from its results, as with `noindex`: a date
set for a limited offer or an event and never removed hides the page for good. An unreadable date is
ignored, so the page the author meant to expire stays listed.

**Severity.** warning: the page leaves the index after the date, or the date is unreadable and ignored.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (`unavailable_after: [date/time]` in "a widely
adopted format including, but not limited to RFC 822, RFC 850, and ISO 8601"); Lighthouse
`is-crawlable` (a past date blocks); Screaming Frog "Directives: Unavailable_After" (Warning/Medium).

**Fails:**

```html
<html><head><title>Offer</title>
<meta name="robots" content="index, follow, unavailable_after: 2020-09-21T15:00:00+00:00">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Offer</title>
<meta name="robots" content="index, follow, unavailable_after: 2999-12-31T00:00:00+00:00">
</head><body></body></html>
```
"""

from datetime import UTC, datetime

from seoaudit.model import Violation

from ._shared import BOTS, directives, parse_date

ID = "robots/unavailable-after"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    if view is None:
        return
    now = datetime.now(UTC)
    for bot in BOTS:
        for rule in directives(view, bot):
            if rule.name != "unavailable_after":
                continue
            when = parse_date(rule.value or "")
            if when is None:
                yield Violation(f"{bot} unavailable_after date {rule.value!r} is not a date Google can read, so the "
                                "rule is ignored", rule.field.location, value=rule.value, view=view.name,
                                expected="an ISO 8601, RFC 822 or RFC 850 date-time",
                                fix="Write the date as ISO 8601, e.g. unavailable_after: 2027-01-07T16:31:21+01:00.")
            elif when <= now:
                yield Violation(f"{bot} unavailable_after {rule.value} has passed: Google no longer shows this page",
                                rule.field.location, value=when.isoformat(), expected="a date in the future",
                                view=view.name, fix="Remove the expired unavailable_after rule, or take the page down.")
