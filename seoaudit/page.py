"""Page: everything the rules may ask of one document, each producer kept as its own view.

Built once per document; the expensive parts (graph, microdata, RDFa) are computed on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, TypeVar

from . import urls
from .extract.html import decode_html, html_view, parse_html_bytes, parse_html_fragment
from .extract.plugin_json import aioseo_json_view, seopress_json_view, yoast_json_view
from .extract.post import PostFields, graphql_post_fields, post_fields
from .extract.view import Field, View
from .graph import Graph, build_graph
from .limits import Limits
from .model import Document, Location

T = TypeVar("T")

# Which view speaks for the page when several producers are present (most precise locations first). A WPGraphQL
# node's `fullHead` comes before its `seo` fields: those are a subset of the head, and only what the query asked.
# `served`: a REST post's page as served (live mode), which speaks only when the post carries no plugin head.
PRIMARY_ORDER = ("html", "yoast_head_json", "aioseo_head_json", "seopress", "yoast_head", "aioseo_head",
                 "rank_math_head", "seo.fullHead", "seo", "served")


@dataclass(frozen=True)
class AuditContext:
    """What the config says about every page of a run: the site's public origin (headless sites), the other
    hosts its URLs may name, and how much of a document is read."""

    site_url: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)


DEFAULT_CONTEXT = AuditContext()
# What a page has and a snippet does not (the parser adds <html> and <head> itself, so the bytes decide): a
# <head> or a <title>. An <html> with a <body> only is still a snippet (a test fixture, a saved excerpt).
_PAGE_MARKUP = re.compile(rb"<(?:head|title)[\s>/]", re.IGNORECASE)


class Page:
    def __init__(self, document: Document, context: AuditContext = DEFAULT_CONTEXT):
        self.document = document
        self.context = context
        self.site_url = context.site_url
        self.allowed_hosts = context.allowed_hosts
        self.limits = context.limits
        self.views: dict[str, View] = {}
        self.notes: list[str] = list(document.notes)  # what loading and decoding repaired (input/bad-encoding)
        self.post: PostFields | None = None
        self._memo: dict = {}  # see `memo`
        if document.problem is not None:
            return
        if document.wire is not None and document.wire.is_error:
            return  # an HTTP error page is not the page: only the wire rules speak (url/http-error)
        base = Location(pointer=document.pointer) if document.data is not None else Location()
        if document.kind == "html":
            data = document.html or b""
            if document.encoding is None:  # not through load.py (live mode): decode, and say what was repaired
                data, notes = decode_html(data)
                self.notes.extend(notes)
            self.views["html"] = html_view(parse_html_bytes(data, "utf-8"), "html", Location(), self.limits)
        elif document.kind == "sitemap":
            return  # no views: only the sitemap rules (REQUIRES "sitemap") read it, through `page.sitemap`
        elif document.kind == "yoast-get-head":
            data = document.data
            self.views["yoast_head_json"] = yoast_json_view(data["json"], base.child("json"))
            self.views["yoast_head"] = _fragment_view(data["html"], "yoast_head", base.child("html"), self.limits)
        elif document.kind == "rank-math-get-head":
            view = _fragment_view(document.data["head"], "rank_math_head", base.child("head"), self.limits)
            view.producer = "Rank Math"
            self.views["rank_math_head"] = view
        elif document.kind == "seopress":
            self.views["seopress"] = seopress_json_view(document.data["data"], base.child("data"))
        elif document.kind.startswith("graphql-"):
            self._add_graphql_views(document.data, base)
        else:
            self._add_wp_views(document.data, base)

    def _add_wp_views(self, data: dict, base: Location) -> None:
        self.post = post_fields(data, self.document.kind, base)
        for key in ("yoast_head_json", "aioseo_head_json"):
            value = data.get(key)
            if isinstance(value, dict):
                build = yoast_json_view if key == "yoast_head_json" else aioseo_json_view
                self.views[key] = build(value, base.child(key))
        for key in ("yoast_head", "aioseo_head"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                self.views[key] = _fragment_view(value, key, base.child(key), self.limits)
        served = self.document.wire.served if self.document.wire is not None else None
        if not self.views and served is not None and served.ok and served.body:
            # No SEO plugin head: the page WordPress serves at `link` is the post's only metadata, so it is
            # audited (with a head, wordpress/rest-head-differs compares the two instead). Its findings point at
            # `/link` and a line of that page.
            data, notes = decode_html(served.body)
            self.notes.extend(notes)
            self.views["served"] = html_view(parse_html_bytes(data, "utf-8"), "served", base.child("link"),
                                             self.limits)

    def _add_graphql_views(self, node: dict, base: Location) -> None:
        """A WPGraphQL node: its own fields are the post, `seo` a view, `seo.fullHead` the plugin's head."""
        from .extract.graphql import seo_view

        self.post = graphql_post_fields(node, self.document.kind, base)
        seo = node.get("seo")
        if not isinstance(seo, dict):
            return
        view = seo_view(seo, base.child("seo"), self.limits)
        if view.stated:  # the query asked for more than `fullHead`
            self.views["seo"] = view
        head = seo.get("fullHead")
        if isinstance(head, str) and head.strip():
            full = _fragment_view(head, "seo.fullHead", base.child("seo", "fullHead"), self.limits)
            full.producer = view.producer
            self.views["seo.fullHead"] = full

    # -- what rules ask ---------------------------------------------------------------------------

    def memo(self, compute: Callable[[Page], T]) -> T:
        """`compute(self)`, computed once per page (seoaudit.derive.derived): what several rules derive from the
        page is derived by the first that asks. As `Graph.memo`; the page is never changed."""
        memo = self._memo
        if compute not in memo:
            memo[compute] = compute(self)
        return memo[compute]

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def sitemap(self):
        """The sitemap file (extract/sitemap.py SitemapFile) of a sitemap document, else None."""
        return self.document.data if self.document.kind == "sitemap" else None

    @cached_property
    def primary(self) -> View | None:
        """The view that speaks for the page: the HTML head, else the most structured plugin output."""
        return next((self.views[name] for name in PRIMARY_ORDER if name in self.views), None)

    @cached_property
    def ranked_views(self) -> list[View]:
        """Every view, the one that speaks for the page first (then PRIMARY_ORDER, then the rest)."""
        ranked = [self.views[name] for name in PRIMARY_ORDER if name in self.views]
        return ranked + [v for v in self.views.values() if v not in ranked]

    @property
    def head_views(self) -> list[View]:
        """Every HTML head (the page, or the plugin's head string): where tag placement can be judged."""
        return [v for v in self.views.values() if v.tree is not None]

    @cached_property
    def schema_view(self) -> View | None:
        """The view whose JSON-LD is the page's graph: the primary one, else the first that has any."""
        if self.primary is not None and self.primary.jsonld:
            return self.primary
        return next((v for v in self.views.values() if v.jsonld), None)

    @cached_property
    def graph(self) -> Graph:
        view = self.schema_view
        return self._build_graph(view) if view is not None else Graph()

    def graph_of(self, view: View) -> Graph:
        return self.graph if view is self.schema_view else self._build_graph(view)

    def _build_graph(self, view: View) -> Graph:
        return build_graph(view.jsonld, self.limits.max_graph_depth, self.limits.max_jsonld_nodes)

    @cached_property
    def link(self) -> Field | None:
        """The post's own URL (WP `link`)."""
        return self.post.link if self.post is not None and self.post.link and self.post.link.value else None

    @cached_property
    def canonical(self) -> Field | None:
        view = self.primary
        return view.canonical if view is not None else None

    @property
    def is_placeholder(self) -> bool:
        return self.post is not None and self.post.is_placeholder

    @property
    def is_published(self) -> bool:
        return self.post is None or self.post.is_published

    @cached_property
    def is_indexable(self) -> bool:
        view = self.primary
        if view is None:
            return True
        directives = set(view.robots_directives("robots")) | set(view.robots_directives("googlebot"))
        return not ({"noindex", "none"} & directives)

    @cached_property
    def seo_plugins(self) -> list:
        """The SEO plugins whose output the document holds (seoaudit.seo_plugins.Producer), in the order found."""
        from .seo_plugins import detect

        return detect(self)

    @cached_property
    def is_fragment(self) -> bool:
        """An HTML snippet rather than a page: neither `<head>` nor `<title>` in its bytes (a template part, a
        test fixture; an `<html>` around a `<body>` alone does not make a page). Rules that judge what a page
        lacks (a title, a canonical, Open Graph) skip it, and `input/fragment` says so; what the snippet does
        hold is still checked."""
        return (self.kind == "html" and "html" in self.views
                and _PAGE_MARKUP.search(self.document.html or b"") is None)

    @cached_property
    def cross_document_key(self) -> str | None:
        """Who this document is among the documents of a run, for the rules that compare documents (duplicate
        titles and descriptions, canonical form), or None when it takes no part in them.

        The same WordPress object read twice (a single file, a collection, a `context=edit` export) has one key,
        its `link`, so it is one post and never a duplicate of itself; a page saved twice has one key, its
        canonical; any other document is its source. None
        when the document does not compete in search as itself: it is noindex, or its canonical names another
        page than its own address (the post `link`, or in live mode the URL it was served at; the same URL in
        another form, http or a missing slash, is still this page)."""
        if not self.is_indexable or self.is_fragment:
            return None
        link = urls.parse(self.link.value) if self.link is not None else None
        own = link.raw if link is not None else self._served_url
        canonical = self._single_canonical
        if own and canonical and not urls.same_page(canonical.raw, own):
            return None  # another page (a URL in another form is this page: canonical/form-drift compares those)
        if link is not None:
            return link.raw
        # A page saved twice (two files, one canonical) is one page; without a canonical, the file is the page.
        return _url_key(canonical) if canonical is not None else self.document.display_source

    @property
    def _single_canonical(self) -> urls.Url | None:
        """The primary view's canonical when it is one absolute URL (conflicting canonicals name no page)."""
        view = self.primary
        if view is None or self.canonical is None:
            return None
        values = {c.value for c in view.canonicals if c.in_head and c.value}
        parsed = urls.parse(self.canonical.value)
        return parsed if parsed is not None and all(urls.same(v, parsed.raw) for v in values) else None

    @property
    def _served_url(self) -> str | None:
        """The URL a live HTML page was served at, after redirects (None offline)."""
        wire = self.document.wire
        response = getattr(wire, "response", None) if wire is not None and self.document.data is None else None
        return getattr(response, "final_url", None)

    @cached_property
    def site_origin(self) -> str | None:
        """The site's public origin: `site_url` from config, else the post link, canonical or og:url."""
        candidates = [self.site_url, self.link.value if self.link else None,
                      self.canonical.value if self.canonical else None]
        if self.primary is not None and (og_url := self.primary.first("og:url")):
            candidates.append(og_url.value)
        for raw in candidates:
            if raw and (url := urls.parse(raw)) is not None:
                return url.origin
        return None

    @cached_property
    def is_https(self) -> bool:
        return bool(self.site_origin and self.site_origin.startswith("https:"))

    @cached_property
    def structured_data(self) -> dict[str, Any]:
        """Microdata and RDFa of the HTML page, through extruct, sharing our parsed tree."""
        view = self.views.get("html")
        if view is None or view.tree is None:
            return {}
        return _extruct(view.tree, self.document.html or b"", self.site_origin or "")


def _url_key(url: urls.Url) -> str:
    """A URL as search engines compare it (host case, default port and fragment aside)."""
    return url.origin + (url.path or "/") + (f"?{url.query}" if url.query else "")


def _fragment_view(text: str, name: str, base: Location, limits: Limits | None = None) -> View:
    return html_view(parse_html_fragment(text), name, base, limits)


def _extruct(tree, raw: bytes, base_url: str) -> dict[str, Any]:
    """Microdata and RDFa through extruct; a byte scan first, since most pages have neither."""
    found: dict[str, Any] = {}
    lowered = raw.lower()  # one pass; a case-insensitive regex over the page is ten times slower
    if b"itemscope" in lowered:
        try:
            found["microdata"] = _microdata_extractor().extract_items(tree, base_url)
        except Exception as exc:  # lxml refuses to rebuild text with control characters, and more: keep going
            found["microdata_error"] = f"{type(exc).__name__}: {exc}"
    if b"typeof" in lowered or b"vocab" in lowered:
        from extruct.rdfa import RDFaExtractor

        try:
            found["rdfa"] = RDFaExtractor().extract_items(tree, base_url=base_url)
        except Exception as exc:  # pyRdfa raises many kinds on broken markup; keep the audit going
            found["rdfa_error"] = f"{type(exc).__name__}: {exc}"
    return found


@cache
def _microdata_extractor():
    from extruct.w3cmicrodata import LxmlMicrodataExtractor

    class MicrodataExtractor(LxmlMicrodataExtractor):
        """extruct's extractor, without its deep copy and clean of every property that holds no script
        or style (the text is the same: comments are skipped by html_text either way)."""

        def _extract_textContent(self, node):
            if next(node.iter("script", "style"), None) is None:
                import html_text

                return html_text.etree_to_text(node)
            return super()._extract_textContent(node)

        def _extract_property_refs(self, node, refid, items_seen, base_url, itemids):
            # extruct finds an itemref's target with XPath's id(), which needs the table of ids our parser
            # does not build (extract.html.html_parser): hand it a node whose xpath finds it by attribute.
            return super()._extract_property_refs(_ById(node), refid, items_seen, base_url, itemids)

    return MicrodataExtractor()


class _ById:
    """Answers extruct's `node.xpath("id($refid)[1]", refid=…)`: the first element with that id, as id() does."""

    def __init__(self, node):
        self.node = node

    def xpath(self, _expression: str, refid: str) -> list:
        return self.node.xpath("(//*[@id=$refid])[1]", refid=refid)
