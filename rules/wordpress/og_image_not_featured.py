"""The og:image is not the post's featured image, or declares another size than the media library.

**What it checks.** On a WordPress object fetched with `?_embed` that has a featured image
(`_embedded['wp:featuredmedia'][0]` with a `source_url`), the first `og:image` of the primary producer
is the featured image or one of its generated sizes (`media_details.sizes[*].source_url`, compared by
URL, else by file name so that a CDN host does not matter), and when it is, the declared
`og:image:width`/`height` equal that size's `width`/`height`. A post without an og:image is
`image/og-missing`'s; an embedded error object is `wordpress/embed-error`'s.

**Why it matters.** Yoast uses the featured image unless a social image is set for the post, and falls
back to the first image of the content when it cannot read the featured one, without dimensions
(Yoast#19692): an og:image that is not the featured image is either a deliberate social image or a
sign that the share will show another picture than the post. Sizes that disagree with the media
library mean stale attachment metadata, which makes Facebook and LinkedIn crop or reject the image.

**Severity.** info: the social image may differ from the featured image on purpose.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 15 (`og-image-matches-featured`) and §1 (`?_embed`,
`_embedded['wp:featuredmedia']`); Yoast#19692.

**Fails:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "featured_media": 35,
 "title": {"rendered": "Post"},
 "yoast_head_json": {"og_image": [{"url": "https://example.com/wp-content/uploads/inline-chart.png",
                                   "width": "", "height": ""}]},
 "_embedded": {"wp:featuredmedia": [{"id": 35, "source_url": "https://example.com/wp-content/uploads/cover.jpg",
  "alt_text": "A cover", "media_details": {"width": 1200, "height": 630, "sizes": {}}}]}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "featured_media": 35,
 "title": {"rendered": "Post"},
 "yoast_head_json": {"og_image": [{"url": "https://example.com/wp-content/uploads/cover.jpg",
                                   "width": 1200, "height": 630}]},
 "_embedded": {"wp:featuredmedia": [{"id": 35, "source_url": "https://example.com/wp-content/uploads/cover.jpg",
  "alt_text": "A cover", "media_details": {"width": 1200, "height": 630, "sizes": {}}}]}}
```
"""

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import embedded, is_error

ID = "wordpress/og-image-not-featured"
SEVERITY = "info"


def check(page, options):
    media = next(((item, where) for item, where in embedded(page, "wp:featuredmedia")
                  if not is_error(item) and isinstance(item.get("source_url"), str)), None)
    view = page.primary
    image = next((i for i in view.og_images if i.url.value), None) if view is not None else None
    if media is None or image is None:
        return
    item, _ = media
    sizes = featured_sizes(item)
    match = _find(image.url.value, sizes)
    if match is None:
        yield Violation(f"og:image {image.url.value!r} is not the featured image (media {item.get('id')}, "
                        f"{item['source_url']!r}) nor one of its {len(sizes)} sizes", image.url.location,
                        value=image.url.value, expected=item["source_url"], view=view.name,
                        fix="If no social image was chosen on purpose, check that the featured image is readable "
                            "(Yoast falls back to a content image otherwise) and re-save the post.")
        return
    name, width, height = match
    declared = (_int(image.width), _int(image.height))
    if None in declared or (width, height) == declared or not width or not height:
        return
    yield Violation(f"og:image declares {declared[0]}×{declared[1]} but the featured image's {name!r} size is "
                    f"{width}×{height} in the media library", (image.width or image.url).location,
                    value=f"{declared[0]}×{declared[1]}", expected=f"{width}×{height}", view=view.name,
                    fix="Regenerate the attachment metadata (wp media regenerate) and rebuild Yoast's indexables so "
                        "the declared size is the file's.")


def featured_sizes(item: dict) -> dict[str, tuple[str, int | None, int | None]]:
    """URL → (size name, width, height) for the original and every generated size."""
    details = item.get("media_details") if isinstance(item.get("media_details"), dict) else {}
    found = {item["source_url"]: ("full", _int(details.get("width")), _int(details.get("height")))}
    sizes = details.get("sizes") if isinstance(details.get("sizes"), dict) else {}
    for name, size in sizes.items():
        if isinstance(size, dict) and isinstance(size.get("source_url"), str):
            found.setdefault(size["source_url"], (name, _int(size.get("width")), _int(size.get("height"))))
    return found


def _find(raw: str, sizes: dict):
    key = _key(raw)
    for url, size in sizes.items():
        if _key(url) == key:
            return size
    name = _file(raw)
    return next((size for url, size in sizes.items() if name and _file(url) == name), None)


def _key(raw: str):
    parsed = urls.parse(raw)
    return (parsed.host.removeprefix("www."), parsed.path) if parsed else raw


def _file(raw: str) -> str:
    return urls.without_fragment(raw).split("?", 1)[0].rsplit("/", 1)[-1]


def _int(value) -> int | None:
    if hasattr(value, "value"):
        value = value.value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value) or None
    return None
