"""A declared og:image or primary image is below Facebook's 200×200 minimum.

**What it checks.** The declared size of every `og:image` of the primary producer and of every
primary or article ImageObject (`primaryImageOfPage`, and the `image` of an Article or WebPage node):
a declared width under `min_width` or a declared height under `min_height` fails. Only declared sizes
are read (nothing is fetched); an image with no declared size is `image/og-dimensions-missing`'s or
`image/object-dimensions-missing`'s business. An og:image and the ImageObject of the same URL and
size are reported once.

**Why it matters.** Facebook rejects an image under 200×200 ("minimum allowed image dimension is
200 x 200") and shows the link with no image or with another image from the page; below 600×315 it
is shown as a small thumbnail. A tiny declared size is usually a thumbnail rendition or the site icon
chosen by mistake.

**Options.** `min_width` (200) and `min_height` (200), in pixels.

**Source.** Facebook "Images in Link Shares" (minimum 200×200); peer-checks catalogue
`og/image-min-size`.

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/icon-150x150.png">
<meta property="og:image:width" content="150"><meta property="og:image:height" content="150">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import distinct, main_images

ID = "image/too-small"
SEVERITY = "error"
OPTIONS = {"min_width": 200, "min_height": 200}


def check(page, options):
    min_width, min_height = options["min_width"], options["min_height"]
    for image in distinct(main_images(page)):
        narrow = image.width is not None and image.width < min_width
        short = image.height is not None and image.height < min_height
        if not (narrow or short):
            continue
        where = image.height_where if short and not narrow and image.height_where else image.where
        yield Violation(f"{image.source} {image.url} is {image.size}, under the {min_width}×{min_height} "
                        "minimum", where, value=image.size, expected=f"at least {min_width}×{min_height}",
                        view=image.view,
                        fix="Use an image of at least 1200×630 (Facebook's recommended size), not a thumbnail "
                            "or the site icon.")
