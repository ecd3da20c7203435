"""Sitemaps (`<urlset>`) and sitemap indexes (`<sitemapindex>`), plain or gzipped, read safely and bounded."""

from __future__ import annotations

import gzip
import io
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
    """("urlset" | "index", absolute URLs in document order). Read as a stream (a gzipped sitemap is inflated
    as it is parsed, under MAX_UNCOMPRESSED), keeping only the URLs: memory stays near the list of URLs."""
    from lxml import etree

    stream = io.BytesIO(body)
    if body[:2] == b"\x1f\x8b":
        stream = _Capped(gzip.GzipFile(fileobj=stream), MAX_UNCOMPRESSED)
    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=False, recover=False, load_dtd=False)
    name = child = None
    found: list[str] = []
    taken = False  # the current <url>/<sitemap> has given its <loc>
    try:
        for event, element in events:
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if name is None:
                if local not in ("urlset", "sitemapindex"):
                    raise SitemapError(f"XML root <{local}> is neither <urlset> nor <sitemapindex>")
                name, child = local, ("url" if local == "urlset" else "sitemap")
                continue
            parent = element.getparent()
            if event == "start":
                if local == child and parent is not None and parent.getparent() is None:
                    taken = False
                continue
            at_entry = parent is not None and etree.QName(parent).localname == child \
                and parent.getparent() is not None and parent.getparent().getparent() is None
            if local == "loc" and at_entry and not taken and (element.text or "").strip():
                found.append(urljoin(base_url, element.text.strip()))
                taken = True
            if parent is not None and parent.getparent() is None:
                element.clear()  # an entry is done: free it
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"sitemap is not well-formed XML: {exc}") from None
    except (OSError, EOFError) as exc:
        raise SitemapError(f"gzip sitemap cannot be read: {exc}") from None
    return ("urlset" if name == "urlset" else "index"), found


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
