"""The X card's image is an SVG, which X does not display.

**What it checks.** When the primary producer declares a `summary`, `summary_large_image` or `player`
card, its image (`twitter:image`, else the `og:image` X falls back to) is not an SVG: neither a URL
ending in `.svg` / `.svgz` nor an `og:image:type` of `image/svg+xml`. Nothing is fetched.

**Why it matters.** X supports JPG, PNG, WEBP and GIF only: "SVG is not supported", and the card is
shown without an image. Facebook and LinkedIn reject SVG share images too (dwarves-kit#704); sites
that use their SVG logo as the default social image hit this.

**Severity.** warning: X shows the card without its image when the file really is that format (the URL says
so; live mode reads the bytes).

**Options.** None.

**Source.** X "Cards markup" (`twitter:image`: "JPG, PNG, WEBP and GIF formats are supported … SVG is
not supported"); peer-checks catalogue `og/image-bytes-format` (dwarves-kit#704).

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/logo.svg"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.png"></head></html>
```
"""

from seoaudit.derive.cards import card, card_image
from seoaudit.derive.og import is_svg
from seoaudit.model import Violation

ID = "twitter/image-unsupported-format"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or field.value not in ("summary", "summary_large_image", "player"):
        return
    image = card_image(view)
    if image is not None and is_svg(image.url.value, image.type):
        yield Violation(f"X card image {image.url.value} ({image.source}) is an SVG, which X does not show",
                        image.url.location, value=image.url.value, expected="a JPG, PNG, WEBP or GIF image",
                        view=view.name, fix="Use a PNG or JPG rendering of the image (1200×630) as the social image.")
