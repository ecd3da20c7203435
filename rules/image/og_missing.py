"""The page declares no og:image, or only an empty one.

**What it checks.** The primary producer (the HTML head, else `yoast_head_json`, `aioseo_head_json` or
`yoast_head`) has at least one `og:image` whose URL is not empty. Every HTML page and every WordPress
object with SEO plugin output is checked, drafts and noindex pages included (the share image does not
change on publish, and noindex pages are still shared). WordPress objects with no SEO output at all
(no `yoast_head`, no `yoast_head_json`) are not checked: there is no producer to blame, nor is an HTML
fragment (`input/fragment`). When og:title, og:type or og:url is missing too, the page lacks Open Graph
rather than an image: `opengraph/required-missing` then reports every missing property, og:image included,
in one finding.

**Why it matters.** `og:image` is one of the four properties ogp.me requires on every page. Without it
Facebook, LinkedIn, Slack and X (which falls back to `og:image`) show a bare text link or pick any image
of the page. Yoast outputs no `og_image` when the post has no featured image, no content image and no
default image set (Yoast#11473, #12087).

The message says when the page's X card (`summary_large_image`, which falls back to `og:image`) has no image
either (this rule replaces `twitter/field-missing` there).

**Severity.** warning: the preview still shows, without its image (or with one the network picks). info on a
draft, pending or scheduled post, where the featured image is often set last.

**Options.** None.

**Source.** ogp.me "The four required properties for every page are: og:title, og:type, og:image,
og:url"; structured-data-testing-tool Facebook preset (fail); squirrelscan `core/og-tags` (warn).

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"title": "Hello", "og_type": "article", "og_title": "Hello",
                     "og_url": "https://example.com/hello/"}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"title": "Hello", "og_type": "article", "og_title": "Hello",
                     "og_url": "https://example.com/hello/",
                     "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg",
                                   "width": 1200, "height": 630, "type": "image/jpeg"}]}}
```
"""

from seoaudit.derive.og import prop
from seoaudit.model import MILD, Violation

ID = "image/og-missing"
SEVERITY = "warning"
SEVERITY_MILD = "info"
OTHER_REQUIRED = ("og:title", "og:type", "og:url")  # opengraph/required-missing's: it reports the lot
FIX = ("Set a featured image (or the SEO plugin's social image / site-wide default image) so that an "
       "absolute og:image of at least 1200×630 is output.")


def check(page, options):
    view = page.primary
    if (view is None or page.is_fragment or any(image.url.value for image in view.og_images)
            or not view.states("og:image")):
        return
    if any(prop(view, key) is None for key in OTHER_REQUIRED):
        return  # no Open Graph to speak of: one finding, opengraph/required-missing's
    case = MILD if page.is_placeholder else None
    on_x = x_card_without_image(view)
    if view.og_images:
        empty = view.og_images[0].url
        yield Violation(f"og:image is empty in {view.name}{on_x}", empty.location, value="", view=view.name,
                        expected="an absolute image URL", fix=FIX, case=case)
    else:
        yield Violation(f"no og:image in {view.name}{on_x}", view.location, view=view.name,
                        expected="an absolute image URL", fix=FIX, case=case)


def x_card_without_image(view) -> str:
    """What the missing image costs on X: a large-image card with no twitter:image falls back to og:image."""
    cards = [f.value for f in view.meta.get("twitter:card", ()) if f.value]
    if cards and cards[-1] in ("summary_large_image", "player") and prop(view, "twitter:image") is None:
        return f", so the {cards[-1]} X card has no image either and shows as a plain link"
    return ""
