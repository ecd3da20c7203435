"""The WordPress object carries no SEO plugin output, so its head could not be checked.

**What it checks.** A WordPress REST object (post, page, term, user) with none of `yoast_head`,
`yoast_head_json`, `aioseo_head` or `aioseo_head_json`, or a WPGraphQL node with no `seo` field. Yoast
leaves its fields out when the "REST API: head endpoint" setting is off, for `auto-draft`s and for
non-indexable post types; core WordPress and plugins such as Rank Math or SEOPress add no head to the REST
object at all.

**Why it matters.** Without a head in the input, canonical, Open Graph, X card and schema checks have
nothing to look at: a report with no findings would look like a pass. Saying so keeps the gap visible;
audit the page's HTML (or Yoast's `get_head` response) to check it. Live mode (`seoaudit site`, `check` on a
REST URL) does that itself: it audits the page served at `link`, and this rule then stays silent.

**Severity.** info: the object carries no SEO plugin output to check; a statement of what was read.

**Options.** None.

**Source.** wordpress-ecosystem.md §2 (Yoast `yoast_head` registration) and §5 check 32
(plugin-detect-normalise).

**Fails:**

```json
{"id": 1, "link": "https://example.org/hello-world/", "status": "publish", "type": "post",
 "title": {"rendered": "Hello world!"}}
```

**Passes:**

```json
{"id": 1, "link": "https://example.org/hello-world/", "status": "publish", "type": "post",
 "title": {"rendered": "Hello world!"},
 "yoast_head_json": {"title": "Hello world!", "canonical": "https://example.org/hello-world/"}}
```
"""

from seoaudit.model import Violation

ID = "wordpress/no-seo-output"
SEVERITY = "info"
REQUIRES = ("post",)  # passed in (registry.py)


def check(page, options, post):
    if page.views:
        return
    if page.kind.startswith("graphql-"):
        yield Violation(f"{post.kind} has no SEO plugin output (no `seo` field in the GraphQL answer): only its "
                        "own fields were checked", post.location, value=None, expected="seo { … fullHead }",
                        fix="Ask for `seo { fullHead … }` in the query (wp-graphql-yoast-seo or wp-graphql-rank-math "
                            "must be active).")
        return
    yield Violation(
        f"{post.kind} has no SEO plugin output (yoast_head, yoast_head_json, aioseo_head_json): "
        "only its own fields were checked",
        post.location, value=None, expected="yoast_head_json, yoast_head or aioseo_head_json",
        fix="Enable Yoast's REST head endpoint, or audit the page's HTML or Yoast's get_head response.")
