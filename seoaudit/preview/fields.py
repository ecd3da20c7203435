"""What the previews read: the extracted metadata of one document, as the JSON report carries it
(`seoaudit.metadata.page_metadata`: the primary producer's title, description, canonical, robots, `og`,
`twitter`, `og_images`, `jsonld`, and a WordPress object's `post`).

Reading the report's own shape keeps the previews a pure function of what a run already extracted: the
same previews come from a live audit, a saved page, or a JSON report read back later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from .text import collapse


@dataclass(frozen=True, slots=True)
class Value:
    """A text and the field it was read from ("og:title", "<title>", "WebSite name", …)."""

    text: str
    source: str


@dataclass(frozen=True, slots=True)
class DeclaredImage:
    url: str  # absolute when the page's URL is known
    source: str  # og:image, twitter:image, twitter:image:src
    width: int | None
    height: int | None
    alt: str | None = None


def first(value: Any) -> str | None:
    """The first non-empty string of a value that may be a list (a property given several times)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            return item.strip()
    return None


def pick(meta: dict, *keys: str) -> Value | None:
    """The first of `keys` that has a non-empty value: `og:*` / `twitter:*` properties, or the report's
    own `title` / `description` (named "<title>" and "meta description")."""
    names = {"title": "<title>", "description": "meta description"}
    for key in keys:
        if key.startswith("og:") or key.startswith("article:"):
            raw = (meta.get("og") or {}).get(key)
        elif key.startswith("twitter:"):
            raw = (meta.get("twitter") or {}).get(key)
        elif key == "post.title":
            raw = (meta.get("post") or {}).get("title")
        else:
            raw = meta.get(key)
        text = first(raw)
        if text:
            return Value(collapse(text), names.get(key, key))
    return None


def page_url(meta: dict) -> Value | None:
    """The page's address as a link to it would read: the canonical, else og:url, else the post's link."""
    found = pick(meta, "canonical", "og:url")
    if found is not None:
        return Value(found.text, "canonical" if found.source == "canonical" else found.source)
    link = first((meta.get("post") or {}).get("link"))
    return Value(link, "post link") if link else None


def absolute(url: str, base: str | None) -> str:
    """`url` made absolute against the page's URL when it is relative (a relative og:image is read that way
    by crawlers that accept it at all)."""
    if base and not urlsplit(url).scheme:
        return urljoin(base, url)
    return url


def host(url: str | None) -> str | None:
    if not url:
        return None
    name = urlsplit(url).hostname
    return name or None


def pixels(value: Any) -> int | None:
    """A positive integer size: og:image:width is an ogp.me integer ("1200"), the plugins' JSON an int."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.strip().isdecimal():
        number = int(value.strip())
        return number if number > 0 else None
    return None


def og_images(meta: dict) -> list[DeclaredImage]:
    """The og:images with their declared sizes, in order (the first is the one the cards use)."""
    base = page_url(meta)
    found = []
    for image in meta.get("og_images") or []:
        url = first(image.get("url")) if isinstance(image, dict) else None
        if url:
            found.append(DeclaredImage(absolute(url, base.text if base else None), "og:image",
                                       pixels(image.get("width")), pixels(image.get("height")),
                                       first(image.get("alt"))))
    return found


def twitter_image(meta: dict) -> DeclaredImage | None:
    """The card image X uses: twitter:image (or its older name twitter:image:src), else the first og:image
    (X's fallback). A twitter:image that is also an og:image takes that og:image's declared size."""
    own = pick(meta, "twitter:image", "twitter:image:src")
    images = og_images(meta)
    if own is None:
        return images[0] if images else None
    base = page_url(meta)
    url = absolute(own.text, base.text if base else None)
    for image in images:
        if image.url == url:
            return DeclaredImage(url, own.source, image.width, image.height, image.alt)
    twitter = meta.get("twitter") or {}
    return DeclaredImage(url, own.source, pixels(first(twitter.get("twitter:image:width"))),
                         pixels(first(twitter.get("twitter:image:height"))), first(twitter.get("twitter:image:alt")))


def jsonld_nodes(meta: dict) -> list[dict]:
    """Every JSON-LD node of the page: top-level objects and the members of their `@graph`s."""
    nodes: list[dict] = []
    for block in meta.get("jsonld") or []:
        items = block if isinstance(block, list) else [block]
        for item in items:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            nodes.extend(n for n in (graph if isinstance(graph, list) else [item]) if isinstance(n, dict))
    return nodes


def is_type(node: dict, name: str) -> bool:
    types = node.get("@type")
    return name in (types if isinstance(types, list) else [types])


def website_name(meta: dict) -> Value | None:
    """The WebSite node's `name` (Google's first choice for the site name), else its `alternateName`."""
    for node in jsonld_nodes(meta):
        if is_type(node, "WebSite"):
            for key in ("name", "alternateName"):
                text = first(node.get(key))
                if text:
                    return Value(collapse(text), f"WebSite {key}")
    return None


def breadcrumb_names(meta: dict) -> list[tuple[str, str | None]]:
    """The (name, item URL) of the first BreadcrumbList's items, in `position` order; [] when there is none."""
    for node in jsonld_nodes(meta):
        if not is_type(node, "BreadcrumbList"):
            continue
        items = node.get("itemListElement")
        crumbs = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            target = item.get("item")
            url = first(target.get("@id") or target.get("url")) if isinstance(target, dict) else first(target)
            name = first(item.get("name")) or (first(target.get("name")) if isinstance(target, dict) else None)
            position = item.get("position")
            if name:
                crumbs.append((position if isinstance(position, int) else len(crumbs) + 1, collapse(name), url))
        return [(name, url) for _, name, url in sorted(crumbs, key=lambda crumb: crumb[0])]
    return []


def robots_noindex(meta: dict) -> bool:
    text = (meta.get("robots") or "").lower()
    return any(token.strip() in ("noindex", "none") for token in text.split(","))
