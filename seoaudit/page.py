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
from .extract.document import PRIMARY_ORDER, document_views
from .extract.post import PostFields, graphql_post_fields, post_fields
from .extract.view import Field, View
from .graph import Graph, build_graph
from .limits import Limits
from .model import Document, Location

T = TypeVar("T")

_NOT_POSTS = frozenset({"html", "sitemap", "yoast-get-head", "rank-math-get-head", "seopress"})  # no post fields


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
        readable = document.problem is None and not (document.wire is not None and document.wire.is_error)
        if readable and document.kind.startswith("graphql-"):
            self.post = graphql_post_fields(document.data, document.kind, Location(pointer=document.pointer))
        elif readable and document.kind not in _NOT_POSTS:
            self.post = post_fields(document.data, document.kind, Location(pointer=document.pointer))
        # Kept in the order the document holds them (reports list producers so): a WPGraphQL node's `seo` fields
        # come before its `seo.fullHead`, which outranks them (document_views yields by rank).
        views = sorted(document_views(document, self.limits, self.notes), key=lambda v: v.name == "seo.fullHead")
        self.views = {view.name: view for view in views}

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
