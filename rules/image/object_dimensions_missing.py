"""A schema.org ImageObject does not declare a positive `width` and `height`.

**What it checks.** Every node typed `ImageObject` in the page's schema graph that has a URL declares
`width` and `height` in pixels. Accepted: an integer (what Yoast writes), a digit string (`"1200"`),
a pixel `Distance` text (`"1200 px"`, `"1200px"`) and a `QuantitativeValue` whose `unitCode` is
`E37` or absent: schema.org types both properties as `Distance` or `QuantitativeValue`, and the
number is what consumers read. Zero, negative, fractional or other units (`"10 cm"`) are missing.
An ImageObject with no URL is left to `image/object-url-missing`.

Not reported: a Person's `image` (the author avatar). Yoast builds it from the Gravatar URL with no
size by design (`#/schema/person/image/`, on every Yoast post), Gravatar serves the size asked for in
`?s=`, and no rich result uses the author picture's size, so a finding there would be pure noise.

**Why it matters.** Google and social consumers choose and crop images by size before fetching them;
Yoast writes `width`/`height` only when the attachment metadata has them, so a missing size means the
image was taken from the content, an external URL or a CDN (Yoast#19692), and size checks
(`image/too-small`, `image/too-few-pixels`) cannot run on it.

**Severity.** info: `width` and `height` are recommended, not required, and Google reads the image itself.

**Options.** None.

**Source.** Yoast developer spec, ImageObject piece (`width`, `height` from the attachment);
schema.org `ImageObject` (`width`/`height`: Distance or QuantitativeValue); peer-checks catalogue
`image/object` (url, contentUrl, width and height).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "image": {"@type": "ImageObject", "url": "https://example.com/cover.jpg"}}
</script></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "author": {"@type": "Person", "name": "Ana",
            "image": {"@type": "ImageObject", "url": "https://secure.gravatar.com/avatar/1?s=96"}},
 "image": {"@type": "ImageObject", "url": "https://example.com/cover.jpg", "width": 1200, "height": 630}}
</script></head><body></body></html>
```
"""

from seoaudit.derive.images import is_avatar, object_url, schema_pixels
from seoaudit.model import Violation

ID = "image/object-dimensions-missing"
SEVERITY = "info"
FIX = ("Declare width and height in pixels on the ImageObject; in WordPress, use an uploaded image (its "
       "attachment metadata gives Yoast the size) rather than an external or content image.")


def _problem(node, name: str) -> str | None:
    if schema_pixels(node.get(name)) is not None:
        return None
    if name not in node.data:
        return f"{name} missing"
    return f"{name} {node.get(name)!r} is not a pixel size"


def check(page, options):
    view = page.schema_view
    if view is None:
        return
    graph = page.graph
    for node in graph.of_type("ImageObject"):
        url = object_url(node)
        if url is None or is_avatar(graph, node):
            continue
        problems = [p for p in (_problem(node, "width"), _problem(node, "height")) if p]
        if not problems:
            continue
        present_bad = [k for k in ("width", "height") if k in node.data and schema_pixels(node.get(k)) is None]
        where = node.location.child(present_bad[0]) if present_bad else node.location
        yield Violation(f"ImageObject {node.id or url} has no usable size: {', '.join(problems)}", where,
                        value={"width": node.get("width"), "height": node.get("height")},
                        expected="positive width and height in pixels", view=view.name, fix=FIX)
