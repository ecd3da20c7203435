"""A summary_large_image card's declared image is outside X's size limits or far from its 2:1 shape.

**What it checks.** When the primary producer's card is `summary_large_image` and its image
(`twitter:image`, else the `og:image` X falls back to) has a declared size (the og:image's
`og:image:width`/`height`, or `twitter:image:width`/`height` for a twitter-only image): at least
300×157, at most 4096×4096, and a shape X can crop to 2:1 without losing more than `max_crop` of the
image (a third: 4:3 to 3:1 pass, 1200×630 and 3:2 pass, squares and portraits fail). Nothing is
fetched; an image with no declared size is not judged.

**Why it matters.** X rejects a large-card image under 300×157 or over 4096×4096 and shows the card
without it; it crops every large-card image to about 2:1, so a square or portrait image loses half of
itself (faces and text at the top and bottom).

**Severity.** warning when the image is under X's minimum or over its maximum: X shows the card without it or
downsized. info when only the shape is off: X crops it (the shape is advice, as `opengraph/image-aspect-ratio`
gives it for Open Graph).

**Options.** `max_crop` (0.34): the largest share of the image a 2:1 crop may cut off.

**Source.** X "Summary Card with Large Image" ("aspect ratio of 2:1 with minimum dimensions of 300x157
or maximum of 4096x4096", quoted in Yoast/javascript#150); peer-checks catalogue `twitter/large-image`.

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/portrait.jpg">
<meta property="og:image:width" content="800"><meta property="og:image:height" content="1200">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
</head><body></body></html>
```
"""

from seoaudit.derive.cards import card, card_image
from seoaudit.model import MILD, Violation
from seoaudit.options import Option

ID = "twitter/large-image-spec"
SEVERITY = "warning"
SEVERITY_MILD = "info"
OPTIONS = {"max_crop": Option(float, 0.34, "The largest share of the image a 2:1 crop may cut off.",
                           minimum=0, maximum=1)}
MIN, MAX = (300, 157), 4096


def _problems(width: int, height: int, max_crop: float) -> list[str]:
    problems = []
    if width < MIN[0] or height < MIN[1]:
        problems.append(f"under X's minimum {MIN[0]}×{MIN[1]}")
    if width > MAX or height > MAX:
        problems.append(f"over X's maximum {MAX}×{MAX}")
    ratio = width / height
    lost = 1 - ratio / 2 if ratio < 2 else 1 - 2 / ratio
    if lost > max_crop:
        problems.append(f"{ratio:.2f}:1, so X's 2:1 crop cuts off {lost:.0%} of it")
    return problems


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or field.value != "summary_large_image":
        return
    image = card_image(view)
    if image is None or not image.width or not image.height:
        return
    problems = _problems(image.width, image.height, options["max_crop"])
    shape_only = all("crop" in p for p in problems)
    if problems:
        size = f"{image.width}×{image.height}"
        where = image.size_where.location if image.size_where else image.url.location
        yield Violation(f"summary_large_image image {image.url.value} ({image.source}) declares {size}: "
                        + "; ".join(problems), where,
                        value=f"{image.width}×{image.height}", expected="2:1, between 300×157 and 4096×4096",
                        case=MILD if shape_only else None,
                        view=view.name, fix="Use a 2:1 image of about 1200×600 (1200×630 also works) for the card.")
