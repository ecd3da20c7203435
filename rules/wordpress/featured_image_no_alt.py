"""The post's featured image has no alternative text in the media library.

**What it checks.** On a WordPress object fetched with `?_embed`, the embedded featured image
(`_embedded['wp:featuredmedia'][0]`) has a non-empty `alt_text`.

**Why it matters.** The theme prints the featured image with this alt text, and SEO plugins and
front ends use it for `og:image:alt` and `twitter:image:alt`. Without it, screen readers and image
search get nothing, and the share image has no description (ogp.me: "if the page specifies an
og:image it should specify og:image:alt").

**Severity.** info: accessibility advice for the featured image.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 15 ("`alt_text` is not empty"); ogp.me (`og:image:alt`);
Lighthouse `image-alt`.

**Fails:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "featured_media": 35,
 "title": {"rendered": "Post"},
 "_embedded": {"wp:featuredmedia": [{"id": 35, "source_url": "https://example.com/wp-content/uploads/cover.jpg",
  "alt_text": ""}]}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "featured_media": 35,
 "title": {"rendered": "Post"},
 "_embedded": {"wp:featuredmedia": [{"id": 35, "source_url": "https://example.com/wp-content/uploads/cover.jpg",
  "alt_text": "A cyclist on a mountain pass at dawn"}]}}
```
"""

from seoaudit.model import Violation

from ._shared import embedded, is_error

ID = "wordpress/featured-image-no-alt"
SEVERITY = "info"


def check(page, options):
    for item, where in embedded(page, "wp:featuredmedia")[:1]:
        if is_error(item) or not isinstance(item.get("source_url"), str):
            continue
        alt = item.get("alt_text")
        if isinstance(alt, str) and alt.strip():
            continue
        yield Violation(f"the featured image (media {item.get('id')}, {item['source_url']!r}) has no alt text",
                        where.child("alt_text") if "alt_text" in item else where, value=alt,
                        expected="a short description of the image",
                        fix="Describe the image in Media Library > the image > Alternative Text.")
