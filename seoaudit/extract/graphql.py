"""The `seo` view of a WPGraphQL node: the structured fields of wp-graphql-yoast-seo (`metaDesc`, `opengraphTitle`,
`schema { raw }`, …) or of wp-graphql-rank-math (`description`, `canonicalUrl`, `openGraph { … }`, `jsonLd { raw }`),
mapped to the HTML view's shape. Its `fullHead` (the plugin's whole head) is an HTML view of its own (page.py).

A GraphQL answer holds only the fields the query asked for, so the view states (`View.stated`) only the properties
whose field is in the answer; there, an empty string or null means "not output". Field names and what each
resolver returns: ashhitch/wp-graphql-yoast-seo `includes/schema/types.php`, `includes/resolvers/post-type.php`;
AxeWP/wp-graphql-rank-math `src/Type/WPInterface/Seo.php`, `src/Type/WPObject/OpenGraph*.php`, `src/Model/Seo.php`
(tests/data/graphql/PROVENANCE.md).
"""

from __future__ import annotations

import re
from typing import Any

from ..limits import Limits
from ..model import Location
from .html import html_view, parse_html_fragment, parse_jsonld_text
from .plugin_json import text
from .view import Field, OgImage, View

YOAST = "Yoast SEO"
RANK_MATH = "Rank Math"

# wp-graphql-yoast-seo's PostTypeSEO / TaxonomySEO / SEOUser string fields → the property each one states.
_YOAST_TEXT = {
    "title": "title", "metaDesc": "description", "canonical": "canonical",
    "opengraphTitle": "og:title", "opengraphDescription": "og:description", "opengraphUrl": "og:url",
    "opengraphSiteName": "og:site_name", "opengraphType": "og:type", "opengraphAuthor": "article:author",
    "opengraphPublisher": "article:publisher", "opengraphPublishedTime": "article:published_time",
    "opengraphModifiedTime": "article:modified_time", "twitterTitle": "twitter:title",
    "twitterDescription": "twitter:description", "twitterCardType": "twitter:card",
}
_YOAST_ONLY = {"metaDesc", "metaRobotsNoindex", "metaRobotsNofollow", "schema", "cornerstone", "focuskw",
               "readingTime", "opengraphTitle", "opengraphImage", "twitterCardType"}
_RANK_MATH_ONLY = {"canonicalUrl", "openGraph", "jsonLd", "focusKeywords", "breadcrumbTitle", "isPillarContent",
                   "seoScore", "description", "robots"}

# wp-graphql-rank-math's OpenGraphMeta: field → property; nested objects: field → (property prefix, their fields).
_RANK_MATH_OG = {"title": "og:title", "description": "og:description", "url": "og:url", "type": "og:type",
                 "siteName": "og:site_name", "locale": "og:locale", "updatedTime": "og:updated_time",
                 "alternateLocales": "og:locale:alternate"}
_RANK_MATH_OG_PARTS = {
    "twitterMeta": {"card": "twitter:card", "title": "twitter:title", "description": "twitter:description",
                    "image": "twitter:image", "site": "twitter:site", "creator": "twitter:creator"},
    "articleMeta": {"publishedTime": "article:published_time", "modifiedTime": "article:modified_time",
                    "section": "article:section", "author": "article:author", "publisher": "article:publisher",
                    "tags": "article:tag"},
    "facebookMeta": {"appId": "fb:app_id", "admins": "fb:admins"},
}
# A null `openGraph` means the head had no Open Graph tag at all: these are then stated as not output.
_OG_CORE = frozenset({"og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "og:locale",
                      "twitter:card"})
# GraphQL enums are answered by name (TwitterCardTypeEnum): the value Rank Math printed.
_TWITTER_CARDS = {"SUMMARY": "summary", "SUMMARY_LARGE_IMAGE": "summary_large_image", "APP": "app",
                  "PLAYER": "player"}
_LOCALE_ENUM = re.compile(r"([A-Z]{2,3})_([A-Z]{2})")  # OpenGraphLocaleEnum: en_US is answered as EN_US


def plugin_of(seo: dict) -> str | None:
    """Which WPGraphQL extension answered, from the fields only it has; None when the answer holds only
    fields both have (`title`, `fullHead`, `breadcrumbs`)."""
    keys = set(seo)
    if keys & _RANK_MATH_ONLY:
        return RANK_MATH
    return YOAST if keys & _YOAST_ONLY else None


def seo_view(seo: dict, base: Location, limits: Limits | None = None) -> View:
    plugin = plugin_of(seo)
    view = View(name="seo", location=base, producer=plugin)
    stated: set[str] = set()
    if plugin == RANK_MATH:
        _rank_math(view, seo, base, stated, limits)
    else:
        _yoast(view, seo, base, stated, limits)
    view.stated = frozenset(stated)
    return view


def _yoast(view: View, seo: dict, base: Location, stated: set[str], limits: Limits | None) -> None:
    for key, prop in _YOAST_TEXT.items():
        if key in seo:
            stated.add(prop)
            _put(view, prop, seo[key], base.child(key))
    if "metaRobotsNoindex" in seo or "metaRobotsNofollow" in seo:  # Yoast's robots index and follow, or ""
        stated.add("robots")
        parts = [(key, text(seo.get(key))) for key in ("metaRobotsNoindex", "metaRobotsNofollow")]
        directives = [value for _, value in parts if value]
        if directives:
            first = next(key for key, value in parts if value)
            view.robots["robots"] = [Field(", ".join(directives), base.child(first))]
    for key, prop in (("opengraphImage", "og:image"), ("twitterImage", "twitter:image")):
        if key in seo:
            stated.add(prop)
            _media_item(view, prop, seo[key], base.child(key), stated)
    schema = seo.get("schema")
    if isinstance(schema, dict) and "raw" in schema:
        stated.add("schema")
        raw = schema["raw"]
        if isinstance(raw, str) and raw.strip():  # wp_json_encode of Yoast's graph, one line
            view.jsonld.append(parse_jsonld_text(raw, Location(base.child("schema", "raw").pointer, 1),
                                                 limits=limits, view=view))


def _media_item(view: View, prop: str, item: Any, where: Location, stated: set[str]) -> None:
    """A WPGraphQL MediaItem (`sourceUrl`, `altText`, `mimeType`, `mediaDetails { width height }`): the
    attachment behind Yoast's image, or null when the image is no attachment of this site."""
    if not isinstance(item, dict) or not isinstance(item.get("sourceUrl"), str) or not item["sourceUrl"].strip():
        return
    url = Field(text(item["sourceUrl"]), where.child("sourceUrl"))
    if prop != "og:image":
        view.meta.setdefault(prop, []).append(url)
        return
    details = item.get("mediaDetails")
    size = {}
    if isinstance(details, dict):
        stated.update(("og:image:width", "og:image:height"))
        size = {part: _field(details.get(part), where.child("mediaDetails", part)) for part in ("width", "height")}
    if "altText" in item:
        stated.add("og:image:alt")
    if "mimeType" in item:
        stated.add("og:image:type")
    view.og_images.append(OgImage(url=url, alt=_field(item.get("altText"), where.child("altText")),
                                  type=_field(item.get("mimeType"), where.child("mimeType")), **size))
    view.meta.setdefault("og:image", []).append(url)


def _rank_math(view: View, seo: dict, base: Location, stated: set[str], limits: Limits | None) -> None:
    for key, prop in (("title", "title"), ("description", "description"), ("canonicalUrl", "canonical")):
        if key in seo:
            stated.add(prop)
            _put(view, prop, seo[key], base.child(key))
    if "robots" in seo:  # a list: ["index", "follow", "max-snippet:-1", …], null when Rank Math prints none
        stated.add("robots")
        robots = seo["robots"]
        directives = [text(d) for d in robots if isinstance(d, str) and text(d)] if isinstance(robots, list) else []
        if directives:
            view.robots["robots"] = [Field(", ".join(directives), base.child("robots"))]
    if "openGraph" in seo:
        _rank_math_og(view, seo["openGraph"], base.child("openGraph"), stated)
    json_ld = seo.get("jsonLd")
    if isinstance(json_ld, dict) and "raw" in json_ld:
        stated.add("schema")
        raw = json_ld["raw"]
        if isinstance(raw, str) and raw.strip():  # the <script class="rank-math-schema"> Rank Math prints
            where = base.child("jsonLd", "raw")
            view.jsonld.extend(html_view(parse_html_fragment(raw), "seo", where, limits).jsonld)


def _rank_math_og(view: View, og: Any, base: Location, stated: set[str]) -> None:
    if not isinstance(og, dict):
        stated.update(_OG_CORE)
        return
    for key, prop in _RANK_MATH_OG.items():
        if key in og:
            stated.add(prop)
            _put(view, prop, _locale(og[key]) if prop.startswith("og:locale") else og[key], base.child(key))
    for group, fields in _RANK_MATH_OG_PARTS.items():
        if group not in og:
            continue
        values = og[group] if isinstance(og[group], dict) else {}
        for key, prop in fields.items():
            if key in values or not isinstance(og[group], dict):
                stated.add(prop)
            if key in values:
                value = _TWITTER_CARDS.get(values[key], values[key]) if prop == "twitter:card" else values[key]
                _put(view, prop, value, base.child(group, key))
    if "image" in og:
        stated.add("og:image")
        image = og["image"]
        if isinstance(image, dict) and isinstance(image.get("url"), str) and image["url"].strip():
            where = base.child("image")
            stated.update(f"og:image:{part}" for part in ("width", "height", "type", "secure_url") if part in image
                          or (part == "secure_url" and "secureUrl" in image))
            url = Field(text(image["url"]), where.child("url"))
            view.og_images.append(OgImage(
                url=url, width=_field(image.get("width"), where.child("width")),
                height=_field(image.get("height"), where.child("height")),
                type=_field(image.get("type"), where.child("type")),
                secure_url=_field(image.get("secureUrl"), where.child("secureUrl"))))
            view.meta.setdefault("og:image", []).append(url)


def _put(view: View, prop: str, value: Any, where: Location) -> None:
    """One property's value (a list: one per item), left out when empty or null: not output."""
    for index, item in enumerate(value) if isinstance(value, list) else ((None, value),):
        field = _field(item, where if index is None else where.child(index))
        if field is None:
            continue
        if prop == "title":
            view.titles.append(field)
        elif prop == "description":
            view.descriptions.append(field)
        elif prop == "canonical":
            view.canonicals.append(field)
        else:
            view.meta.setdefault(prop, []).append(field)


def _field(value: Any, where: Location) -> Field | None:
    if isinstance(value, float) and value.is_integer():  # Rank Math's image width is a GraphQL Float: 1200.0
        value = int(value)
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    field = Field(text(value), where)
    return field if field.value else None


def _locale(value: Any) -> Any:
    if isinstance(value, list):
        return [_locale(v) for v in value]
    match = _LOCALE_ENUM.fullmatch(value) if isinstance(value, str) else None
    return f"{match.group(1).lower()}_{match.group(2)}" if match else value
