"""The sitemap rules on sitemap files read offline (the docstring examples run in tests/test_rule_docs.py)."""

from __future__ import annotations

import gzip

from seoaudit.engine import Config, audit
from seoaudit.extract.sitemap import MAX_BYTES
from seoaudit.load import load_bytes

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def urlset(*entries: str) -> bytes:
    return (HEAD + "".join(f"  <url><loc>{loc}</loc>{f'<lastmod>{mod}</lastmod>' if mod is not None else ''}</url>\n"
                           for loc, mod in (e if isinstance(e, tuple) else (e, None) for e in entries))
            + "</urlset>\n").encode()


def findings(data: bytes, name: str = "public/sitemap.xml", config: Config | None = None):
    [result] = audit(load_bytes(data, name), config or Config()).documents
    assert result.document.kind == "sitemap"
    return result.findings


def test_a_good_sitemap_has_no_finding_and_its_metadata():
    data = urlset(("https://example.com/a/", "2026-03-14"), ("https://example.com/b/", "2026-03-14T09:30:00Z"))
    [result] = audit(load_bytes(data, "sitemap.xml"), Config()).documents
    assert result.findings == []
    assert result.metadata == {"sitemap": {"type": "urlset", "entries": 2, "bytes": len(data)}}


def test_findings_name_the_line_of_the_first_offender_and_count_them_all():
    data = urlset("https://example.com/a/", "/b/", "/c/", "/d/", "/e/")
    [finding] = findings(data)
    assert finding.rule == "sitemap/url-invalid" and finding.location.line == 4
    assert finding.message == ("4 <loc>s of public/sitemap.xml are not an absolute http(s) URL: /b/, /c/, /d/ "
                               "and 1 more")
    assert finding.value == ["/b/", "/c/", "/d/", "/e/"]


def test_the_site_url_decides_the_host_of_a_sitemap():
    data = urlset("https://cms.example.com/a/", "https://cms.example.com/b/", "https://www.example.com/c/")
    [finding] = findings(data)
    assert finding.rule == "sitemap/host-mismatch" and "https://www.example.com (1)" in finding.message
    [finding] = findings(data, config=Config(site_url="https://www.example.com"))
    assert "2 URLs of public/sitemap.xml are not on https://www.example.com (the site-url)" in finding.message


def test_http_and_https_are_two_origins():
    [finding] = findings(urlset("https://example.com/a/", "https://example.com/b/", "http://example.com/c/"))
    assert finding.rule == "sitemap/host-mismatch" and finding.value == ["http://example.com/c/"]


def test_lastmod_forms():
    good = ["2026", "2026-03", "2026-03-14", "2026-03-14T09:30Z", "2026-03-14T09:30:59+14:00",
            "2026-03-14T09:30:00.25-05:00"]
    bad = ["2026-3-14", "2026-03-14T09:30", "2026-03-14 09:30:00Z", "2026-13-01", "2026-02-29", "", "Mar 14 2026",
           "2026-03-14T24:00Z"]
    entries = [(f"https://example.com/{i}/", value) for i, value in enumerate(good + bad)]
    [finding] = findings(urlset(*entries))
    assert finding.rule == "sitemap/lastmod-invalid" and finding.value == bad


def test_a_sitemap_index_is_checked_the_same_way():
    data = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<sitemap><loc>https://example.com/post-sitemap.xml</loc><lastmod>yesterday</lastmod></sitemap>"
            b"<sitemap><loc>page-sitemap.xml</loc></sitemap></sitemapindex>")
    assert {f.rule for f in findings(data, "sitemap_index.xml")} == {"sitemap/url-invalid", "sitemap/lastmod-invalid"}


def test_over_50_mb_uncompressed_is_too_large_without_parsing_it():
    body = urlset("https://example.com/a/")
    padding = b"<!--" + b" " * (MAX_BYTES - len(body)) + b"-->"
    big = gzip.compress(body.replace(b"</urlset>", padding + b"</urlset>"), compresslevel=1)
    [finding] = findings(big, "public/sitemap.xml.gz")
    assert finding.rule == "sitemap/too-large" and "larger than 50 MB" in finding.message


def test_more_urls_than_the_limit():
    data = urlset(*(f"https://example.com/{i}/" for i in range(5)))
    [finding] = findings(data, config=Config(options={"sitemap/too-large": {"max_urls": 3}}))
    assert finding.message == "public/sitemap.xml lists 5 URLs, over the 3 a sitemap file may hold"
    assert finding.location.line == 6  # the fourth entry, the first one too many


def test_a_sitemap_named_file_that_is_no_xml_is_malformed_not_a_page():
    [finding] = findings(b"<html><head><title>Not found</title></head></html>", "sitemap.xml")
    assert finding.rule == "sitemap/malformed" and "neither <urlset> nor <sitemapindex>" in finding.message
    [finding] = findings(HEAD.encode() + b"<url><loc>https://example.com/?a=1&b=2</loc></url></urlset>")
    assert finding.rule == "sitemap/malformed" and finding.location.line == 3
