"""Helpers the canonical rules share: which views to look at, the WebPage nodes, URL wording."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from urllib.parse import urlsplit

from seoaudit import urls
from seoaudit.extract.view import Field, View

# schema.org WebPage and its subtypes (Yoast may write `@type` as a list such as ["WebPage", "FAQPage"]).
WEBPAGE_TYPES = frozenset({
    "WebPage", "AboutPage", "CollectionPage", "ItemPage", "FAQPage", "ProfilePage", "ContactPage", "CheckoutPage",
    "SearchResultsPage", "MedicalWebPage", "QAPage", "RealEstateListing",
})


def views_in_order(page) -> list[View]:
    """Every view, the one that speaks for the page first (computed once per page)."""
    return page.ranked_views


def once_per_value(page, key: Callable[[View], Hashable | None]) -> Iterator[View]:
    """The views whose compared values (`key`) are not None and differ from those of an earlier view, so that
    `yoast_head` and `yoast_head_json` saying the same wrong thing are reported once, at the primary view."""
    seen: set = set()
    for view in views_in_order(page):
        value = key(view)
        if value is None or value in seen:
            continue
        seen.add(value)
        yield view


def head_canonicals(view: View) -> list[Field]:
    """The non-empty canonicals search engines read: those inside <head> (every plugin JSON value)."""
    return [c for c in view.canonicals if c.in_head and c.value]


def canonical_url(view: View) -> Field | None:
    """The view's canonical when it is an absolute http(s) URL and the only distinct one: a relative, invalid
    or conflicting canonical has its own rule, and comparing other URLs with it would only repeat that."""
    field = view.canonical
    if field is None or urls.parse(field.value) is None or len(distinct(head_canonicals(view))) > 1:
        return None
    return field


def distinct(fields: list[Field]) -> dict:
    """Canonicals grouped by the URL a search engine sees (host case, default port and fragment aside)."""
    groups: dict = {}
    for field in fields:
        parsed = urls.parse(field.value)
        groups.setdefault(parsed.key if parsed else field.value, []).append(field)
    return groups


def og_url(view: View) -> Field | None:
    field = view.first("og:url")
    return field if field is not None and urls.parse(field.value) is not None else None


def what_differs(actual: str, expected: str) -> str:
    """'trailing slash only (missing) ('https://a/b' vs 'https://a/b/')': the differences, then both values."""
    return f"{', '.join(urls.differences(actual, expected))} ({actual!r} vs {expected!r})"


def scheme_of(raw: str) -> str:
    """The scheme as a browser would read it ('' for relative references), without raising."""
    try:
        return urlsplit(raw.strip()).scheme.lower()
    except ValueError:
        return ""


def why_invalid(raw: str) -> str | None:
    """Why no base could make `raw` an http(s) URL, or None when it is one (or only lacks a base)."""
    if urls.parse(raw) is not None:
        return None
    scheme = scheme_of(raw)
    if any(c in raw for c in "\t\n\r<>\""):
        return "it holds a tab, a line break, a quote or an angle bracket"
    if scheme and scheme not in urls.DEFAULT_PORTS:
        return f"the scheme {scheme}: is not http or https"
    if urls.is_malformed(raw):
        return "the host or port does not parse"
    if scheme and " " in raw:
        return "it holds an unencoded space"
    return None


def is_relative(raw: str) -> bool:
    """Parses only against a base: `/post/`, `post/`, `//example.com/post/`."""
    return bool(raw) and urls.parse(raw) is None and why_invalid(raw) is None


def lines(fields: list[Field]) -> str:
    return ", ".join(f.location.describe() for f in fields)


# -- the schema WebPage ---------------------------------------------------------------------------------------


def webpage_nodes(graph, canonical: str | None = None) -> list:
    """The nodes that describe this page, top-level ones first: top-level WebPage-family nodes, and a WebPage
    written inline as the `mainEntityOfPage` of a top-level node that is this page's main entity (it has no
    `url` / `@id` of its own, or the canonical). WebPages reached otherwise (`isPartOf`, a VideoObject's own
    `mainEntityOfPage` on a news page) describe other pages."""
    def main_entity_page(node) -> bool:
        parent = node.parent
        if node.property != "mainEntityOfPage" or parent is None or not parent.top_level:
            return False
        own = [v for v in (parent.id, parent.get("url")) if isinstance(v, str) and urls.parse(v) is not None]
        return not own or (canonical is not None and any(urls.same(v, canonical) for v in own))

    pages = [n for n in graph.nodes if any(t in WEBPAGE_TYPES for t in n.types)]
    return [n for n in pages if n.top_level] + [n for n in pages if not n.top_level and main_entity_page(n)]


# -- WordPress drafts --------------------------------------------------------------------------------------------


def future_permalink(post) -> str | None:
    """The URL a draft will get on publish: `permalink_template` (edit context) with `%postname%` / `%pagename%`
    replaced by `slug`, else `generated_slug`, as Gutenberg computes it (WordPress/gutenberg#21410)."""
    if post is None or not post.permalink_template:
        return None
    slug = post.slug or post.generated_slug
    template = post.permalink_template
    if not slug or ("%postname%" not in template and "%pagename%" not in template):
        return None
    return template.replace("%postname%", slug).replace("%pagename%", slug)
