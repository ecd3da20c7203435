"""The `yoast_head_json` and `aioseo_head_json` views: plugin objects mapped to the HTML view's shape.

Yoast builds each key from its presenter key with `:` replaced by `_` and leaves out empty presenters,
so a missing key means "not output". Its strings may still hold HTML entities: decode them once here.
AIOSEO keeps the colon keys and writes robots as a string.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Location
from .view import Field, JsonLdBlock, OgImage, View

_PREFIXES = ("og_", "article_", "twitter_", "fb_")
# Property names whose own words are joined by `_` (every other `_` in a Yoast key was a `:`).
_COMPOUNDS = ("site_name", "published_time", "modified_time", "expiration_time", "secure_url", "app_id")
_SKIP = {"og_image", "twitter_misc", "schema", "robots", "title", "description", "canonical"}


def text(value: Any) -> str:
    """A scalar as the string a consumer would print, entities decoded exactly once."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return html.unescape(str(value)).strip()


def yoast_json_view(data: dict, base: Location) -> View:
    view = View(name="yoast_head_json", location=base)
    _scalar(view.titles, data, "title", base)
    _scalar(view.descriptions, data, "description", base)
    _scalar(view.canonicals, data, "canonical", base)
    robots = data.get("robots")
    if isinstance(robots, dict):
        directives = [text(v) for v in robots.values() if isinstance(v, str | int) and text(v)]
        view.robots["robots"] = [Field(", ".join(directives), base.child("robots"))]
    elif isinstance(robots, str) and robots.strip():  # a headless proxy may flatten it to a string
        view.robots["robots"] = [Field(text(robots), base.child("robots"))]
    for key, value in data.items():
        if key in _SKIP or not key.startswith(_PREFIXES) or isinstance(value, dict | list):
            continue
        view.meta.setdefault(yoast_property(key), []).append(Field(text(value), base.child(key)))
    images = data.get("og_image")
    if isinstance(images, list):
        for index, image in enumerate(images):
            if isinstance(image, dict):
                view.og_images.append(_yoast_image(image, base.child("og_image", index)))
                view.meta.setdefault("og:image", []).append(view.og_images[-1].url)
    schema = data.get("schema")
    if schema is not None:
        view.jsonld.append(JsonLdBlock(location=base.child("schema"), data=schema))
    return view


def yoast_property(key: str) -> str:
    """`twitter_image_alt` → `twitter:image:alt`, `og_site_name` → `og:site_name` (Yoast's escape_key
    turned every `:` into `_`)."""
    name = key.replace("_", ":")
    for compound in _COMPOUNDS:
        name = name.replace(compound.replace("_", ":"), compound)
    return name


def _yoast_image(image: dict, where: Location) -> OgImage:
    def part(key: str) -> Field | None:
        return Field(text(image[key]), where.child(key)) if key in image else None

    return OgImage(url=part("url") or Field("", where.child("url")), width=part("width"),
                   height=part("height"), alt=part("alt"), type=part("type"))


def aioseo_json_view(data: dict, base: Location) -> View:
    view = View(name="aioseo_head_json", location=base)
    _scalar(view.titles, data, "title", base)
    _scalar(view.descriptions, data, "description", base)
    _scalar(view.canonicals, data, "canonical_url", base)
    if isinstance(data.get("robots"), str) and data["robots"].strip():
        view.robots["robots"] = [Field(text(data["robots"]), base.child("robots"))]
    image: OgImage | None = None
    for key, value in data.items():
        if ":" not in key or isinstance(value, dict | list):
            continue
        field = Field(text(value), base.child(key))
        view.meta.setdefault(key.lower(), []).append(field)
        if key == "og:image" and field.value:
            image = OgImage(url=field)
    if image is not None:
        view.og_images.append(OgImage(url=image.url, width=view.first("og:image:width"),
                                      height=view.first("og:image:height"), alt=view.first("og:image:alt"),
                                      secure_url=view.first("og:image:secure_url")))
    schema = data.get("schema")
    if isinstance(schema, dict | list):
        view.jsonld.append(JsonLdBlock(location=base.child("schema"), data=schema))
    return view


def _scalar(target: list[Field], data: dict, key: str, base: Location) -> None:
    value = data.get(key)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        target.append(Field(text(value), base.child(key)))


# SEOPress's `/wp-json/seopress/v1/posts/<id>` data (src/Actions/Api/GetPost.php): what it can state. The canonical
# only when set by hand: an empty one means SEOPress prints the permalink, which the answer does not hold.
_SEOPRESS_STATED = frozenset({"title", "description", "robots", "og:title", "og:description", "og:image",
                              "og:image:width", "og:image:height", "twitter:title", "twitter:description",
                              "twitter:image"})
_SEOPRESS_ROBOTS = (("noindex", "index"), ("nofollow", "follow"), ("nosnippet", None), ("noimageindex", None))


def seopress_json_view(data: dict, base: Location) -> View:
    """`{title, description, canonical, og, twitter, robots, …}`: og and twitter are `{title, description, image,
    attachment_id, image_width, image_height}` ("" when not output), robots `{noindex, nofollow, nosnippet,
    noimageindex}` booleans."""
    view = View(name="seopress", location=base, producer="SEOPress", stated=_SEOPRESS_STATED)
    for key, target in (("title", view.titles), ("description", view.descriptions), ("canonical", view.canonicals)):
        _scalar(target, data, key, base)
        if target and not target[-1].value:
            target.pop()
    if view.canonicals:
        view.stated = _SEOPRESS_STATED | {"canonical"}
    robots = data.get("robots")
    if isinstance(robots, dict):
        directives = [on if robots.get(on) in (True, "yes") else off for on, off in _SEOPRESS_ROBOTS]
        view.robots["robots"] = [Field(", ".join(d for d in directives if d), base.child("robots"))]
    for group in ("og", "twitter"):
        values, where = data.get(group), base.child(group)
        if not isinstance(values, dict):
            continue
        for key in ("title", "description"):
            _seopress_meta(view, f"{group}:{key}", values, key, where)
        if group == "twitter":
            _seopress_meta(view, "twitter:image", values, "image", where)
        elif (image := _seopress_field(values, "image", where)) is not None:
            view.og_images.append(OgImage(url=image, width=_seopress_field(values, "image_width", where),
                                          height=_seopress_field(values, "image_height", where)))
            view.meta.setdefault("og:image", []).append(image)
    return view


def _seopress_meta(view: View, prop: str, values: dict, key: str, where: Location) -> None:
    field = _seopress_field(values, key, where)
    if field is not None:
        view.meta.setdefault(prop, []).append(field)


def _seopress_field(values: dict, key: str, where: Location) -> Field | None:
    value = values.get(key)
    if isinstance(value, str | int) and not isinstance(value, bool) and text(value):
        return Field(text(value), where.child(key))
    return None
