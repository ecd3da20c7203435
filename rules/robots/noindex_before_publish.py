"""A draft, pending or scheduled post is set to noindex, and will be published that way.

**What it checks.** On a WordPress post whose status is draft, pending, future or auto-draft, the robots
metas of the primary producer (`robots`, `googlebot`, `bingbot`) hold `noindex` or `none`.

**Why it matters.** Nothing is wrong yet: a draft is not public. But the noindex setting is stored
with the post (Yoast's per-post "Allow search engines to show this post?" switch, or the site-wide
"Discourage search engines" box), so the post will go live noindex unless someone changes it. Said as
information, so that it is a decision, not an accident (Yoast#11096).

**Severity.** info: the post is not live yet; a reminder that it will be published noindex.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (`noindex`); wordpress-ecosystem catalogue check 10
(`robots-indexable`, placeholder mode).

**Fails:**

```json
{"id": 9, "link": "https://example.com/?p=9", "status": "draft", "title": {"rendered": "Soon"},
 "yoast_head_json": {"robots": {"index": "noindex", "follow": "follow"}, "og_url": "https://example.com/?p=9"}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/?p=9", "status": "draft", "title": {"rendered": "Soon"},
 "yoast_head_json": {"robots": {"index": "index", "follow": "follow"}, "canonical": "https://example.com/?p=9"}}
```
"""

from seoaudit.model import Violation

from ._shared import blocking

ID = "robots/noindex-before-publish"
SEVERITY = "info"
REQUIRES = ("post",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options, post):
    view = page.primary
    if view is None or not post.is_placeholder:
        return
    found = blocking(view)
    if found:
        said = ", ".join(f"{d.bot}: {d.text}" for d in found)
        yield Violation(f"{post.status} post is noindex ({said}) in {view.name}: it will be published noindex",
                        found[0].field.location, value=found[0].field.value, expected="index", view=view.name,
                        fix="If the post should be found in search, allow indexing before publishing it.")
