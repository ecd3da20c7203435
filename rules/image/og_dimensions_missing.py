"""An og:image does not declare og:image:width and og:image:height as positive integers.

**What it checks.** Every non-empty `og:image` of the primary producer is followed by `og:image:width`
and `og:image:height` (in `yoast_head_json`: `og_image[i].width` / `.height`) whose values are positive
integers. Yoast writes `""` when it does not know a size (an image taken from the content or an external
URL, a Gravatar on an author archive): that counts as missing. One finding per image URL, naming which
of width and height is wrong; a duplicate `og:image` of the same URL that does declare the size (a
theme and a plugin both printing the tag) is enough.

**Why it matters.** Facebook fetches an image asynchronously the first time a URL is shared, so the
first shares show no image unless width and height are declared ("render the image immediately").
LinkedIn needs them too (Yoast#6742). Yoast leaves them empty when it falls back to a content image
(Yoast#19692, "known behaviour"); headless front ends then print `og:image:width=""`.

**Severity.** info: the declared size is optional (ogp.me); consumers fetch the image and lay out the card
a moment later. Advice that makes previews render at once.

**Options.** None.

**Source.** Facebook "Images in Link Shares" (`og:image:width/height` let the crawler render the
image immediately); ogp.me (`og:image:width`, `og:image:height` are integers); squirrelscan
`social/og-image-size` (warn when no dimensions are given).

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"og_url": "https://example.com/hello/",
                     "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg",
                                   "width": "", "height": "", "type": ""}]}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"og_url": "https://example.com/hello/",
                     "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg",
                                   "width": 1200, "height": 630, "type": "image/jpeg"}]}}
```
"""

from seoaudit.derive.images import image_location, object_declared, og_pixels, url_key, usable_og_images
from seoaudit.model import Violation

ID = "image/og-dimensions-missing"
SEVERITY = "info"
FIX = ("Declare the real pixel size after the og:image (og:image:width / og:image:height, or width/height "
       "in the plugin's image data); in WordPress, use an uploaded image so its size is known.")


def _problem(name: str, field) -> str | None:
    if og_pixels(field) is not None:
        return None
    if field is None:
        return f"og:image:{name} missing"
    if field.value == "":
        return f"og:image:{name} empty (\"\")"
    return f"og:image:{name} {field.value!r} is not a positive integer"


def _schema_sizes(page) -> dict:
    """Sizes the page's schema declares per image URL: the value to copy into the og tags."""
    sizes = {}
    if page.schema_view is not None:
        for node in page.graph.of_type("ImageObject"):
            declared = object_declared(node, page.schema_view)
            if declared is not None and declared.width and declared.height:
                sizes.setdefault(url_key(declared.url), declared.size)
    return sizes


def check(page, options):
    view = page.primary
    if view is None or not view.states("og:image:width"):
        return
    images = usable_og_images(view)
    sized = {url_key(i.url.value) for i in images if og_pixels(i.width) and og_pixels(i.height)}
    reported, schema_sizes = set(), _schema_sizes(page)
    for image in images:
        key = url_key(image.url.value)
        if key in sized or key in reported:
            continue
        reported.add(key)
        problems = [p for p in (_problem("width", image.width), _problem("height", image.height)) if p]
        # Point at the offending field when it exists (Yoast's "" width), else at the og:image itself.
        bad_fields = [f for f in (image.width, image.height) if f is not None and og_pixels(f) is None]
        where = bad_fields[0].location if bad_fields else image_location(view, image)
        known = schema_sizes.get(key)
        hint = f" (its schema ImageObject declares {known})" if known else ""
        yield Violation(f"og:image {image.url.value} has no usable size: {', '.join(problems)}{hint}", where,
                        value={"width": image.width.value if image.width else None,
                               "height": image.height.value if image.height else None},
                        expected=known or "positive integer width and height in pixels", view=view.name,
                        fix=FIX)
