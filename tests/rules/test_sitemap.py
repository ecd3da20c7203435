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


def test_the_site_url_decides_the_host_of_a_sitemap():
    data = urlset("https://cms.example.com/a/", "https://cms.example.com/b/", "https://www.example.com/c/")
    [finding] = findings(data)
    assert finding.rule == "sitemap/host-mismatch" and "https://www.example.com (1)" in finding.message
    [finding] = findings(data, config=Config(site_url="https://www.example.com"))
    assert "2 URLs of public/sitemap.xml are not on https://www.example.com (the site-url)" in finding.message


def test_http_and_https_are_two_origins():
    [finding] = findings(urlset("https://example.com/a/", "https://example.com/b/", "http://example.com/c/"))
    assert finding.rule == "sitemap/host-mismatch" and finding.value == ["http://example.com/c/"]


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


def test_a_sitemap_named_file_that_is_no_xml_is_malformed_not_a_page():
    [finding] = findings(b"<html><head><title>Not found</title></head></html>", "sitemap.xml")
    assert finding.rule == "sitemap/malformed" and "neither <urlset> nor <sitemapindex>" in finding.message
    [finding] = findings(HEAD.encode() + b"<url><loc>https://example.com/?a=1&b=2</loc></url></urlset>")
    assert finding.rule == "sitemap/malformed" and finding.location.line == 3


# -- across documents: the sitemaps of a run against its pages ------------------------------------------------

PAGE = ('<html><head><title>{title}</title><link rel="canonical" href="{url}">{extra}</head>'
        '<body><h1>{title}</h1></body></html>')


def page(url: str, title: str = "A page", extra: str = "") -> bytes:
    return PAGE.format(url=url, title=title, extra=extra).encode()


def run(*files: tuple[bytes, str], config: Config | None = None) -> dict[str, list]:
    documents = [doc for data, name in files for doc in load_bytes(data, name)]
    report = audit(documents, config or Config(select=("sitemap",)))
    return {r.document.display_source: [(f.rule, f.location.line, f.message) for f in r.findings]
            for r in report.documents}


def test_a_listed_wordpress_post_that_is_noindex():
    post = {"id": 3, "status": "publish", "link": "https://example.com/hello/", "title": {"rendered": "Hello"},
            "yoast_head_json": {"robots": {"index": "noindex", "follow": "follow"}, "og_url": "https://example.com/hello/"}}
    import json

    found = run((urlset("https://example.com/", "https://EXAMPLE.com/hello/#top"), "sitemap.xml"),
                (json.dumps(post).encode(), "content/hello.json"))
    [(rule, line, message)] = found["sitemap.xml"]
    assert rule == "sitemap/noindex-url" and line == 4 and "its page (content/hello.json) is noindex" in message
    assert found["content/hello.json"] == []


def test_pages_missing_from_every_sitemap_of_their_origin():
    found = run((urlset("https://example.com/a/"), "public/sitemap.xml"),
                (page("https://example.com/a/"), "public/a/index.html"),
                (page("https://example.com/b/"), "public/b/index.html"),
                (page("https://shop.example.com/c/"), "public/c/index.html"),  # an origin no sitemap covers
                (page("https://example.com/d/", extra='<meta name="robots" content="noindex">'), "public/d.html"),
                (page("https://example.com/a/", extra='<meta property="og:url" content="https://example.com/e/">'),
                 "public/e/index.html"))  # canonicalised elsewhere: not a page to list
    assert {doc for doc, findings in found.items() if findings} == {"public/b/index.html"}
    [(rule, line, message)] = found["public/b/index.html"]
    assert rule == "sitemap/page-not-listed" and line == 1 and message.startswith("https://example.com/b/ is indexable")


def test_a_sitemap_index_whose_sitemaps_are_not_all_in_the_run_says_nothing():
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>https://example.com/post-sitemap.xml</loc></sitemap>"
             b"<sitemap><loc>https://example.com/page-sitemap.xml.gz</loc></sitemap></sitemapindex>")
    files = [(index, "public/sitemap_index.xml"), (urlset("https://example.com/a/"), "public/post-sitemap.xml"),
             (page("https://example.com/b/"), "public/b.html")]
    assert not any(run(*files).values())
    files.append((gzip.compress(urlset("https://example.com/c/")), "public/page-sitemap.xml.gz"))
    assert [rule for rule, _, _ in run(*files)["public/b.html"]] == ["sitemap/page-not-listed"]


def test_findings_across_documents_do_not_depend_on_their_order():
    files = [(urlset("https://example.com/a/", "https://example.com/p/2/"), "sitemap.xml"),
             (page("https://example.com/", extra='<meta property="og:url" content="https://example.com/p/2/">'),
              "p2.html"),
             (page("https://example.com/a/", extra='<meta name="robots" content="none">'), "a.html"),
             (page("https://example.com/z/"), "z.html")]
    forward, backward = run(*files), run(*reversed(files))
    assert forward == backward
    assert sorted(rule for findings in forward.values() for rule, _, _ in findings) == [
        "sitemap/noindex-url", "sitemap/non-canonical-url", "sitemap/page-not-listed"]


def test_a_lastmod_earlier_than_the_page_is_stale_at_the_precision_it_states():
    import json

    post = {"id": 3, "status": "publish", "link": "https://example.com/hello/", "title": {"rendered": "Hello"},
            "modified_gmt": "2026-03-14T22:30:00", "yoast_head_json": {"canonical": "https://example.com/hello/"}}
    edited = {**post, "modified_gmt": "2026-03-20T08:00:00"}  # the same post, exported again after an edit

    def stale(lastmod: str, *posts) -> list:
        files = [(urlset(("https://example.com/hello/", lastmod)), "sitemap.xml"),
                 *((json.dumps(p).encode(), f"content/{i}.json") for i, p in enumerate(posts or [post]))]
        return [m for rule, _, m in run(*files, config=Config(select=("sitemap/lastmod-stale",)))["sitemap.xml"]]

    assert stale("2026-03-14") == []  # the same day: 22:30 UTC is within it in some time zone
    assert stale("2026-03") == [] and stale("2026-03-14T22:29:30Z") == []  # within the tolerance
    assert stale("2026-03-14T23:00:00+02:00") == ["sitemap.xml gives https://example.com/hello/ the lastmod "
                                                  "2026-03-14T23:00:00+02:00, but its page (content/0.json) was "
                                                  "modified 2026-03-14T22:30:00"]
    assert len(stale("2026-03-13")) == 1 and stale("not a date") == []  # an unreadable lastmod: lastmod-invalid
    assert stale("2026-03-15", post, edited) == ["sitemap.xml gives https://example.com/hello/ the lastmod 2026-03-15, "
                                                 "but its page (content/1.json) was modified 2026-03-20T08:00:00"]


def test_listed_urls_without_a_page_in_a_built_site():
    sitemap = urlset("https://example.com/", "https://example.com/about/", "https://example.com/team.html",
                     "https://example.com/gone/", "https://example.com/old/")
    files = [(sitemap, "public/sitemap.xml"),
             (page("https://example.com/"), "public/index.html"),
             (b"<html><head><title>About</title></head></html>", "public/about/index.html"),  # by its file
             (page("https://example.com/team.html"), "public/team.html")]
    config = Config(select=("sitemap/url-missing",))
    found = run(*files, config=config)
    assert found["public/sitemap.xml"] == [(
        "sitemap/url-missing", 6, "2 URLs of public/sitemap.xml have no page in this run (3 of 5 do): "
        "https://example.com/gone/, https://example.com/old/")]
    assert run(*reversed(files), config=config) == found
    # a sample of the site (fewer than half of its pages) says nothing
    assert not any(run(*files[:2], config=config).values())
    # nor does a WordPress export, which holds posts, not every page the sitemap lists
    import json

    posts = [{"link": f"https://example.com/{slug}/", "status": "publish", "title": {"rendered": slug}}
             for slug in ("", "about", "team", "gone")]
    assert not any(run((sitemap, "sitemap.xml"), (json.dumps(posts).encode(), "posts.json"), config=config).values())


def recorded(url: str, body: bytes, redirects: tuple[tuple[str, int], ...] = ()) -> bytes:
    """A page as live mode or a crawl archive records it: the URL asked for, its redirects, the final URL."""
    import json

    final = url
    hops = []
    for source, status in redirects:
        hops.append({"url": source, "status": status, "location": url})
    first = hops[0]["url"] if hops else url
    return json.dumps({"seoaudit_http": {"url": first, "status": 200, "final_url": final, "redirects": hops},
                       "body": body.decode()}).encode()


def test_a_listed_url_the_run_saw_redirect_is_one_finding_on_the_sitemap():
    files = [(urlset("https://example.com/old-pricing/", "https://example.com/about/"), "sitemap.xml"),
             (recorded("https://example.com/pricing/", page("https://example.com/pricing/"),
                       redirects=(("https://example.com/old-pricing/", 301),)), "crawl/pricing.json"),
             (recorded("https://example.com/about/", page("https://example.com/about/"),
                       redirects=(("http://example.com/about", 301),)), "crawl/about.json")]
    found = run(*files)
    [(rule, line, message)] = found["sitemap.xml"]
    assert (rule, line) == ("sitemap/redirected-url", 3)
    assert message == ("sitemap.xml lists https://example.com/old-pricing/, which redirects (HTTP 301) to "
                       "https://example.com/pricing/ (crawl/pricing.json)")
    # the page the redirect leads to is reached from the sitemap: not also "not listed"; about/ is listed itself
    assert found["crawl/pricing.json"] == [] and found["crawl/about.json"] == []
    assert run(*reversed(files)) == found


def test_without_recorded_redirects_a_listed_url_is_not_judged_a_redirect():
    found = run((urlset("https://example.com/old-pricing/"), "sitemap.xml"),
                (page("https://example.com/pricing/"), "pricing.html"))
    assert [rule for rule, _, _ in found["sitemap.xml"]] == []
    assert [rule for rule, _, _ in found["pricing.html"]] == ["sitemap/page-not-listed"]
