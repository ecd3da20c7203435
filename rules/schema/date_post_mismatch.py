"""A schema date disagrees with the WordPress post's own GMT date.

**What it checks.** On a WordPress post, page or other post type that is not a draft, pending or
scheduled, the `datePublished` and `dateModified` of every Article-type node and WebPage-type node of
the graph equal the post's `date_gmt` and `modified_gmt` (which WordPress gives in UTC, with no zone
written), within 60 seconds. Schema dates without a time zone are left to `schema/date-no-timezone`.

**Why it matters.** Yoast builds both dates from the post's GMT fields, so a difference means the
metadata is stale (Yoast's indexables were not rebuilt after an import, a migration or a direct
database edit), or that a theme or another plugin prints the local time as UTC: Google then shows a
wrong date, and a post updated today still looks old.

**Severity.** warning: the structured data and WordPress disagree on the date, and Google may show either.

**Options.** None.

**Source.** Yoast `src/generators/schema/article.php` and `webpage.php` (dates from `post_date_gmt`
and `post_modified_gmt`); Yoast#23153; peer-checks.md §7 row 86 (`article/date-order`: "== WP
`date_gmt`/`modified_gmt`"); wordpress-ecosystem.md §5 check 28.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "date_gmt": "2024-05-01T09:00:00", "modified_gmt": "2024-05-03T10:00:00",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [{"@type": "Article",
  "@id": "https://example.com/post/#article", "headline": "Hello",
  "datePublished": "2024-05-01T11:00:00+00:00", "dateModified": "2024-05-03T10:00:00+00:00"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "date_gmt": "2024-05-01T09:00:00", "modified_gmt": "2024-05-03T10:00:00",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [{"@type": "Article",
  "@id": "https://example.com/post/#article", "headline": "Hello",
  "datePublished": "2024-05-01T11:00:00+02:00", "dateModified": "2024-05-03T10:00:00+00:00"}]}}}
```
"""

from datetime import timedelta

from seoaudit.derive.schema_types import is_article, vocabulary
from seoaudit.model import Violation

from ._shared import node_label
from ._types import parse_iso, wp_gmt

ID = "schema/date-post-mismatch"
SEVERITY = "warning"
REQUIRES = ("post", "graph")  # passed in (registry.py)
TOLERANCE = timedelta(seconds=60)
PAIRS = (("datePublished", "date_gmt"), ("dateModified", "modified_gmt"))


def describes_post(node) -> bool:
    vocab = vocabulary()
    return is_article(node) or any(t in vocab.types and vocab.is_a(t, "WebPage") for t in node.types)


def check(page, options, post, graph):
    if post.is_placeholder:
        return
    view = page.schema_view.name
    truth = {"date_gmt": post.date_gmt, "modified_gmt": post.modified_gmt}
    for node in graph.nodes:
        if not describes_post(node):
            continue
        for prop, field_name in PAIRS:
            field = truth[field_name]
            expected = wp_gmt(field.value) if field is not None else None
            raw = node.get(prop)
            parsed = parse_iso(raw) if isinstance(raw, str) else None
            if expected is None or parsed is None or parsed.moment is None or not parsed.has_zone:
                continue
            drift = parsed.moment - expected
            if abs(drift) <= TOLERANCE:
                continue
            hours = drift.total_seconds() / 3600
            yield Violation(f'{prop} "{raw}" of {node_label(node)} differs from the post\'s {field_name} '
                            f'{field.value} (UTC) by {hours:+.2f} h', node.location.child(prop), value=raw,
                            expected=expected.isoformat(), view=view,
                            fix="Rebuild the SEO plugin's data (Yoast: Tools → Optimize SEO data); if the offset "
                                "is whole hours, a theme or plugin prints local time as UTC.")
