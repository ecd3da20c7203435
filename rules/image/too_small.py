"""A declared og:image is below Facebook's 200×200 minimum.

**What it checks.** The declared size of every `og:image` of the primary producer: a declared width under
`min_width` or a declared height under `min_height` fails. Only declared sizes are read offline ("declares
150×150"); in live mode, where the image's header was read, its real size is judged instead ("is 150×150").
An image with no declared size is `image/og-dimensions-missing`'s business. Schema ImageObjects are not judged
here: Facebook's minimum is for share images, and Google's article-image minimum is `image/too-few-pixels`'s.

**Why it matters.** Facebook rejects an image under 200×200 ("minimum allowed image dimension is
200 x 200") and shows the link with no image or with another image from the page; below 600×315 it
is shown as a small thumbnail. A tiny declared size is usually a thumbnail rendition or the site icon
chosen by mistake.

**Severity.** error: the share preview loses its image (Facebook refuses it), never an editor's choice.

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

from seoaudit.derive.images import og_declared
from seoaudit.model import Violation
from seoaudit.options import Option
from seoaudit.wire import wire_of

from ._shared import MIN_HEIGHT, MIN_WIDTH

ID = "image/too-small"
SEVERITY = "error"
OPTIONS = {"min_width": Option(int, MIN_WIDTH, "The width in pixels a shared image must reach.", minimum=1),
           "min_height": Option(int, MIN_HEIGHT, "The height in pixels a shared image must reach.", minimum=1)}


def check(page, options):
    view = page.primary
    if view is None:
        return
    for image, size, verb in measured(page, view):
        width, height = size
        narrow = width is not None and width < options["min_width"]
        short = height is not None and height < options["min_height"]
        if not (narrow or short):
            continue
        where = image.height_where if short and not narrow and image.height_where else image.where
        shown = f"{width or '?'}×{height or '?'}"
        yield Violation(f"{image.source} {image.url} {verb} {shown}, under the {options['min_width']}×"
                        f"{options['min_height']} minimum", where, value=shown,
                        expected=f"at least {options['min_width']}×{options['min_height']}", view=image.view,
                        fix="Use an image of at least 1200×630 (Facebook's recommended size), not a thumbnail "
                            "or the site icon.")


def measured(page, view):
    """(declared og:image, (width, height), verb): the real size when live mode read it, else the declared one."""
    wire = wire_of(page)
    probes = wire.images if wire is not None else {}
    for image in og_declared(view):
        probe = probes.get(image.url)
        if probe is not None and probe.width and probe.height:
            yield image, (probe.width, probe.height), "is"
        else:
            yield image, (image.width, image.height), "declares"
