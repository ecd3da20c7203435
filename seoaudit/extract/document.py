"""The views of one document, each producer's metadata on its own, in the order that ranks them.

`Page` keeps every view; live mode's fetch worker takes only the first (the view that speaks for the page) to
find the URLs it probes, and builds no `Page`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..limits import Limits
from ..model import Document, Location
from .html import decode_html, html_view, parse_html_bytes, parse_html_fragment
from .plugin_json import aioseo_json_view, seopress_json_view, yoast_json_view
from .view import View

# Which view speaks for the page when several producers are present (most precise locations first). A WPGraphQL
# node's `fullHead` comes before its `seo` fields: those are a subset of the head, and only what the query asked.
# `served`: a REST post's page as served (live mode), which speaks only when the post carries no plugin head.
PRIMARY_ORDER = ("html", "yoast_head_json", "aioseo_head_json", "seopress", "yoast_head", "aioseo_head",
                 "rank_math_head", "seo.fullHead", "seo", "served")


def document_views(document: Document, limits: Limits, notes: list[str]) -> Iterator[View]:
    """Each view of `document`, built as it is asked for, in PRIMARY_ORDER (the first is the primary view).
    What decoding repairs is appended to `notes` (input/bad-encoding)."""
    if document.problem is not None or document.kind == "sitemap":
        return  # a sitemap has no views: only the sitemap rules read it
    if document.wire is not None and document.wire.is_error:
        return  # an HTTP error page is not the page: only the wire rules speak (url/http-error)
    base = Location(pointer=document.pointer) if document.data is not None else Location()
    data = document.data
    if document.kind == "html":
        raw = document.html or b""
        if document.encoding is None:  # not through load.py (live mode): decode, and say what was repaired
            raw, repaired = decode_html(raw)
            notes.extend(repaired)
        yield html_view(parse_html_bytes(raw, "utf-8"), "html", Location(), limits)
    elif document.kind == "yoast-get-head":
        yield yoast_json_view(data["json"], base.child("json"))
        yield _fragment_view(data["html"], "yoast_head", base.child("html"), limits)
    elif document.kind == "rank-math-get-head":
        view = _fragment_view(data["head"], "rank_math_head", base.child("head"), limits)
        view.producer = "Rank Math"
        yield view
    elif document.kind == "seopress":
        yield seopress_json_view(data["data"], base.child("data"))
    elif document.kind.startswith("graphql-"):
        yield from _graphql_views(data, base, limits)
    else:
        yield from _wp_views(document, base, limits, notes)


def _wp_views(document: Document, base: Location, limits: Limits, notes: list[str]) -> Iterator[View]:
    data = document.data
    found = False
    for key in ("yoast_head_json", "aioseo_head_json"):
        value = data.get(key)
        if isinstance(value, dict):
            found = True
            yield (yoast_json_view if key == "yoast_head_json" else aioseo_json_view)(value, base.child(key))
    for key in ("yoast_head", "aioseo_head"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            found = True
            yield _fragment_view(value, key, base.child(key), limits)
    served = document.wire.served if document.wire is not None else None
    if not found and served is not None and served.ok and served.body:
        # No SEO plugin head: the page WordPress serves at `link` is the post's only metadata, so it is audited
        # (with a head, wordpress/rest-head-differs compares the two instead). Its findings point at `/link` and
        # a line of that page.
        raw, repaired = decode_html(served.body)
        notes.extend(repaired)
        yield html_view(parse_html_bytes(raw, "utf-8"), "served", base.child("link"), limits)


def _graphql_views(node: dict, base: Location, limits: Limits) -> Iterator[View]:
    """A WPGraphQL node: `seo.fullHead` (the plugin's head), then `seo` when the query asked for more."""
    from .graphql import seo_view

    seo = node.get("seo")
    if not isinstance(seo, dict):
        return
    view = seo_view(seo, base.child("seo"), limits)
    head = seo.get("fullHead")
    if isinstance(head, str) and head.strip():
        full = _fragment_view(head, "seo.fullHead", base.child("seo", "fullHead"), limits)
        full.producer = view.producer
        yield full
    if view.stated:  # the query asked for more than `fullHead`
        yield view


def _fragment_view(text: str, name: str, base: Location, limits: Limits | None = None) -> View:
    return html_view(parse_html_fragment(text), name, base, limits)
