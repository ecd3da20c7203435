"""Live mode against hostile servers, through the real CLI: every server is on 127.0.0.x.

127.0.0.1 is the audited site (named on the command line, so trusted); 127.0.0.2 stands for an internal host
(an admin panel, a metadata service) that pages, sitemaps and redirects name. Names are resolved by a stub
resolver, and `no_traffic_outside_loopback` fails any test whose code connects beyond 127.0.0.0/8.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import socket
import time

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.live import connect

from .live_server import LiveServer, Route, gzip_bomb, page

runner = CliRunner()
NO_CREDENTIALS = {"SEOAUDIT_WP_USER": "", "SEOAUDIT_WP_APP_PASSWORD": ""}
SECRET = "abcd EFGH ijkl MNOP qrst UVWX"
CREDENTIALS = {"SEOAUDIT_WP_USER": "editor", "SEOAUDIT_WP_APP_PASSWORD": SECRET}


@pytest.fixture(autouse=True)
def no_traffic_outside_loopback(monkeypatch):
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        if not ipaddress.ip_address(address[0]).is_loopback:
            pytest.fail(f"a connection to {address[0]} was attempted")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture(autouse=True)
def stub_dns(monkeypatch):
    """Names resolve from this table only (the tests add to it); nothing asks a real DNS server."""
    table: dict[str, list[str]] = {}

    def resolve(host, port):
        if host not in table:
            raise socket.gaierror(f"{host}: unknown to the test's stub resolver")
        return [ipaddress.ip_address(a) for a in table[host]]

    monkeypatch.setattr(connect, "system_resolver", resolve)
    return table


def audit(*args, env=None):
    argv = ["check", "--isolated", "--format", "json", "--ignore", "url/dev-host", *map(str, args)]
    result = runner.invoke(app, argv, env={**NO_CREDENTIALS, **(env or {})})
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    return result, report


def findings(report, rule=None, index=0) -> list[dict]:
    return [f for f in report["documents"][index]["findings"] if rule is None or f["rule"] == rule]


def notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("seoaudit: note:")]


def timed(call):
    start = time.monotonic()
    value = call()
    return value, time.monotonic() - start


# -- 1. deadlines that hold -------------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["drip_head", "drip_body"])
def test_slow_drip_costs_at_most_the_request_deadline(server, where):
    url = server.add("/drip/", Route(body=page() * 2, **{where: 0.2}))  # a byte every 0.2 s: a minute or more
    (result, _), elapsed = timed(lambda: audit(url, "--timeout", "1"))
    assert result.exit_code == 2
    assert "timed out: no complete answer within the 1 s --timeout of one request" in result.stderr
    assert elapsed < 15, elapsed  # the whole answer would take over 60 s


def test_a_url_deadline_covers_its_redirects(server):
    for i in range(4):  # every hop answers within --timeout, the chain does not within twice it
        server.add(f"/hop{i}", Route(301, b"", [("Location", server.url(f"/hop{i + 1}"))], delay=0.8))
    server.add("/hop4", body=page())
    result, _ = audit(server.url("/hop0"), "--timeout", "1")
    assert result.exit_code == 2
    assert "the 2 s one URL may take with its redirects and retries (twice --timeout)" in result.stderr
    assert "(after " in result.stderr  # the hops already taken


def test_a_dripping_served_page_is_an_http_error_finding(server):
    server.add("/wp-json/wp/v2/posts/5", content_type="application/json", body=json.dumps(
        {"id": 5, "link": server.url("/slow-post/"), "status": "publish", "title": {"rendered": "T"}}).encode())
    server.add("/slow-post/", Route(body=page() * 3, drip_body=0.2))
    server.add("/image.png", Route(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 500, drip_body=0.2, content_type="image/png"))
    server.add("/p/", body=page(canonical=server.url("/p/"), extra=f'<meta property="og:image" '
                                                             f'content="{server.url("/image.png")}">'))
    result, report = audit(server.url("/wp-json/wp/v2/posts/5"), server.url("/p/"), "--timeout", "1")
    assert result.exit_code == 1, result.stderr
    served = findings(report, "url/http-error", 0)
    assert served and "cannot be fetched: timed out" in served[0]["message"]
    image = findings(report, "image/fetch-failed", 1)
    assert image and "timed out" in image[0]["message"]


def test_max_time_stops_the_run_with_one_finding(server):
    for i in range(12):
        server.add(f"/slow{i}/", body=page(f"Slow {i}", canonical=server.url(f"/slow{i}/")), delay=3)
    server.add("/fast/", body=page("Fast", canonical=server.url("/fast/")))
    locs = "".join(f"<url><loc>{server.url(f'/slow{i}/')}</loc></url>" for i in range(12))
    sitemap = server.add("/sitemap.xml", content_type="application/xml",
                         body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode())
    (result, report), elapsed = timed(lambda: audit(server.url("/fast/"), sitemap, "--max-time", "1",
                                                    "--concurrency", "2", "--select", "url"))
    assert result.exit_code == 2
    assert elapsed < 10, elapsed  # 12 slow pages at 2 at a time would take 18 s
    sources = [d["source"] for d in report["documents"]]
    assert sources[0] == server.url("/fast/")
    last = report["documents"][-1]
    assert last["source"] == "--max-time 1" and "reached its --max-time of 1 s" in last["findings"][0]["message"]
    assert len(sources) == 2  # the fetches it stopped are one finding, not one per URL


# -- 2. no internal fetches ----------------------------------------------------------------------------------

def test_a_redirect_into_an_internal_host_is_refused(server, internal):
    internal.add("/admin", body=page("INTERNAL ADMIN"))
    server.redirect("/go", internal.url("/admin?via=redirect"), 302)
    server.redirect("/meta", "http://169.254.169.254/latest/meta-data/", 302)
    result, report = audit(server.url("/go"), server.url("/meta"), "--no-follow")
    assert result.exit_code == 2
    assert internal.seen == []
    assert "127.0.0.2 is a loopback address: not fetched (--allow-private" in result.stderr
    assert "169.254.169.254 is a link-local address (the cloud metadata service lives there)" in result.stderr
    assert "INTERNAL ADMIN" not in result.stdout
    result, report = audit(server.url("/go"), "--no-follow", "--allow-private")
    assert result.exit_code in (0, 1) and report["documents"][0]["metadata"]["title"] == "INTERNAL ADMIN"


def test_canonical_and_images_on_an_internal_host_are_not_fetched(server, internal):
    internal.add("/admin", body=page("INTERNAL", extra='<meta name="robots" content="noindex">'))
    extra = (f'<meta property="og:image" content="{internal.url("/admin?via=og-image")}">'
             f'<meta name="twitter:image" content="{internal.url("/admin?via=twitter-image")}">')
    url = server.add("/ssrf", body=page(canonical=internal.url("/admin?via=canonical"), extra=extra))
    result, report = audit(url)
    assert internal.seen == []
    assert result.exit_code == 1
    target = findings(report, "canonical/target-error")
    assert target and "127.0.0.2 is a loopback address: not fetched" in target[0]["message"]
    assert not findings(report, "canonical/target-noindex")  # the internal page's robots stay unknown
    images = findings(report, "image/fetch-failed")
    assert len(images) == 2 and all("not fetched" in f["message"] for f in images)


def test_sitemap_entries_on_internal_hosts_are_refused(server, internal, stub_dns):
    stub_dns["admin.corp.test"] = ["127.0.0.2"]  # a name: its DNS answer is what is judged
    internal.add("/admin", body=page("INTERNAL"))
    server.add("/ok/", body=page("Public", canonical=server.url("/ok/")))
    locs = [internal.url("/admin"), f"http://admin.corp.test:{internal.port}/admin", "http://10.0.0.5/",
            "http://[::ffff:127.0.0.2]:1/", server.url("/ok/"), "file:///etc/passwd", "gopher://127.0.0.2/"]
    body = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
    url = server.add("/sitemap.xml", content_type="application/xml",
                     body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'.encode())
    result, report = audit(url, "--no-follow", "--select", "url")
    assert result.exit_code == 2
    assert internal.seen == []
    assert [d["source"] for d in report["documents"]] == locs[:5]  # file: and gopher: are never fetched
    assert "admin.corp.test (127.0.0.2) is a loopback address" in result.stderr
    assert "10.0.0.5 is a private address" in result.stderr
    assert "::ffff:127.0.0.2 is a loopback address" in result.stderr
    assert report["documents"][4]["kind"] == "html"


def test_allow_private_hosts_in_the_config(server, internal, tmp_path):
    internal.add("/admin", body=page("Staging"))
    server.redirect("/go", internal.url("/admin"))
    config = tmp_path / ".seoaudit.toml"
    config.write_text('allow-private-hosts = ["127.0.0.2"]\n')
    result = runner.invoke(app, ["check", "--config", str(config), "--format", "json", server.url("/go"),
                                 "--select", "url/http-error"], env=NO_CREDENTIALS)
    assert result.exit_code == 0, result.stderr
    assert internal.requests_to("/admin")
    config.write_text('allow-private-hosts = ["10.0.0.0/33"]\n')
    result = runner.invoke(app, ["check", "--config", str(config), server.url("/go")], env=NO_CREDENTIALS)
    assert result.exit_code == 2 and "allow-private-hosts: '10.0.0.0/33' is not a network" in result.stderr


# -- 3. credentials only where they belong -------------------------------------------------------------------

def rest_post(server: LiveServer, number: int, link: str) -> str:
    return server.add(f"/wp-json/wp/v2/posts/{number}", content_type="application/json", body=json.dumps(
        {"id": number, "link": link, "status": "publish", "title": {"rendered": "T"}}).encode())


def test_check_sends_no_password_without_wp_origin(server, internal):
    internal.add("/p/1", content_type="application/json", body=b'{"code":"rest_no_route","message":"x","data":{}}')
    wordpress = rest_post(server, 17, server.url("/p/17/"))
    server.add("/p/17/", body=page(canonical=server.url("/p/17/")))
    result, _ = audit(internal.url("/p/1?rest_route=/anything"), wordpress, env=CREDENTIALS)
    assert internal.seen and server.seen
    assert all("authorization" not in s.headers for s in internal.seen + server.seen)
    assert "SEOAUDIT_WP_APP_PASSWORD is set but not sent: name the WordPress site" in result.stderr
    result, _ = audit(internal.url("/p/1?rest_route=/anything"), wordpress, "--wp-origin", server.origin,
                      env=CREDENTIALS)
    assert server.requests_to("/wp-json/wp/v2/posts/17")[-1].headers["authorization"].startswith("Basic ")
    assert all("authorization" not in s.headers for s in internal.seen)  # a REST-looking URL elsewhere: nothing
    assert SECRET not in result.stdout + result.stderr


def test_no_password_after_a_redirect_to_another_origin(server, internal):
    internal.add("/elsewhere.json", content_type="application/json", body=b'{"code":"x","message":"x","data":{}}')
    server.redirect("/wp-json/wp/v2/posts/1", internal.url("/elsewhere.json"), 307)
    audit(server.url("/wp-json/wp/v2/posts/1"), "--wp-origin", server.origin, "--allow-private", env=CREDENTIALS)
    assert "authorization" in server.requests_to("/wp-json/wp/v2/posts/1")[0].headers
    assert internal.requests_to("/elsewhere.json") and all("authorization" not in s.headers for s in internal.seen)


def test_site_sends_the_password_to_its_origin_only(server):
    with LiveServer("127.0.0.1") as second:  # the same host on another port is another origin
        second.add("/p/", body=page(canonical=second.url("/p/")))
        plain_wordpress(server, [{"id": 1, "link": second.url("/p/"), "status": "publish", "title": {"rendered": "T"}}])
        result = runner.invoke(app, ["site", server.origin, "--isolated", "--format", "json", "--allow-private"],
                               env=CREDENTIALS)
        assert result.exit_code in (0, 1), result.stderr
        assert all(s.headers.get("authorization", "").startswith("Basic ") for s in server.seen)
        assert second.seen and all("authorization" not in s.headers for s in second.seen)


def test_plain_http_credentials_to_a_public_host_need_consent(server, stub_dns):
    stub_dns["wp.example.test"] = ["127.0.0.1"]  # stands for a public WordPress reached over http
    wordpress = f"http://wp.example.test:{server.port}"
    server.add("/wp-json/wp/v2/posts", content_type="application/json", body=b"[]", headers=[("X-WP-TotalPages", "1")])
    server.add("/wp-json/wp/v2/pages", content_type="application/json", body=b"[]", headers=[("X-WP-TotalPages", "1")])
    result = runner.invoke(app, ["site", wordpress, "--isolated", "--format", "json"], env=CREDENTIALS)
    assert result.exit_code == 2
    assert "would go over plain http to wp.example.test" in result.stderr and "--allow-http-auth" in result.stderr
    assert server.seen == []  # refused before any request
    result, _ = audit(server.url("/x"), "--wp-origin", wordpress, env=CREDENTIALS)
    assert result.exit_code == 2 and "plain http" in result.stderr and server.seen == []
    result = runner.invoke(app, ["site", wordpress, "--isolated", "--format", "json", "--allow-http-auth"],
                           env=CREDENTIALS)
    assert "seoaudit: warning: the application password in SEOAUDIT_WP_APP_PASSWORD would go over plain http" \
        in result.stderr
    assert server.seen[0].headers["authorization"].startswith("Basic ")
    assert SECRET not in result.stdout + result.stderr


# -- 4. memory under compression -----------------------------------------------------------------------------

def test_gzip_bomb_stops_at_the_cap_and_gzip_pages_are_read(server):
    bomb = server.add("/bomb", Route(body=gzip_bomb(64), headers=[("Content-Encoding", "gzip")]))
    fine = server.add("/gz/", Route(body=gzip.compress(page("Compressed", canonical=server.url("/gz/"))),
                      headers=[("Content-Encoding", "gzip")]))
    result, report = audit(bomb, fine, "--select", "url")
    assert result.exit_code == 2
    assert "body larger than the 10 MB cap" in result.stderr
    assert report["documents"][1]["metadata"]["title"] == "Compressed"


def test_gzipped_sitemap_bomb_is_refused(server):
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a</loc></url>'
    filler = b"<x>" + b" " * 1020 + b"</x>"  # 61 MB of elements no sitemap has: read as a stream, then refused
    data = packer.compress(head) + b"".join(packer.compress(filler * 1024) for _ in range(61)) + packer.flush()
    url = server.add("/sitemap.xml.gz", body=data, content_type="application/gzip")
    result, _ = audit(url)
    assert result.exit_code == 2 and "larger than 60 MB uncompressed" in result.stderr


# -- 5. sitemaps, collections, Retry-After --------------------------------------------------------------------

def sitemap_xml(tag: str, urls: list[str]) -> bytes:
    child = "url" if tag == "urlset" else "sitemap"
    items = "".join(f"<{child}><loc>{u}</loc></{child}>" for u in urls)
    return f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</{tag}>'.encode()


def test_a_sitemap_index_that_lists_itself(server):
    for i in range(3):
        server.add(f"/p{i}/", body=page(f"P{i}", canonical=server.url(f"/p{i}/")))
    server.add("/set.xml", body=sitemap_xml("urlset", [server.url(f"/p{i}/") for i in range(3)]),
               content_type="application/xml")
    listed = [server.url("/index.xml"), server.url("/set.xml")]
    index = server.add("/index.xml", body=sitemap_xml("sitemapindex", listed), content_type="application/xml")
    result, report = audit(index, "--select", "url")
    assert result.exit_code == 0, result.stderr
    assert [d["source"] for d in report["documents"]] == [server.url(f"/p{i}/") for i in range(3)]
    assert server.hits["/index.xml"] == 1 and server.hits["/set.xml"] == 1
    assert notes(result) == [f"seoaudit: note: sitemap loop: {index} lists {index}, which this run reads once"]


def test_two_indexes_that_list_each_other_and_repeated_urls(server):
    server.add("/p/", body=page("P", canonical=server.url("/p/")))
    server.add("/a.xml", body=sitemap_xml("sitemapindex", [server.url("/b.xml"), server.url("/s1.xml")]),
               content_type="application/xml")
    server.add("/b.xml", body=sitemap_xml("sitemapindex", [server.url("/a.xml"), server.url("/s2.xml")]),
               content_type="application/xml")
    server.add("/s1.xml", body=sitemap_xml("urlset", [server.url("/p/"), server.url("/p/#top")]),
               content_type="application/xml")
    server.add("/s2.xml", body=sitemap_xml("urlset", [server.url("/p/"), server.url("/p/?x")]),
               content_type="application/xml")
    result, report = audit(server.url("/a.xml"), "--select", "url", "--no-follow")
    assert sorted(d["source"] for d in report["documents"]) == [server.url("/p/"), server.url("/p/?x")]
    assert server.hits["/p/"] == 1 and server.hits["/a.xml"] == 1
    assert len([n for n in notes(result) if "sitemap loop" in n]) == 1
    assert "2 URL(s) listed more than once in the sitemaps were audited once" in result.stderr


def test_a_self_listing_index_with_changing_urls_fails_the_gate(server):
    index = sitemap_xml("sitemapindex", [server.url(f"/loop.xml?i={i}") for i in range(300)])
    url = server.add("/loop.xml", body=index, content_type="application/xml")
    result, report = audit(url)
    assert result.exit_code == 2
    assert len(notes(result)) <= 2
    assert "had the same content as a sitemap already read" in result.stderr
    assert report["documents"][-1]["source"] == url
    assert "led to no page to audit" in report["documents"][-1]["findings"][0]["message"]
    assert len(server.seen) <= 201


def test_check_follows_a_rest_collection_through_its_pages(server):
    for number in (1, 2, 3):
        items = [{"id": n, "type": "post", "status": "publish", "link": server.url(f"/posts/{n}/"),
                  "title": {"rendered": f"Post {n}"}} for n in range(2 * number - 1, 2 * number + 1)]
        route = Route(body=json.dumps(items).encode(), content_type="application/json",
                      headers=[("X-WP-Total", "6"), ("X-WP-TotalPages", "3")])
        server.add(f"/wp-json/wp/v2/posts?per_page=2&page={number}", route)
        if number == 1:
            server.add("/wp-json/wp/v2/posts?per_page=2", route)
    collection = server.url("/wp-json/wp/v2/posts?per_page=2")
    result, report = audit(collection, "--no-follow", "--select", "url")
    assert result.exit_code == 0, result.stderr
    assert [d["source"] for d in report["documents"]] == [
        f"{collection}#/0", f"{collection}#/1", *(f"{server.url('/wp-json/wp/v2/posts?per_page=2')}&page={p}#/{i}"
                                                  for p in (2, 3) for i in (0, 1))]
    result, report = audit(collection, "--no-follow", "--select", "url", "--max-urls", "3")
    assert len(report["documents"]) == 2
    assert f"REST collection {collection}: audited 2 of 6 items" in result.stderr
    assert "2 page(s) were left" in result.stderr


def test_retry_after_is_honoured_once_capped_and_within_the_deadline(server):
    server.add("/busy", status=503, headers=[("Retry-After", "1")])
    server.add("/later", status=503, headers=[("Retry-After", "30")])
    server.add("/soon", status=503, headers=[("Retry-After", "5")])
    (result, _), elapsed = timed(lambda: audit(server.url("/busy"), server.url("/later")))
    assert server.hits["/busy"] == 2  # waited once, then reported
    assert server.hits["/later"] == 1  # over the 10 s cap: reported at once
    assert result.exit_code == 1
    audit(server.url("/soon"), "--timeout", "1")  # 5 s is more than the URL's 2 s: not waited for
    assert server.hits["/soon"] == 1
    assert elapsed < 20


# -- 6. site on a plain WordPress -----------------------------------------------------------------------------

def plain_wordpress(server: LiveServer, posts: list[dict]) -> None:
    server.add("/wp-json/wp/v2/posts", content_type="application/json", body=json.dumps(posts).encode(),
               headers=[("X-WP-TotalPages", "1"), ("X-WP-Total", str(len(posts)))])
    server.add("/wp-json/wp/v2/pages", content_type="application/json", body=b"[]", headers=[("X-WP-TotalPages", "1")])


def test_site_audits_the_served_page_when_there_is_no_seo_plugin(server, internal):
    plain = server.url("/2026/12/05/plain/")
    moved = server.url("/2026/12/05/moved/")
    server.add("/2026/12/05/plain/", body=page("A plain WordPress post whose title is long enough to be cut off in "
                                             "results", canonical=plain))
    server.redirect("/2026/12/05/moved/", internal.url("/offer/"))
    internal.add("/offer/", body=page("Offer", canonical=internal.url("/offer/")))
    plain_wordpress(server, [{"id": 1, "type": "post", "status": "publish", "link": plain, "title": {"rendered": "A"}},
                           {"id": 2, "type": "post", "status": "publish", "link": moved, "title": {"rendered": "B"}}])
    argv = ["site", server.origin, "--isolated", "--format", "json", "--ignore", "url/dev-host"]
    result = runner.invoke(app, argv, env=NO_CREDENTIALS)
    report = json.loads(result.stdout)
    first = {f["rule"]: f for f in report["documents"][0]["findings"]}
    assert {"description/missing", "opengraph/required-missing"} <= set(first)
    # no Open Graph at all is one finding: the image and the X card it lacks are not reported again
    assert not {"image/og-missing", "twitter/card-missing"} & set(first)
    assert "wordpress/no-seo-output" not in first  # the served head was audited
    assert first["description/missing"]["location"]["pointer"] == "/link"
    second = findings(report, "url/http-error", 1)
    assert second and "redirects" not in second[0]["message"] and "127.0.0.2 is a loopback address" in \
        second[0]["message"] and moved in second[0]["message"]
    assert internal.seen == []
    result = runner.invoke(app, [*argv, "--allow-private"], env=NO_CREDENTIALS)
    report = json.loads(result.stdout)
    off = findings(report, "url/redirects-off-site", 1)
    assert off and f"redirects to another host, 127.0.0.2: {moved} (301) → {internal.url('/offer/')}" in \
        off[0]["message"]
    assert off[0]["location"]["pointer"] == "/link"
