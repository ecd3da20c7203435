"""A schema date-time has no time zone.

**What it checks.** Every `datePublished`, `dateModified`, `dateCreated` and `uploadDate` in the page's
graph that carries a time (`2024-05-01T09:00:00`) also carries a UTC offset or `Z`. Dates without a
time (`2024-05-01`) are not judged.

**Why it matters.** Google: "We recommend that you provide timezone information; otherwise, we will
default to the timezone used by Googlebot." A local time read as another zone moves the date by hours,
sometimes to another day, and makes a fresh post look older or newer than it is. WordPress's
`date` field is local time with no zone: a theme that prints it instead of `date_gmt` with an offset
gets this wrong.

**Severity.** warning: the date is read in an unknown zone, so it may show a day off.

**Options.** None.

**Source.** Google Search Central, "Article structured data" (time zone recommended); peer-checks.md
§7 row 85 (`article/date-timezone`); wordpress-ecosystem.md §5 check 28.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datePublished": "2024-05-01T09:00:00"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datePublished": "2024-05-01T09:00:00+02:00"}</script>
</head></html>
```
"""

from seoaudit.model import Violation

from ._shared import node_label
from ._types import dated_values, parse_iso

ID = "schema/date-no-timezone"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)


def check(page, options, graph):
    view = page.schema_view.name
    for node, prop, raw, where in dated_values(graph):
        parsed = parse_iso(raw)
        if parsed is None or parsed.problem or not parsed.has_time or parsed.has_zone:
            continue
        yield Violation(f'{prop} "{raw}" of {node_label(node)} has no time zone', where, value=raw,
                        expected=f"{raw.strip()}+00:00 (or the site's UTC offset)", view=view,
                        fix="Add the UTC offset (print the GMT date with +00:00, or use date('c')); Google "
                            "otherwise reads the time in its own time zone.")
