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
    `<loc>` is left out. Raises SitemapError for what is no sitemap. Read as a stream (a gzipped sitemap is
    inflated as it is parsed, under MAX_UNCOMPRESSED), each entry freed once read: memory stays near the
    list of entries."""
    from lxml import etree

    stream = io.BytesIO(body)
    if body[:2] == b"\x1f\x8b":
        stream = _Capped(gzip.GzipFile(fileobj=stream), MAX_UNCOMPRESSED)
    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=False, recover=False, load_dtd=False)
    name = child = None
    found: list[Entry] = []
    try:
        for event, element in events:
            if not isinstance(element.tag, str):
                continue
            if name is None:
                name = etree.QName(element).localname
                if name not in ("urlset", "sitemapindex"):
                    raise SitemapError(f"XML root <{name}> is neither <urlset> nor <sitemapindex>")
                child = "url" if name == "urlset" else "sitemap"
                continue
            parent = element.getparent()
            if event != "end" or parent is None or parent.getparent() is not None:
                continue  # only a whole entry, a child of the root, is read
            if etree.QName(element).localname == child:
                entry = _entry(element, etree)
                if entry is not None:
                    found.append(entry)
            element.clear()  # an entry is done: free it
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"sitemap is not well-formed XML: {exc}") from None
    except (OSError, EOFError) as exc:
        raise SitemapError(f"gzip sitemap cannot be read: {exc}") from None
    if name is None:
        raise SitemapError("sitemap is not well-formed XML: no root element")
    return Sitemap("urlset" if name == "urlset" else "index", tuple(found))


def _entry(element, etree) -> Entry | None:
    fields: dict = {}
    for part in element:
        if isinstance(part.tag, str):
            fields.setdefault(etree.QName(part).localname, part)
    loc = fields.get("loc")
    if loc is None or not (loc.text or "").strip():
        return None
    lastmod = fields.get("lastmod")
    return Entry(loc.text.strip(), (lastmod.text or "").strip() if lastmod is not None else None, loc.sourceline)


class _Capped(io.RawIOBase):
    """A stream that refuses to give more than `limit` bytes (a gzip bomb stops at the limit)."""

    def __init__(self, inner, limit: int):
        self.inner, self.left = inner, limit

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size if size >= 0 else 64 * 1024)
        self.left -= len(data)
        if self.left < 0:
            raise SitemapError("gzip sitemap is larger than 60 MB uncompressed")
        return data
