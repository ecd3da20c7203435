"""An X card shows an image with no twitter:image:alt.

**What it checks.** When the primary producer declares a `summary`, `summary_large_image` or `player`
card that has an image (`twitter:image`, or its fallback `og:image`), a non-empty `twitter:image:alt`
is present. X's markup reference gives `twitter:image:alt` no Open Graph fallback ("n/a"), so an
`og:image:alt` does not count; the message mentions it when there is one, as the text to copy. An og:image
with no alt text at all is one finding, `opengraph/image-alt-missing`'s, which names both missing attributes.

**Why it matters.** X passes `twitter:image:alt` to screen readers as the card image's description;
without it the image is announced as "image". Yoast prints no `twitter:image:alt`.

**Severity.** info: accessibility advice; the card renders the same.

**Options.** None.

**Source.** X "Cards markup" (`twitter:image:alt`, "A text description of the image conveying the
essential nature of an image to users who are visually impaired. Maximum 420 characters"; no Open
Graph fallback); structured-data-testing-tool Twitter preset.

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
<meta property="og:image:alt" content="A red bicycle against a white wall"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
<meta name="twitter:image:alt" content="A red bicycle against a white wall"></head></html>
```
"""

from seoaudit.derive.cards import card, card_image
from seoaudit.derive.images import url_key, usable_og_images
from seoaudit.derive.og import prop
from seoaudit.model import Violation

ID = "twitter/image-alt-missing"
SEVERITY = "info"


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or field.value not in ("summary", "summary_large_image", "player"):
        return
    image = card_image(view)
    if image is None or prop(view, "twitter:image:alt") is not None or not view.states("twitter:image:alt"):
        return
    og_alt = prop(view, "og:image:alt")
    if og_alt is None and _is_og_image(view, image.url.value):
        return  # one image with no alt at all: opengraph/image-alt-missing reports it for both networks
    hint = f"; og:image:alt {og_alt.value!r} is not read by X" if og_alt is not None else ""
    yield Violation(f"X card image {image.url.value} ({image.source}) has no twitter:image:alt in {view.name}{hint}",
                    image.url.location, expected="a description of the image, at most 420 characters",
                    view=view.name, fix="Add <meta name=\"twitter:image:alt\" content=\"…\"> (the image's alt text).")


def _is_og_image(view, url: str) -> bool:
    return any(url_key(image.url.value) == url_key(url) for image in usable_og_images(view))
