"""The page has no meta description (Yoast printed none).

**What it checks.** The producer that speaks for the page (the HTML page, else `yoast_head_json`,
`aioseo_head_json` or `yoast_head`) on an indexable page: it fires when there is no `<meta
name="description">` at all. Yoast leaves the `description` key out of `yoast_head_json` (and the tag out
of `yoast_head`) when neither the post nor the post type's template sets one; its `og_description`
then falls back to the excerpt, which does not make a meta description. An empty description is
`description/empty`; one only inside `<body>` is `description/outside-head`.

**Why it matters.** Without a description, Google builds the snippet from whatever page text matches the
query, often navigation, cookie notices or the first lines of the post; a written description is what
searchers read before they click. Noindex pages are not checked: they have no snippet.

**Severity.** warning: Google writes its own snippet from the page; a real defect of uncertain impact.

**Options.** None.

**Source.** Lighthouse `meta-description` (fails when absent); Screaming Frog "Meta Description:
Missing"; squirrelscan `core/meta-description`; Yoast scores a missing description red.
peer-checks.md row 10; wordpress-ecosystem.md §2 (absent key = not output) and §5 check 26.

**Fails:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "og_description": "We brew coffee every morning and &hellip;"}}
```

**Passes:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "How we brew coffee at home, step by step."}}
```
"""

from seoaudit.model import Violation

ID = "description/missing"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    if (view is None or view.descriptions or not page.is_indexable or page.is_fragment
            or not view.states("description")):
        return
    if view.tree is None:
        what = f"{view.name} has no description key"
    else:
        what = f"{view.name} has no <meta name=\"description\">"
    fallback = view.first("og:description")
    hint = f" (it prints og:description only: {_short(fallback.value)!r})" if fallback and fallback.value else ""
    yield Violation(f"no meta description: {what}{hint}", view.location, view=view.name,
                    expected="a meta description of this page",
                    fix="Write a meta description (Yoast: the post's meta description field, or a template "
                        "for the post type under Settings > Content types).")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
