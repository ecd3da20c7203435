"""An X card has no title, or a large-image or player card has no image, even after the og:* fallback.

**What it checks.** When the primary producer declares a `twitter:card` of type `summary`,
`summary_large_image` or `player`, the card has a title (`twitter:title`, else X's fallback
`og:title`); a `summary_large_image` or `player` card also has an image (`twitter:image`, else
`og:image`). A twitter field that is absent while its Open Graph fallback exists is never reported:
Yoast leaves `twitter_title`, `twitter_description` and `twitter_image` out on purpose in that case.
`twitter:description` is optional for X and not required here. `app` cards are not checked.

**Why it matters.** X does not draw a card without a title, and a large-image card without an image
is shown as a plain link (squirrelscan flags `summary_large_image` with no image). The missing Open
Graph value is reported by `opengraph/required-missing` / `image/og-missing` too; this finding says
what it costs on X, and that a page with no image should declare a `summary` card. Yoast declares
`summary_large_image` on every page, with or without an image.

**Options.** None.

**Source.** X "Cards markup" (the Open Graph fallback column: `og:title`, `og:description`,
`og:image`); structured-data-testing-tool Twitter preset (which fails without looking at the fallback);
squirrelscan `core/twitter-cards`; wordpress-ecosystem catalogue check 31 (`twitter-fallback-aware`).

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:title" content="Post"></head><body></body></html>
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"og_title": "Hello", "og_description": "What it is about.",
   "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg", "width": 1200, "height": 630}],
   "twitter_card": "summary_large_image"}}
```
"""

from seoaudit.model import Violation

from ._shared import card, effective

ID = "twitter/field-missing"
SEVERITY = "warning"
NEEDS = {"summary": ("twitter:title",), "summary_large_image": ("twitter:title", "twitter:image"),
         "player": ("twitter:title", "twitter:image")}


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or field.value not in NEEDS:
        return
    missing = [key for key in NEEDS[field.value] if effective(view, key) is None and view.states(key)
               and view.states(key.replace("twitter:", "og:"))]
    if missing:
        words = " and ".join(f"{key} (nor {key.replace('twitter:', 'og:')})" for key in missing)
        fix = "Output og:title (X falls back to it)." if missing == ["twitter:title"] else (
            "Give the page an image (og:image, which X falls back to), or declare twitter:card summary on pages "
            "that have none.")
        yield Violation(f"{field.value} card in {view.name} has no {words}", field.location, value=missing,
                        expected=[f"{key} or {key.replace('twitter:', 'og:')}" for key in missing], view=view.name,
                        fix=fix)
