"""Sitemaps (`<urlset>`) and sitemap indexes (`<sitemapindex>`), plain or gzipped, read safely and bounded."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from urllib.parse import urljoin

MAX_UNCOMPRESSED = 60 * 1024 * 1024  # the sitemaps.org limit is 50 MB uncompressed


class SitemapError(ValueError):
    pass


def looks_like_sitemap(body: bytes, content_type: str = "", url: str = "") -> bool:
    if body[:2] == b"\x1f\x8b":
        return url.lower().endswith((".xml.gz", ".gz")) or "gzip" in content_type or "xml" in content_type
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    return (head.startswith(b"<?xml") and (b"<urlset" in body[:8192] or b"<sitemapindex" in body[:8192])) \
        or head.startswith((b"<urlset", b"<sitemapindex"))


def parse(body: bytes, base_url: str) -> tuple[str, list[str]]:
    """("urlset" | "index", absolute URLs in document order)."""
    found = read(body)
    return found.kind, [urljoin(base_url, entry.loc) for entry in found.entries]


@dataclass(frozen=True, slots=True)
class Entry:
    """One `<url>` or `<sitemap>` of a sitemap: its `<loc>` as written, its `<lastmod>`, and its line."""

    loc: str
    lastmod: str | None
    line: int | None


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: str  # "urlset" | "index"
    entries: tuple[Entry, ...]


def read(body: bytes) -> Sitemap:
    """The entries of a sitemap or sitemap index (gzipped or not), in document order; an entry without a
    `<loc>` is left out. Raises SitemapError for what is no sitemap."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
                body = stream.read(MAX_UNCOMPRESSED + 1)
        except (OSError, EOFError) as exc:
            raise SitemapError(f"gzip sitemap cannot be read: {exc}") from None
        if len(body) > MAX_UNCOMPRESSED:
            raise SitemapError("gzip sitemap is larger than 60 MB uncompressed")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"sitemap is not well-formed XML: {exc}") from None
    name = etree.QName(root).localname
    if name not in ("urlset", "sitemapindex"):
        raise SitemapError(f"XML root <{name}> is neither <urlset> nor <sitemapindex>")
    child = "url" if name == "urlset" else "sitemap"
    found = []
    for element in root:
        if not isinstance(element.tag, str) or etree.QName(element).localname != child:
            continue
        fields: dict = {}
        for part in element:
            if isinstance(part.tag, str):
                fields.setdefault(etree.QName(part).localname, part)
        loc = fields.get("loc")
        if loc is not None and (loc.text or "").strip():
            lastmod = fields.get("lastmod")
            found.append(Entry(loc.text.strip(), (lastmod.text or "").strip() if lastmod is not None else None,
                               loc.sourceline))
    return Sitemap("urlset" if name == "urlset" else "index", tuple(found))
