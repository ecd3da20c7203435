"""Reading Open Graph and X card properties across producers, and the page's declared languages.

`yoast_head_json` spells `twitter:image:alt` as `twitter_image_alt`, and the core view turns that key into
`twitter:image_alt` (it splits on the first `_` only); `prop()` reads both spellings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from seoaudit.extract.view import Field, View

from .schema_types import ARTICLE, WEBPAGE

_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")


def fields(view: View, key: str) -> list[Field]:
    """Every value of a property, under its own key or Yoast's underscore spelling of the nested colons."""
    found = view.meta.get(key, ())
    alias = _underscored(key)
    more = view.meta.get(alias) if alias is not None else None
    return [*found, *more] if more else list(found)


@lru_cache(maxsize=512)  # asked ~50 times per page with the same few keys
def _underscored(key: str) -> str | None:
    """Yoast's spelling of a nested key (`og:image:width` → `og:image_width`), None when not nested."""
    prefix, _, rest = key.partition(":")
    return f"{prefix}:{rest.replace(':', '_')}" if ":" in rest else None


def prop(view: View, key: str) -> Field | None:
    """The first non-empty value of a property, as consumers read it; None when absent or empty."""
    meta = view.meta
    for field in meta.get(key, ()):
        if field.value:
            return field
    alias = _underscored(key)
    for field in meta.get(alias, ()) if alias is not None else ():
        if field.value:
            return field
    return None


def has_open_graph(view: View) -> bool:
    return any(key.startswith("og:") for key in view.meta) or bool(view.og_images)


def language(text: str | None) -> str | None:
    """The language subtag of a locale or language tag: 'en' for en_US, en-GB, EN; None when none."""
    match = _LANGUAGE.match((text or "").strip())
    return match.group(1).lower() if match else None


def is_svg(url: str, declared_type: str | None = None) -> bool:
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith((".svg", ".svgz")) or (declared_type or "").strip().lower().startswith("image/svg")


def page_languages(page, view: View) -> list[Field]:
    """The page's declared languages other than og:locale: `<html lang>` of the HTML page, and the
    `inLanguage` of the schema's top-level WebPage and Article nodes (a string, or a Language's
    `alternateName`)."""
    found = []
    html = page.views.get("html")
    if html is not None and html.lang is not None and html.lang.value:
        found.append(html.lang)
    if page.schema_view is not None:
        for node in page.graph.nodes:
            if not node.top_level or not any(t in ARTICLE or t in WEBPAGE for t in node.types):
                continue
            value = node.get("inLanguage")
            if isinstance(value, dict):
                value = value.get("alternateName")
            if isinstance(value, str) and value.strip():
                found.append(Field(value.strip(), node.location.child("inLanguage")))
    return found


OG_TIMES = (("article:published_time", "datePublished", "date_gmt"),
            ("article:modified_time", "dateModified", "modified_gmt"))
