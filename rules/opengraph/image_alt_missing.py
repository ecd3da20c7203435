"""An og:image has no og:image:alt text.

**What it checks.** Every non-empty `og:image` of the primary producer is followed by a non-empty
`og:image:alt` (in plugin JSON, an `alt` in the `og_image` entry). One finding per image URL. Yoast
does not output `og:image:alt`, so every Yoast page with an image is reported: the fix there is a
filter or a plugin that adds it.

**Why it matters.** Platforms that render the shared image pass `og:image:alt` to screen readers;
without it the preview image is announced as "image" or skipped.

**Severity.** info: accessibility advice; the preview renders the same.

**Options.** None.

**Source.** ogp.me ("If the page specifies an og:image it should specify og:image:alt");
structured-data-testing-tool Facebook preset (fail).

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg">
<meta property="og:image:alt" content="A red bicycle against a white wall">
</head><body></body></html>
```
"""

from seoaudit.derive.cards import card_image
from seoaudit.derive.images import image_location, url_key, usable_og_images
from seoaudit.derive.og import prop
from seoaudit.model import Violation

ID = "opengraph/image-alt-missing"
SEVERITY = "info"


def check(page, options):
    view = page.primary
    if view is None or not view.states("og:image:alt"):
        return
    images = usable_og_images(view)
    described = {url_key(i.url.value) for i in images if i.alt is not None and i.alt.value}
    seen = set()
    for image in images:
        key = url_key(image.url.value)
        if key in described or key in seen:
            continue
        seen.add(key)
        state = "empty" if image.alt is not None else "missing"
        x_card = (", nor twitter:image:alt for the X card that shows it"
                  if prop(view, "twitter:image:alt") is None and _x_card_shows(view, key) else "")
        yield Violation(f"og:image {image.url.value} has no og:image:alt ({state}) in {view.name}{x_card}",
                        image.alt.location if image.alt is not None else image_location(view, image),
                        value=image.alt.value if image.alt is not None else None,
                        expected="a short description of the image", view=view.name,
                        fix="Add <meta property=\"og:image:alt\" content=\"…\"> after the og:image (in WordPress, "
                            "from the image's alt text).")


def _x_card_shows(view, key) -> bool:
    image = card_image(view)
    return image is not None and url_key(image.url.value) == key
