"""The image's declared width and height are not its real pixel size.

**What it checks.** In live mode, every og:image and primary schema ImageObject that declares a width
and height is fetched far enough to read its header (a Range request): the declared size must be the
real pixel size. Images without a declared size are `image/og-dimensions-missing`'s.

**Why it matters.** Facebook and LinkedIn use `og:image:width`/`height` to lay out the card before the
image arrives, and Google reads schema `width`/`height` to decide if an image is large enough for rich
results: a wrong size gives a cropped or rejected preview. It happens when a theme prints the sizes of
the original upload while serving a resized or CDN-transformed file.

**Severity.** warning: previews may be cropped or laid out wrong before the image arrives.

**Options.** None.

**Source.** ogp.me ("og:image:width – the number of pixels wide"); Facebook Sharing Debugger
("Provided og:image properties are not valid"); Yoast#19692.

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/wp-json/wp/v2/posts/7", "status": 200,
   "images": {"https://example.com/cover.png": {"status": 206, "format": "png", "width": 600, "height": 315}}},
 "json": {"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
          "yoast_head_json": {"og_image": [{"url": "https://example.com/cover.png", "width": 1200, "height": 630}]}}}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/wp-json/wp/v2/posts/7", "status": 200,
   "images": {"https://example.com/cover.png": {"status": 206, "format": "png", "width": 1200, "height": 630}}},
 "json": {"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
          "yoast_head_json": {"og_image": [{"url": "https://example.com/cover.png", "width": 1200, "height": 630}]}}}
```
"""

from seoaudit.derive.images import distinct, main_images
from seoaudit.model import Violation

ID = "image/declared-size-wrong"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)


def check(page, options, wire):
    if not wire.images:
        return
    for declared in distinct(main_images(page)):
        probe = wire.images.get(declared.url)
        if probe is None or not probe.width or not probe.height or not (declared.width or declared.height):
            continue
        wrong_width = declared.width is not None and declared.width != probe.width
        wrong_height = declared.height is not None and declared.height != probe.height
        if wrong_width or wrong_height:
            yield Violation(f"{declared.source} {declared.url} declares {declared.size} but is "
                            f"{probe.width}×{probe.height} pixels", declared.where, value=declared.size,
                            expected=f"{probe.width}×{probe.height}", view=declared.view,
                            fix="Declare the real size of the file that is served (or serve the size declared).")
