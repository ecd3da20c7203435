"""What the image rules share: reading declared sizes, finding the page's main images, and where
each declaration sits. Declared sizes only: nothing here fetches an image.

Sizes are read two ways on purpose:
- `og:image:width` / `og:image:height` are ogp.me `integer`s, so only a string of digits counts
  (Yoast's `""` for "unknown" is missing, `"1200px"` is not an integer);
- schema.org `width` / `height` are `Distance` or `QuantitativeValue`, so an int, a digit string,
  `"1200 px"` / `"1200px"` and `{"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"}`
  all count as declared pixels (Yoast writes ints; other generators write `"1600px"`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seoaudit import urls
from seoaudit.extract.view import Field, OgImage, View
from seoaudit.graph import Graph, Node
from seoaudit.model import Location

from .schema_types import WEBPAGE, is_article

_PIXELS = re.compile(r"^\s*(\d+)\s*(?:px\s*)?$", re.IGNORECASE)  # not \s*(?:px)?\s*: quadratic on spaces
_PIXEL_UNITS = (None, "", "E37", "px", "PX")  # UN/CEFACT E37 = pixel


def og_pixels(field: Field | None) -> int | None:
    """A positive `og:image:width`/`height`, or None when absent, empty, zero or not an integer."""
    if field is None or not field.value.isdecimal():  # not isdigit(): int() refuses "²"
        return None
    number = int(field.value)
    return number if number > 0 else None


def schema_pixels(value) -> int | None:
    """A positive schema.org `width`/`height` in pixels, or None when absent or unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float):
        return int(value) if value > 0 and value.is_integer() else None
    if isinstance(value, str):
        match = _PIXELS.match(value)
        return schema_pixels(int(match.group(1))) if match else None
    if isinstance(value, dict) and value.get("unitCode") in _PIXEL_UNITS:
        return schema_pixels(value.get("value"))
    return None


def object_url(node: Node) -> str | None:
    """The first non-empty `contentUrl` or `url` of an ImageObject (either may be a list)."""
    for key in ("contentUrl", "url"):
        values = node.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def url_key(raw: str):
    """What makes two image URLs the same file: the parsed key, else the raw text."""
    parsed = urls.parse(raw)
    return parsed.key if parsed is not None else raw.strip()


def image_location(view: View, image: OgImage) -> Location:
    """The og:image itself: the `og_image[i]` object in plugin JSON, the `<meta>` line in HTML."""
    where = image.url.location
    if where.line is None and where.pointer and where.pointer.endswith("/url"):
        return Location(where.pointer[: -len("/url")], None, None, where.path)
    return where


def usable_og_images(view: View) -> list[OgImage]:
    return [image for image in view.og_images if image.url.value]


def is_avatar(graph: Graph, node: Node) -> bool:
    """The ImageObject is a Person's `image` (Yoast's Gravatar piece, `#/schema/person/image/`)."""
    if node.parent is not None and node.property == "image" and node.parent.is_a("Person"):
        return True
    return any(ref.property == "image" and ref.source.is_a("Person")
               and any(target is node for target in graph.resolve(ref))
               for ref in graph.references)


def primary_objects(graph: Graph) -> list[Node]:
    """The ImageObjects that stand for the page: `primaryImageOfPage` of any node, and the `image` of an
    Article (schema_types.is_article) or a WebPage (any of schema_types.WEBPAGE). Person avatars and logos are not.
    Found once per graph (several rules ask)."""
    return graph.memo(_primary_objects)


def _primary_objects(graph: Graph) -> list[Node]:
    found: list[Node] = []
    for node in graph.nodes:
        stands_for_page = is_article(node) or any(t in WEBPAGE for t in node.types)
        props = ["primaryImageOfPage"] + (["image"] if stands_for_page else [])
        for prop in props:
            for target in graph.targets(node, prop):
                if target.is_a("ImageObject") and all(target is not seen for seen in found):
                    found.append(target)
    return found


@dataclass(frozen=True, slots=True)
class Declared:
    """One declaration of an image's size: where it is, what it says and who says it."""

    url: str
    width: int | None
    height: int | None
    where: Location  # the width field if there is one, else the image
    source: str  # "og:image in yoast_head_json", "ImageObject in yoast_head"
    view: str
    height_where: Location | None = None

    @property
    def size(self) -> str:
        return f"{self.width if self.width else '?'}×{self.height if self.height else '?'}"

    @property
    def pixels(self) -> int | None:
        return self.width * self.height if self.width and self.height else None


def og_declared(view: View) -> list[Declared]:
    found = []
    for image in usable_og_images(view):
        where = image.width.location if image.width is not None else image_location(view, image)
        found.append(Declared(image.url.value, og_pixels(image.width), og_pixels(image.height), where,
                              f"og:image in {view.name}", view.name,
                              image.height.location if image.height is not None else None))
    return found


def object_declared(node: Node, view: View) -> Declared | None:
    url = object_url(node)
    if url is None:
        return None
    where = node.location.child("width") if "width" in node.data else node.location
    height_where = node.location.child("height") if "height" in node.data else None
    return Declared(url, schema_pixels(node.get("width")), schema_pixels(node.get("height")), where,
                    f"ImageObject in {view.name}", view.name, height_where)


def main_images(page) -> list[Declared]:
    """The page's own images with their declared sizes: the primary view's og:images, then the
    primary/article ImageObjects of the page's graph."""
    found = og_declared(page.primary) if page.primary is not None else []
    if page.schema_view is not None:
        for node in primary_objects(page.graph):
            declared = object_declared(node, page.schema_view)
            if declared is not None:
                found.append(declared)
    return found


def distinct(declarations: list[Declared]) -> list[Declared]:
    """One declaration per image URL and size: the og:image and its ImageObject twin are one finding."""
    seen: set = set()
    kept = []
    for item in declarations:
        key = (url_key(item.url), item.width, item.height)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def article_images(page) -> list[Declared]:
    """The image that stands for the article: the sized primary/article ImageObjects, else the first
    og:image when it is sized (Yoast's REST graph often has no `#primaryimage`, and Yoast picks the
    primary image from the og:image first; consumers use the first og:image)."""
    objects = []
    if page.schema_view is not None:
        for node in primary_objects(page.graph):
            declared = object_declared(node, page.schema_view)
            if declared is not None and declared.pixels:
                objects.append(declared)
    if objects:
        return distinct(objects)
    first_og = og_declared(page.primary)[:1] if page.primary is not None else []
    return [d for d in first_og if d.pixels]
