"""A published page tells search engines not to index it (noindex or none).

**What it checks.** The robots metas of the primary producer (`robots`, `googlebot`, `bingbot`; in
`yoast_head_json` the `robots` object, in `aioseo_head_json` the robots string) on a published document:
any `noindex` or `none` (= noindex, nofollow) fails. Drafts, pending and scheduled posts are left to
`robots/noindex-before-publish`; `googlebot-news` is left alone (keeping a page out of Google News only
is a deliberate choice). One finding per page, naming every meta that says it.

**Why it matters.** A noindex page is dropped from search results. On WordPress it is usually a
setting left on by mistake: the per-post "Allow search engines to show this post?" switch, or the
site-wide "Discourage search engines" box kept after a launch (Yoast#11096, senlin/ymbeseo#27). Yoast
also drops the canonical of a noindex post (Yoast#21681).

**Options.** None. Pages that are meant to be noindex can be listed in `per-file-ignores`.

**Source.** Google Search Central, "Robots meta tag" (`noindex`, `none`); Lighthouse `is-crawlable`;
Screaming Frog "Directives: Noindex / None" (Warning/High); squirrelscan `core/robots-meta`.

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"robots": {"index": "noindex", "follow": "follow"}, "og_url": "https://example.com/hello/"}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"robots": {"index": "index", "follow": "follow"}, "canonical": "https://example.com/hello/"}}
```
"""

from seoaudit.model import Violation

from ._shared import directives

ID = "robots/noindex"
SEVERITY = "error"
BOTS = ("robots", "googlebot", "bingbot")


def blocking(view):
    """The noindex / none directives of the view, per crawler meta, in order."""
    return [d for bot in BOTS for d in directives(view, bot) if d.name in ("noindex", "none")]


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder:
        return
    found = blocking(view)
    if not found:
        return
    said = ", ".join(f"{d.bot}: {d.text}" for d in found)
    first = found[0]
    yield Violation(f"published page is noindex ({said}) in {view.name}", first.field.location, value=first.field.value,
                    expected="index (or no robots rule)", view=view.name,
                    fix="Allow indexing: in Yoast, set 'Allow search engines to show this post in search results?' "
                        "to Yes and untick Settings > Reading > 'Discourage search engines'; else remove noindex.")
