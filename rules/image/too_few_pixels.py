"""The article's main image declares fewer than 50,000 pixels (width × height).

**What it checks.** The primary or article image (the sized ImageObjects behind `primaryImageOfPage`
and an Article's or WebPage's `image`; when the graph has none, the first `og:image`, which is
where Yoast takes the primary image from) declares a width × height of at least `min_pixels`.
Images without both sizes declared are not judged, nor is an og:image that `image/too-small` already reports
(under Facebook's 200×200: one declared size, one finding).

**Why it matters.** Google's Article guidance asks for "high-resolution images (minimum of 50K pixels
when multiplying width and height)" for the image that represents the article in Search, Top stories
and Discover; a smaller image makes the page ineligible for image-rich results.

**Severity.** warning: the page stays indexed and shared, but loses the large image of Top stories and
Discover (a real defect of limited impact; Google requires no image for the Article rich result).

**Options.** `min_pixels` (50000).

**Source.** Google Search Central, "Article structured data" (`image`: minimum of 50K pixels when
multiplying width and height); peer-checks catalogue `article/image-pixels`.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "image": {"@type": "ImageObject", "url": "https://example.com/thumb.jpg", "width": 300, "height": 150}}
</script></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "image": {"@type": "ImageObject", "url": "https://example.com/cover.jpg", "width": 1200, "height": 675}}
</script></head><body></body></html>
```
"""

from seoaudit.derive.images import article_images
from seoaudit.model import Violation
from seoaudit.options import Option

from ._shared import MIN_HEIGHT, MIN_WIDTH

ID = "image/too-few-pixels"
SEVERITY = "warning"
OPTIONS = {"min_pixels": Option(int, 50_000, "The pixels (width × height) an article image must have.",
                             minimum=1)}


def check(page, options):
    minimum = options["min_pixels"]
    for image in article_images(page):
        if image.source.startswith("og:image") and (image.width < MIN_WIDTH or image.height < MIN_HEIGHT):
            continue  # image/too-small's
        if image.pixels < minimum:
            yield Violation(f"{image.source} {image.url} declares {image.size} = {image.pixels:,} pixels, under "
                            f"Google's {minimum:,}", image.where, value=image.pixels, expected=minimum,
                            view=image.view,
                            fix="Use a larger article image (1200 px wide, in 16:9, 4:3 and 1:1 if you can).")
