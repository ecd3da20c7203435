"""The page asks for large image previews, but its widest declared image is under 1200 px.

**What it checks.** When the robots meta of the primary producer contains `max-image-preview:large`
(Yoast's default) and the page is indexable, the widest declared image among its `og:image`s and
primary/article ImageObjects is at least `min_width` pixels wide. Pages whose images declare no width
are not judged (see `image/og-dimensions-missing`).

**Why it matters.** Google Discover shows the large card only for images "at least 1200 px wide"
that are enabled by `max-image-preview:large`; a narrower image gets the small thumbnail, which
Google reports gets fewer clicks. The robots setting says the site wants large previews; the image
cannot deliver one.

**Severity.** warning: the page asks for large previews it cannot get (Discover shows a small thumbnail);
nothing is broken.

**Options.** `min_width` (1200), in pixels.

**Source.** Google Search Central, "Google Discover" (images at least 1200 px wide, enabled by
`max-image-preview:large`); peer-checks catalogue `article/discover-image`.

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"robots": {"index": "index", "follow": "follow",
                                "max-image-preview": "max-image-preview:large"},
   "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg", "width": 786, "height": 524}]}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"robots": {"index": "index", "follow": "follow",
                                "max-image-preview": "max-image-preview:large"},
   "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg", "width": 1200, "height": 630}]}}
```
"""

from seoaudit.derive.images import main_images
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "image/preview-too-narrow"
SEVERITY = "warning"
OPTIONS = {"min_width": Option(int, 1200, "The width in pixels the widest preview image must reach.",
                            minimum=1)}


def check(page, options):
    view = page.primary
    if view is None or not page.is_indexable:
        return
    directives = set(view.robots_directives("robots")) | set(view.robots_directives("googlebot"))
    if "max-image-preview:large" not in directives:
        return
    sized = [image for image in main_images(page) if image.width]
    if not sized:
        return
    widest = max(sized, key=lambda image: image.width)
    if widest.width < options["min_width"]:
        yield Violation(f"max-image-preview:large, but the widest declared image is {widest.width} px wide "
                        f"({widest.source} {widest.url}, {widest.size})", widest.where, value=widest.width,
                        expected=options["min_width"], view=widest.view,
                        fix=f"Use a featured / social image at least {options['min_width']} px wide (1200×675, "
                            "16:9, suits Discover and social cards).")
