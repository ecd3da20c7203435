"""A sitemap file read offline (a built site's `sitemap.xml` beside its pages): the facts the `sitemap/*`
rules check. Parsed by the same safe, bounded parser live mode uses (`seoaudit.extract.sitemap_xml.read`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .sitemap_xml import Sitemap, SitemapError, read

# sitemaps.org: at most 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed per file.
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SitemapFile:
    size: int  # bytes, uncompressed; MAX_BYTES + 1 means "more than MAX_BYTES" (it was not read further)
    sitemap: Sitemap | None  # None: too large, or not a sitemap at all (`error` says why)
    error: str | None = None

    @property
    def too_large(self) -> bool:
        return self.size > MAX_BYTES


def sitemap_file(data: bytes) -> SitemapFile:
    """`data`: the file's bytes, decompressed, at most MAX_BYTES + 1 of them."""
    if len(data) > MAX_BYTES:
        return SitemapFile(len(data), None)
    try:
        return SitemapFile(len(data), read(data))
    except SitemapError as exc:
        return SitemapFile(len(data), None, str(exc))


def looks_like_sitemap_name(name: str) -> bool:
    """`sitemap.xml`, `sitemap-posts.xml`, `post-sitemap2.xml` (Yoast), `wp-sitemap-posts-post-1.xml`…"""
    base = name.lower().rsplit("/", 1)[-1].removesuffix(".gz")
    return base.endswith(".xml") and "sitemap" in base
