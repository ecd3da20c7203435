"""Helpers the canonical rules share: which views to look at, the WebPage nodes, URL wording."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from urllib.parse import urlsplit

from seoaudit import urls
from seoaudit.extract.view import Field, View


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
