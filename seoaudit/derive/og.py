"""What the Open Graph and X card rules share: reading meta properties across producers, dates, languages.

`yoast_head_json` spells `twitter:image:alt` as `twitter_image_alt`, and the core view turns that key into
`twitter:image_alt` (it splits on the first `_` only); `prop()` reads both spellings.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

from seoaudit.extract.view import Field, View

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


def parse_datetime(text: str, assume_utc: bool = False) -> datetime | None:
    """An ISO 8601 date-time in UTC, or None when unreadable. WordPress `date_gmt` carries no zone but is
    UTC (`assume_utc`); any other value without a zone is not comparable and is read as None."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        if not assume_utc:
            return None
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


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
    from seoaudit.derive.schema_types import ARTICLE, WEBPAGE

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


def schema_dates(page, prop_name: str) -> list[tuple[str, Field]]:
    """(node label, date Field) for `datePublished` / `dateModified` of the top-level Article and WebPage
    nodes of the page's graph."""
    from seoaudit.derive.schema_types import ARTICLE, WEBPAGE

    found = []
    if page.schema_view is None:
        return found
    for node in page.graph.nodes:
        kind = next((t for t in node.types if t in ARTICLE or t in WEBPAGE), None)
        value = node.get(prop_name)
        if node.top_level and kind and isinstance(value, str) and value.strip():
            found.append((f"schema {kind} {prop_name}", Field(value.strip(), node.location.child(prop_name))))
    return found


OG_TIMES = (("article:published_time", "datePublished", "date_gmt"),
            ("article:modified_time", "dateModified", "modified_gmt"))
