"""`yoast_head` and `yoast_head_json` (or a WPGraphQL node's `seo` fields and `fullHead`) disagree on the page's URL.

**What it checks.** A document that carries both renderings of one plugin's head (a WordPress post with
`yoast_head` and `yoast_head_json`, a Yoast `get_head` response with `html` and `json`, AIOSEO's
`aioseo_head` and `aioseo_head_json`, or a WPGraphQL node whose `seo` has structured fields and
`fullHead`: `seo.canonical` / `seo.canonicalUrl`, `opengraphUrl` / `openGraph.url`, `schema.raw` /
`jsonLd.raw`) must say the same canonical, `og:url` and schema WebPage `url` in both. Each difference is
reported once, at the JSON value, and the message names both locations. Host case and default ports do
not matter; one side missing a value the other has is a difference (a GraphQL field the query did not ask
for is no value).

**Why it matters.** Both strings are built from the same indexable in the same request, so they can only
disagree when something rewrote one of them: a headless front end or a filter that rewrites URLs in
`yoast_head` but not in the JSON (or the reverse; only `canonical` and `og_url` pass through
headstartwp's `convertUrl`, Yoast#16134), or a cache that kept an old copy. Front ends render one and
build sitemaps or links from the other, so a disagreement becomes a canonical that depends on the code
path.

**Severity.** warning: the two renderings of one head disagree, so what a front end prints depends on which
one it reads. error when both name a canonical and the canonicals differ: the document gives two canonicals,
a contradiction (`canonical/conflicting`'s defect across the two renderings).

**Options.** None.

**Source.** Yoast `src/routes/yoast-head-rest-field.php` (both fields come from the same indexable);
wp-graphql-yoast-seo `includes/resolvers/post-type.php` and wp-graphql-rank-math `src/Model/Seo.php` (the
fields and `fullHead` of one request); Yoast#16134; 10up/headstartwp#558 (URL rewriting in headless front ends).

**Fails:**

```json
{"id": 4, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head": "<title>Post</title><link rel=\\"canonical\\" href=\\"https://cms.example.com/post/\\" />",
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post/"}}
```

**Passes:**

```json
{"id": 4, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head": "<title>Post</title><link rel=\\"canonical\\" href=\\"https://example.com/post/\\" />",
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post/"}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import webpage_nodes
from seoaudit.model import AGGRAVATED, Violation

ID = "canonical/producers-disagree"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
PAIRS = (("yoast_head_json", "yoast_head"), ("aioseo_head_json", "aioseo_head"), ("seo", "seo.fullHead"))


def check(page, options):
    for json_name, head_name in PAIRS:
        json_view, head_view = page.views.get(json_name), page.views.get(head_name)
        if json_view is None or head_view is None:
            continue
        for label, read, prop in (("canonical", canonical, "canonical"), ("og:url", og_url, "og:url"),
                                  ("schema WebPage url", webpage_url, "schema")):
            if not json_view.states(prop):
                continue
            mine, theirs = read(page, json_view), read(page, head_view)
            if agree(mine, theirs):
                continue
            first = mine or theirs
            yield Violation(f"{label} differs between {json_name} and {head_name}: {contrast(mine, theirs)}",
                            first[1], value=mine[0] if mine else None, expected=theirs[0] if theirs else None,
                            view=json_name, case=AGGRAVATED if label == "canonical" and mine and theirs else None,
                            fix=f"Find what rewrites one of the two (a front end, a filter, a cache) and make "
                                f"{json_name} and {head_name} say the same {label}.")


def canonical(page, view):
    field = view.canonical
    return (field.value, field.location) if field is not None and field.value else None


def og_url(page, view):
    field = view.first("og:url")
    return (field.value, field.location) if field is not None and field.value else None


def webpage_url(page, view):
    for node in webpage_nodes(page.graph_of(view)):
        if isinstance(node.get("url"), str):
            return node.get("url"), node.location.child("url")
    return None


def agree(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a[0] == b[0] or urls.same(a[0], b[0])


def contrast(mine, theirs) -> str:
    def where(side):
        return f"{side[0]!r} at {side[1].describe()}" if side else "absent"

    detail = ", ".join(urls.differences(mine[0], theirs[0])) + ": " if mine and theirs else ""
    return f"{detail}{where(mine)} vs {where(theirs)}"
