"""The first og:image is declared far from the 1.91:1 shape Facebook and LinkedIn crop to.

**What it checks.** The first non-empty `og:image` of the primary producer (the one platforms use)
with a declared `og:image:width` and `og:image:height`: its width / height ratio is within `tolerance`
(10 %) of 1.91. 1200×630 (1.90) and 16:9 (1.78) pass; 3:2 (1.5), 4:3, square and portrait images
fail. Images with no declared size are not judged (`image/og-dimensions-missing`).

**Why it matters.** Link previews are drawn at about 1.91:1; other shapes are cropped (heads and text
cut off at the top and bottom) or letterboxed, and a square image may be shown as a small thumbnail
instead of a large card.

**Severity.** info: previews crop the image; advice.

**Options.** `tolerance` (0.1): the allowed relative difference from 1.91.

**Source.** Facebook "Images in Link Shares" ("as close to 1.91:1 as possible"); peer-checks catalogue
`og/image-aspect`.

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/square.jpg">
<meta property="og:image:width" content="1080"><meta property="og:image:height" content="1080">
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

ID = "opengraph/image-aspect-ratio"
SEVERITY = "info"
OPTIONS = {"tolerance": Option(float, 0.1, "The relative difference allowed from 1.91:1.", minimum=0)}
IDEAL = 1.91


def check(page, options):
    view = page.primary
    if view is None:
        return
    declared = og_declared(view)
    if not declared or not declared[0].pixels:
        return
    image = declared[0]
    ratio = image.width / image.height
    if abs(ratio - IDEAL) / IDEAL <= options["tolerance"]:
        return
    yield Violation(f"og:image {image.url} declares {image.size} ({ratio:.2f}:1), not close to 1.91:1: previews "
                    "crop it",
                    image.where, value=round(ratio, 2), expected=IDEAL, view=view.name,
                    fix="Use a 1.91:1 share image, e.g. 1200×630 (Yoast/SEO plugins: set a social image).")
