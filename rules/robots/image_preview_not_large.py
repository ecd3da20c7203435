"""A page with an image limits Google's image preview to none or standard.

**What it checks.** On a published, indexable page that declares an image (a non-empty `og:image`, or a
primary / article ImageObject in its schema), the most restrictive `max-image-preview` of the primary
producer's `robots` and `googlebot` metas is `large`. A value of `none` or `standard` fails. A page
with no `max-image-preview` at all is not judged (Google then uses a default size).

**Why it matters.** Google Discover shows large image cards only for pages that allow them with
`max-image-preview:large` (or AMP); with `standard` or `none` the page gets a small thumbnail or no
image in Discover and in search. Yoast outputs `max-image-preview:large` by default, so another value
usually comes from a theme or another plugin.

**Severity.** info: a site may limit previews on purpose (licensed images); advice that Discover and image
results then show a small preview, while the page is still indexed.

**Options.** None.

**Source.** Google Search Central, "Google Discover" ("Enabled by the `max-image-preview:large`
setting, or by using AMP") and "Robots meta tag" (`max-image-preview: [none|standard|large]`).

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-image-preview:standard">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-image-preview:large">
<meta property="og:image" content="https://example.com/wp-content/uploads/cover.jpg"></head></html>
```
"""

from seoaudit.derive.images import main_images
from seoaudit.model import Violation

from ._shared import GOOGLE_BOTS, directives, image_preview, indexable_primary

ID = "robots/image-preview-not-large"
SEVERITY = "info"


def check(page, options):
    view = indexable_primary(page)
    if view is None:
        return
    found = [d for bot in GOOGLE_BOTS for d in directives(view, bot)]
    preview = image_preview(found)
    if preview is None or preview == "large":
        return
    images = main_images(page)
    if not images:
        return
    rule = next(d for d in found if d.name == "max-image-preview" and (d.value or "").lower() == preview)
    yield Violation(f"{rule.bot} says max-image-preview:{preview} although the page has an image ({images[0].url})",
                    rule.field.location, value=f"max-image-preview:{preview}", expected="max-image-preview:large",
                    view=view.name, fix="Allow large previews: max-image-preview:large (Yoast's default).")
