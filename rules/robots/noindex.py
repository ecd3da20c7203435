"""A published page tells search engines not to index it (noindex or none).

**What it checks.** The robots metas of the primary producer (`robots`, `googlebot`, `bingbot`; in
`yoast_head_json` the `robots` object, in `aioseo_head_json` the robots string) on a published document:
any `noindex` or `none` (= noindex, nofollow) fails. Drafts, pending and scheduled posts are left to
`robots/noindex-before-publish`; `googlebot-news` is left alone (keeping a page out of Google News only
is a deliberate choice). One finding per page, naming every meta that says it.

**Why it matters.** A noindex page is dropped from search results. Often that is the point (a thank-you
page, a past event, the per-post "Allow search engines to show this post?" switch set to No); on WordPress it
is also a setting left on by mistake, above all the site-wide "Discourage search engines" box kept after a
launch (Yoast#11096, senlin/ymbeseo#27). Yoast also drops the canonical of a noindex post (Yoast#21681).

**Severity.** warning: noindex alone is often deliberate, so it is a warning to confirm. error when the
document contradicts it:
- Yoast's robots also hold the rules it prints only for indexable content (`max-snippet`,
  `max-image-preview`, `max-video-preview`): the post and its type are set to index, and the noindex comes
  from the site-wide "Discourage search engines" setting (Yoast's `Robots_Helper::after_generate` adds it
  last). On a development host (localhost, a staging name: `url/dev-host`'s test) that setting is expected,
  and it stays a warning;
- the post's own SEO field says index (`meta._yoast_wpseo_meta-robots-noindex` = "2", Rank Math's
  `rank_math_robots` with `index`), when the REST response exposes it;
- another producer of the same document says index (`yoast_head` against `yoast_head_json`).
Contradictions across documents (a URL listed in a sitemap of the run, the target of another document's
canonical) need the run's other documents and are not judged here.

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

from seoaudit import urls
from seoaudit.derive.hosts import dev_host_reasons
from seoaudit.model import AGGRAVATED, Violation

from ._shared import blocking, directives

ID = "robots/noindex"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
# What Yoast prints only for content it indexes (Indexable_Presentation::filter_robots drops them on noindex).
INDEXING_ONLY = frozenset({"max-snippet", "max-image-preview", "max-video-preview"})


def check(page, options):
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder:
        return
    found = blocking(view)
    if not found:
        return
    said = ", ".join(f"{d.bot}: {d.text}" for d in found)
    first = found[0]
    contradiction = contradicted_by(page, view)
    yield Violation(f"published page is noindex ({said}) in {view.name}"
                    + (f", but {contradiction}" if contradiction else ""), first.field.location,
                    value=first.field.value, expected="index (or no robots rule)", view=view.name,
                    case=AGGRAVATED if contradiction else None,
                    fix="If the page should be found in search, allow indexing: untick Settings > Reading > "
                        "'Discourage search engines', and in Yoast set 'Allow search engines to show this post in "
                        "search results?' to Yes; if the noindex is meant, ignore this rule for the page "
                        "(per-file-ignores or an ignore comment).")


def contradicted_by(page, view) -> str | None:
    """What in the document says the page should be indexed, or None."""
    if _site_wide_noindex(page, view):
        return ("its robots keep the rules Yoast prints only on indexable content (max-snippet, max-image-preview): "
                "the post is set to index and the site-wide 'Discourage search engines' setting is on, on a "
                "production host")
    field = _post_setting(page)
    if field is not None:
        return f"the post's own SEO setting {field} says index"
    for other in page.ranked_views:
        if other is not view and other.robots and not blocking(other):
            return f"{other.name} says index"
    return None


def _site_wide_noindex(page, view) -> bool:
    if not any(p.name == "Yoast SEO" for p in page.seo_plugins):
        return False
    names = {d.name for d in directives(view, "robots")}
    if not names & INDEXING_ONLY:
        return False
    address = page.link.value if page.link else page.canonical.value if page.canonical else None
    url = urls.parse(address) if address else None
    return url is not None and not dev_host_reasons(url)


def _post_setting(page) -> str | None:
    """The post's own "index" setting, when the REST response shows its SEO plugin's meta."""
    data = page.document.data
    meta = data.get("meta") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        return None
    if str(meta.get("_yoast_wpseo_meta-robots-noindex", "")) == "2":
        return "_yoast_wpseo_meta-robots-noindex = 2"
    rank_math = meta.get("rank_math_robots")
    if isinstance(rank_math, list) and "index" in rank_math:
        return "rank_math_robots = index"
    return None
