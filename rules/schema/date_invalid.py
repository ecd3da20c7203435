"""A schema date is not an ISO 8601 date, or not a real calendar date.

**What it checks.** Every `datePublished`, `dateModified`, `dateCreated` and `uploadDate` in the page's graph
(every node, nested ones too; a value repeated on several nodes is counted once, and the dates that fail for
one reason are one finding that lists them) is an ISO 8601 date or date-time (`2024-05-01`,
`2024-05-01T09:00:00+02:00`) naming a day that exists: not WordPress's zero date `0000-00-00`, which Yoast
prints as `-0001-11-30T00:00:00+00:00`, not `2024-02-30`, not an offset past ±14:00. On a draft, pending or
scheduled post, the zero date is not reported: WordPress has not set the publication date yet, and Yoast
rewrites it on publish.

**Why it matters.** Google reads these dates for the date shown in results and for freshness; a date
it cannot parse is dropped, and a zero date on a published page is shown or ignored unpredictably.
Human formats (`May 1, 2024`, `01/05/2024`) are ambiguous and not ISO 8601.

**Severity.** warning: the date is dropped, but nothing Google requires depends on it for an Article. error
when Google requires the property for the rich result of the node (a VideoObject's `uploadDate`): the video
result is lost.

**Options.** None.

**Source.** Google Search Central, "Article structured data" (dates in ISO 8601); squirrelscan
`schema/article` (date format); Yoast `Date_Helper_Test` (the zero date is invalid); peer-checks.md §7
row 84 (`article/date-iso8601`); wordpress-ecosystem.md §5 check 28 (Fixture A).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [{"@type": "Article",
  "@id": "https://example.com/post/#article", "headline": "Hello",
  "datePublished": "-0001-11-30T00:00:00+00:00"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [{"@type": "Article",
  "@id": "https://example.com/post/#article", "headline": "Hello",
  "datePublished": "2024-05-01T09:00:00+00:00"}]}}}
```
"""

from seoaudit.derive.schema_types import google_requires
from seoaudit.model import AGGRAVATED, Violation

from ._shared import node_label
from ._types import dated_values, parse_iso

ID = "schema/date-invalid"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("graph",)  # passed in (registry.py)


def check(page, options, graph):
    view = page.schema_view.name
    by_cause: dict[str, list] = {}  # why → [(node, prop, raw, where)]: one template, one finding
    for node, prop, raw, where in dated_values(graph):
        if not raw.strip():
            continue  # blank values are schema/article-missing-property's business
        parsed = parse_iso(raw)
        if parsed is None:
            why = "not an ISO 8601 date"
        elif parsed.problem is None or (page.is_placeholder and parsed.problem.startswith("WordPress's zero date")):
            continue
        else:
            why = f"not a real date: {parsed.problem}"
        by_cause.setdefault(why, []).append((node, prop, raw, where))
    for why, dates in by_cause.items():
        required = [(prop, kind) for node, prop, _, _ in dates if (kind := google_requires(node, prop))]
        listed = "; ".join(f'{prop} "{raw}" of {node_label(node)}' for node, prop, raw, _ in dates)
        count = f"{len(dates)} dates are" if len(dates) > 1 else "it is"
        need = f": Google requires {required[0][0]} for a {required[0][1]}" if required else ""
        yield Violation(f"{listed}: {count} {why}{need}", dates[0][3], value=[raw for _, _, raw, _ in dates]
                        if len(dates) > 1 else dates[0][2], case=AGGRAVATED if required else None,
                        expected="an ISO 8601 date-time such as 2024-05-01T09:00:00+00:00", view=view,
                        fix="Print the date with a format such as DATE_ATOM (date('c')), from the post's GMT date; "
                            "a zero date means the post has no publication date yet.")
