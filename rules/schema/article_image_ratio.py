"""None of the article's images has an aspect ratio Google recommends (16:9, 4:3 or 1:1).

**What it checks.** On articles (a WordPress post, or a page whose graph has an Article-type node), the
declared sizes of the structured-data images that stand for the article (the ImageObjects behind
`primaryImageOfPage` and the Article's or WebPage's `image`; `og:image` is not judged, since 1200×630 is
the Open Graph norm): at least one of them has a width-to-height ratio within `tolerance` of 16:9, 4:3
or 1:1. Images without a declared size are not judged (nothing is fetched).

**Why it matters.** Google crops article images to 16:9, 4:3 and 1:1 for Search, Top stories and
Discover, and recommends providing images in those ratios "for best results"; an image in another
ratio (a 3:2 photo, a tall portrait) is cropped by Google, often cutting off faces or text. Worth
knowing, not an error: many sites offer one image only.

**Severity.** info: Google crops the image to its ratios; advice.

**Options.** `tolerance` (0.03: the ratio may differ by 3 %).

**Source.** Google Search Central, "Article structured data" ("multiple high-resolution images …
with the following aspect ratios: 16x9, 4x3, and 1x1"); peer-checks.md §7 row 80
(`article/image-ratios`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "https://example.com/post/",
   "primaryImageOfPage": {"@id": "https://example.com/post/#primaryimage"}},
  {"@type": "ImageObject", "@id": "https://example.com/post/#primaryimage",
   "url": "https://example.com/photo.jpg", "width": 786, "height": 524}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "@id": "https://example.com/post/",
   "primaryImageOfPage": {"@id": "https://example.com/post/#primaryimage"}},
  {"@type": "ImageObject", "@id": "https://example.com/post/#primaryimage",
   "url": "https://example.com/photo.jpg", "width": 1200, "height": 675}]}}}
```
"""

from seoaudit.derive.images import object_declared, primary_objects
from seoaudit.model import Violation
from seoaudit.options import Option

from ._types import articles

ID = "schema/article-image-ratio"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
OPTIONS = {"tolerance": Option(float, 0.03, "The relative difference allowed from 16:9, 4:3 or 1:1 (0.03: 3 %).",
                            minimum=0, maximum=1)}
RATIOS = {"16:9": 16 / 9, "4:3": 4 / 3, "1:1": 1.0}


def matching_ratio(width: int, height: int, tolerance: float) -> str | None:
    ratio = width / height
    return next((name for name, target in RATIOS.items() if abs(ratio - target) / target <= tolerance), None)


def is_article_page(page, graph) -> bool:
    """A WordPress post, or a page whose graph has an Article-type node (pages, terms, shops are not)."""
    if page.post is not None:
        return page.post.type == "post"
    return bool(articles(graph))


def check(page, options, graph):
    if not is_article_page(page, graph):
        return
    tolerance = options["tolerance"]
    images = [d for node in primary_objects(graph)
              if (d := object_declared(node, page.schema_view)) is not None and d.width and d.height]
    if not images or any(matching_ratio(d.width, d.height, tolerance) for d in images):
        return
    first = images[0]
    shown = ", ".join(f"{d.size} ({d.width / d.height:.2f}:1)" for d in images)
    yield Violation(f"no article image in 16:9, 4:3 or 1:1: {shown} ({first.source})", first.where,
                    value=[d.size for d in images], expected="one image in 16:9, 4:3 or 1:1", view=first.view,
                    fix="Offer the featured image in a Google ratio (e.g. 1200×675 for 16:9), or add cropped "
                        "variants to the Article's image list.")
