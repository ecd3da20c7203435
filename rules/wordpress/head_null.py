"""A WordPress object's SEO head field is `null`.

**What it checks.** A REST object that has a `yoast_head`, `yoast_head_json`, `aioseo_head` or
`aioseo_head_json` key whose value is `null` (the key exists, so the plugin is active, but it gave no
head for this object); a WPGraphQL node whose `seo` is null or whose `seo.fullHead` is null or empty.
One finding per object, naming the null fields and what else is present.

**Why it matters.** Yoast returns `null` for a post type or taxonomy that is set not to show in search
results, for `auto-draft`s, revisions, autosaves and objects it cannot resolve; a head that is `null`
while the post is public usually means the type is excluded in Yoast's settings, or its indexables
were never built. Nothing of the head can then be checked, and a headless front end renders the page
with no title, canonical or Open Graph tags.

**Severity.** info: nothing of the head can be checked; a hint that the post type is excluded from Yoast.

**Options.** None.

**Source.** wordpress-ecosystem.md §2 (Yoast `yoast_head` registration: "The value is `null` for
non-indexable post types, `auto-draft`, revisions, autosaves and 404s") and §5 check 32.

**Fails:**

```json
{"id": 3, "link": "https://example.com/?post_type=product&p=3", "status": "publish", "type": "product",
 "title": {"rendered": "Chair"}, "yoast_head": null, "yoast_head_json": null}
```

**Passes:**

```json
{"id": 3, "link": "https://example.com/product/chair/", "status": "publish", "type": "product",
 "title": {"rendered": "Chair"}, "yoast_head_json": {"title": "Chair - Example",
 "canonical": "https://example.com/product/chair/"}}
```
"""

from seoaudit.model import Violation
from seoaudit.seo_plugins import REST_FIELDS

ID = "wordpress/head-null"
SEVERITY = "info"
REQUIRES = ("post",)  # passed in (registry.py)


def check(page, options, post):
    data = page.document.data
    if not isinstance(data, dict):
        return
    null = _graphql_nulls(data) if page.kind.startswith("graphql-") else \
        [key for key in REST_FIELDS if key in data and data[key] is None]
    if not null:
        return
    present = [key for key in page.views if key not in null]
    kind = post.type or post.kind
    also = f"; {', '.join(present)} present" if present else ""
    yield Violation(f"{', '.join(null)} {'is' if len(null) == 1 else 'are'} null for this {kind} "
                    f"(status {post.status or 'none'}){also}", post.location.child(*null[0].split(".")),
                    value=None, expected="the SEO plugin's head for this object",
                    fix="In Yoast SEO > Settings > Content types, set the type to show in search results (or rebuild "
                        "the indexables); auto-drafts and revisions have no head by design.")


def _graphql_nulls(node: dict) -> list[str]:
    """A WPGraphQL node's `seo` that is null, or its `fullHead` that is null or empty (wp-graphql-yoast-seo
    answers "" where the REST field is null: no indexable; wp-graphql-rank-math null for an empty head)."""
    if "seo" in node and node["seo"] is None:
        return ["seo"]
    seo = node.get("seo")
    head = seo.get("fullHead") if isinstance(seo, dict) else ""
    if isinstance(seo, dict) and "fullHead" in seo and not (isinstance(head, str) and head.strip()):
        return ["seo.fullHead"]
    return []
