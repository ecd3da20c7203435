"""Live mode end to end: real HTTP servers on 127.0.0.1 / 127.0.0.2 (tests/live_server.py), the real CLI.

Each case names the findings and the exit code it expects. Nothing leaves the loopback interface.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

from .conftest import CORPUS, ROOT, needs_corpus
from .live_server import LiveServer, Route, gif, jpeg, page, png, svg

runner = CliRunner()


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """A guard on top of the tests' own care: the fetcher refuses any address outside 127.0.0.0/8."""
    monkeypatch.setenv("SEOAUDIT_LOOPBACK_ONLY", "1")

NO_CREDENTIALS = {"SEOAUDIT_WP_USER": "", "SEOAUDIT_WP_APP_PASSWORD": ""}


def audit(*args, env=None):
    argv = ["check", "--isolated", "--format", "json", "--ignore", "url/dev-host", *map(str, args)]
    result = runner.invoke(app, argv, env={**NO_CREDENTIALS, **(env or {})})
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    return result, report


def rules_of(report, index=None) -> set[str]:
    documents = report["documents"] if index is None else [report["documents"][index]]
    return {f["rule"] for d in documents for f in d["findings"]}


# -- pages, statuses, redirects ---------------------------------------------------------------------------

def test_a_clean_page_as_served(server):
    url = server.url("/post/")
    server.add("/post/", body=page(canonical=url))
    result, report = audit(url, "--select", "url,canonical,robots")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert report["documents"][0]["source"] == url
    assert server.seen[0].headers["user-agent"].startswith("seoaudit/")
    assert "+https://github.com/seoaudit/seoaudit" in server.seen[0].headers["user-agent"]


def test_x_robots_tag_and_link_header(server):
    url = server.url("/post/")
    server.add("/post/", body=page(canonical=url), headers=[
        ("X-Robots-Tag", "googlebot: noindex, nofollow"), ("Link", f'<{server.url("/internal/")}>; rel="canonical"')])
    result, report = audit(url)
    assert result.exit_code == 1
    assert {"robots/x-robots-noindex", "canonical/header-mismatch"} <= rules_of(report)
    message = next(f["message"] for f in report["documents"][0]["findings"] if f["rule"] == "robots/x-robots-noindex")
    assert "googlebot" in message


def test_x_robots_tag_for_another_bot_only_is_fine(server):
    url = server.url("/post/")
    server.add("/post/", body=page(canonical=url), headers=[("X-Robots-Tag", "otherbot: noindex")])
    _, report = audit(url)
    assert "robots/x-robots-noindex" not in rules_of(report)


def test_redirect_chain_is_reported_and_final_url_compared(server):
    final = server.url("/final/")
    server.add("/final/", body=page(canonical=server.url("/canonical/")))
    server.add("/canonical/", body=page(canonical=server.url("/canonical/")))
    server.redirect("/a", server.url("/b"))
    server.redirect("/b", server.url("/c"), 302)
    server.redirect("/c", final, 308)
    result, report = audit(server.url("/a"), "--fail-on", "warning")
    assert result.exit_code == 1  # both are warnings: the page is reached, and indexed under its canonical
    found = {f["rule"]: f for f in report["documents"][0]["findings"]}
    assert "url/redirect-chain" in found and "3 redirects" in found["url/redirect-chain"]["message"]
    assert "canonical/final-url-mismatch" in found


def test_one_redirect_is_fine(server):
    final = server.url("/final/")
    server.add("/final/", body=page(canonical=final))
    server.redirect("/final", final)
    _, report = audit(server.url("/final"), "--select", "url,canonical")
    assert rules_of(report) == set()


def test_redirect_loop_and_too_many_redirects_are_input_errors(server):
    server.redirect("/loop1", server.url("/loop2"))
    server.redirect("/loop2", server.url("/loop1"))
    for i in range(7):
        server.redirect(f"/hop{i}", server.url(f"/hop{i + 1}"))
    result, _report = audit(server.url("/loop1"), server.url("/hop0"))
    assert result.exit_code == 2
    assert "redirect loop" in result.stderr
    assert "more than 5 redirects" in result.stderr
    assert len(server.requests_to("/hop6")) == 0  # stopped after 5 redirects (6 requests)


@pytest.mark.parametrize("status", [404, 410, 500])
def test_http_errors(server, status):
    url = server.add("/broken/", status=status, body=b"<html><head><title>Error</title></head></html>")
    result, report = audit(url)
    assert result.exit_code == 1
    assert rules_of(report) == {"url/http-error"}  # the error page itself is not audited
    assert str(status) in report["documents"][0]["findings"][0]["message"]


def test_503_with_retry_after_is_retried(server):
    url = server.add("/busy/", Route(503, b"busy", [("Retry-After", "1")],
                                      then=Route(200, page(canonical=server.url("/busy/")))))
    start = time.monotonic()
    result, _report = audit(url, "--select", "url")
    assert result.exit_code == 0, result.stdout
    assert server.hits["/busy/"] == 2
    assert time.monotonic() - start >= 1.0  # Retry-After honoured


def test_429_that_never_recovers_is_reported_after_one_retry_after(server):
    url = server.add("/limited/", status=429, headers=[("Retry-After", "0")])
    result, report = audit(url)
    assert result.exit_code == 1
    assert rules_of(report) == {"url/http-error"}
    assert server.hits["/limited/"] == 2  # Retry-After is honoured once per URL


def test_503_without_retry_after_is_retried_with_backoff(server):
    url = server.add("/down/", status=503)
    result, report = audit(url)
    assert result.exit_code == 1 and rules_of(report) == {"url/http-error"}
    assert server.hits["/down/"] == 3  # one try and two retries (0.5 s, then 1 s)


def test_retry_after_longer_than_the_bound_is_not_waited_for(server):
    url = server.add("/later/", status=503, headers=[("Retry-After", "3600")])
    start = time.monotonic()
    result, _ = audit(url)
    assert result.exit_code == 1 and server.hits["/later/"] == 1
    assert time.monotonic() - start < 10


def test_slow_server_times_out(server):
    url = server.add("/slow/", body=page(), delay=3)
    result, _ = audit(url, "--timeout", "0.5")
    assert result.exit_code == 2
    assert "timed out: no complete answer within the 0.5 s --timeout of one request" in result.stderr


def test_endless_body_is_capped(server):
    def endless():
        for _ in range(100_000):  # bounded: 100 000 × 1 KB at most, the client hangs up long before
            yield b"<p>" + b"x" * 1021

    url = server.add("/endless/", body=endless)
    result, _ = audit(url)
    assert result.exit_code == 2
    assert "larger than the 10 MB cap" in result.stderr


def test_connection_refused():
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result, _ = audit(f"http://127.0.0.1:{port}/")
    assert result.exit_code == 2 and "cannot connect" in result.stderr


# -- canonical target ----------------------------------------------------------------------------------

def test_canonical_target_status_and_robots(server):
    server.add("/gone/", status=404)
    server.redirect("/moved/", server.url("/new/"))
    server.add("/new/", body=page(canonical=server.url("/new/")))
    server.add("/hidden/", body=page(canonical=server.url("/hidden/"), extra='<meta name="robots" content="noindex">'))
    server.add("/hdr/", body=page(canonical=server.url("/hdr/")), headers=[("X-Robots-Tag", "noindex")])
    cases = {"/p1/": ("/gone/", "canonical/target-error"), "/p2/": ("/moved/", "canonical/target-redirects"),
             "/p3/": ("/hidden/", "canonical/target-noindex"), "/p4/": ("/hdr/", "canonical/target-noindex")}
    for path, (target, _) in cases.items():
        server.add(path, body=page(canonical=server.url(target)))
    result, report = audit(*[server.url(p) for p in cases])
    assert result.exit_code == 1
    for index, (_, rule) in enumerate(cases.values()):
        assert rule in rules_of(report, index), (rule, report["documents"][index]["findings"])


def test_a_real_header_named_like_an_old_pseudo_header_is_not_the_targets_robots(server):
    """The target's meta robots is a field the fetcher fills from the target's <head>: a server that sends an
    `X-Seoaudit-Meta-Robots` header (once how the fetcher smuggled it) does not make its page noindex, and a
    real meta robots still does, whatever that header says."""
    server.add("/target/", body=page(canonical=server.url("/target/")),
               headers=[("X-Seoaudit-Meta-Robots", "noindex")])
    server.add("/hidden/", body=page(canonical=server.url("/hidden/"), extra='<meta name="robots" content="noindex">'),
               headers=[("X-Seoaudit-Meta-Robots", "index, follow")])
    server.add("/p1/", body=page(canonical=server.url("/target/")))
    server.add("/p2/", body=page(canonical=server.url("/hidden/")))
    _, report = audit(server.url("/p1/"), server.url("/p2/"))
    assert "canonical/target-noindex" not in rules_of(report, 0)
    found = [f for f in report["documents"][1]["findings"] if f["rule"] == "canonical/target-noindex"]
    assert [f["message"] for f in found] == [
        f"the canonical {server.url('/hidden/')} is not indexable: meta robots 'noindex'"]


def test_no_follow_fetches_only_the_url(server):
    server.add("/p/", body=page(canonical=server.url("/gone/"), extra=f'<meta property="og:image" '
                                f'content="{server.url("/i.png")}">'))
    _, report = audit(server.url("/p/"), "--no-follow")
    assert [s.path for s in server.seen] == ["/p/"]
    assert not rules_of(report) & {"canonical/target-error", "image/fetch-failed"}


# -- images ---------------------------------------------------------------------------------------------

def og(url: str, width: int | None = None, height: int | None = None) -> str:
    tags = f'<meta property="og:image" content="{url}">'
    if width:
        tags += (f'<meta property="og:image:width" content="{width}">'
                 f'<meta property="og:image:height" content="{height}">')
    return tags


@pytest.mark.parametrize(("maker", "fmt"), [(png, "png"), (jpeg, "jpeg"), (gif, "gif")])
def test_image_real_size_and_format(server, maker, fmt):
    server.add(f"/img.{fmt}", body=maker(1200, 630), content_type=f"image/{fmt}", ranges=True)
    image = server.url(f"/img.{fmt}")
    image = server.url(f"/img.{fmt}")
    good = server.add("/good/", body=page(canonical=server.url("/good/"), extra=og(image, 1200, 630)))
    bad = server.add("/bad/", body=page(canonical=server.url("/bad/"), extra=og(image, 1600, 900)))
    _, report = audit(good, bad, "--select", "image")
    assert "image/declared-size-wrong" not in rules_of(report, 0)
    message = next(f["message"] for f in report["documents"][1]["findings"] if f["rule"] == "image/declared-size-wrong")
    assert "declares 1600×900 but is 1200×630" in message
    assert server.requests_to(f"/img.{fmt}")[0].headers["range"].startswith("bytes=0-")
    assert len(server.requests_to(f"/img.{fmt}")) == 1  # probed once for both pages


def test_svg_broken_and_huge_images(server):
    server.add("/logo.png", body=svg(400, 400), content_type="image/svg+xml")
    server.add("/huge.jpg", body=jpeg(6000, 4000) + b"\x00" * 70_000, content_type="image/jpeg", ranges=True,
               total=9 * 1024 * 1024)
    url = server.add("/p/", body=page(canonical=server.url("/p/"), extra=og(server.url("/logo.png"))
                                      + og(server.url("/huge.jpg")) + og(server.url("/missing.jpg"))))
    result, report = audit(url, "--select", "image")
    assert result.exit_code == 1
    found = {f["rule"]: f["message"] for f in report["documents"][0]["findings"]}
    assert "SVG" in found["image/real-format-unsupported"]
    assert "too large for X and Facebook" in found["image/file-too-large"]
    assert "HTTP 404" in found["image/fetch-failed"]


# -- sitemaps ------------------------------------------------------------------------------------------

def urlset(urls: list[str]) -> bytes:
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()


def test_sitemap_index_is_followed_and_bounded(server):
    for i in range(6):
        server.add(f"/p{i}/", body=page(f"Post {i}", canonical=server.url(f"/p{i}/")))
    server.add("/s1.xml", body=urlset([server.url(f"/p{i}/") for i in range(3)]), content_type="application/xml")
    server.add("/s2.xml", body=urlset([server.url(f"/p{i}/") for i in range(3, 6)]), content_type="application/xml")
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<sitemap><loc>{server.url("/s1.xml")}</loc></sitemap><sitemap><loc>{server.url("/s2.xml")}</loc>'
             '</sitemap></sitemapindex>').encode()
    url = server.add("/wp-sitemap.xml", body=index, content_type="application/xml")
    result, report = audit(url, "--select", "url")
    assert result.exit_code == 0, result.stderr
    assert [d["source"] for d in report["documents"]] == [server.url(f"/p{i}/") for i in range(6)]  # stable order
    result, report = audit(url, "--select", "url", "--max-urls", "4")
    assert len(report["documents"]) == 4
    assert "--max-urls" in result.stderr


def test_gzipped_and_broken_sitemaps(server):
    import gzip

    server.add("/p/", body=page(canonical=server.url("/p/")))
    gz = server.add("/sitemap.xml.gz", body=gzip.compress(urlset([server.url("/p/")])), content_type="application/gzip")
    broken = server.add("/broken.xml", body=b'<?xml version="1.0"?><urlset><url><loc>x</url>', content_type="text/xml")
    result, report = audit(gz, broken, "--select", "url")
    assert result.exit_code == 2
    assert report["documents"][0]["source"] == server.url("/p/")
    assert "not well-formed XML" in result.stderr


# -- WordPress REST (the real Yoast responses of the corpus, served with their headers) ---------------------

def serve_yoast(server: LiveServer, name: str, path: str, index: dict) -> list[dict]:
    text = (CORPUS / "wp" / "local-yoast" / name).read_text(encoding="utf-8")
    text = text.replace("127.0.0.1:8080", f"{server.host}:{server.port}")  # follow-ups land on this server
    meta = index.get(f"wp/local-yoast/{name}", {})
    headers = []
    if "x_wp_total" in meta:
        headers = [("X-WP-Total", str(meta["x_wp_total"])), ("X-WP-TotalPages", str(meta["x_wp_totalpages"]))]
    server.add(path, body=text.encode(), content_type="application/json; charset=UTF-8",
               headers=[*headers, ("X-Robots-Tag", "noindex")])  # WordPress marks REST answers noindex
    return json.loads(text)


def served_page(post: dict, title: str | None = None) -> bytes:
    head = post.get("yoast_head") or ""
    if title is not None:
        import re

        head = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", head)
    return f"<!doctype html><html><head>{head}</head><body><h1>x</h1></body></html>".encode()


@needs_corpus
def test_rest_collection_with_served_pages(server):
    index = json.loads((CORPUS / "expected" / "local-yoast" / "_index.json").read_text())
    posts = serve_yoast(server, "posts-collection.json", "/wp-json/wp/v2/posts", index)
    for i, post in enumerate(posts):
        path = post["link"].split(str(server.port), 1)[1]
        server.add(path, body=served_page(post, title="Stale cached title" if i == 0 else None))
    result, report = audit(server.url("/wp-json/wp/v2/posts"))
    assert result.exit_code in (0, 1), result.stderr
    assert len(report["documents"]) == len(posts)
    assert [d["source"] for d in report["documents"]] == [f"{server.url('/wp-json/wp/v2/posts')}#/{i}"
                                                          for i in range(len(posts))]
    differs = [f for f in report["documents"][0]["findings"] if f["rule"] == "wordpress/rest-head-differs"]
    assert differs and "Stale cached title" in differs[0]["message"]
    for i in range(1, len(posts)):
        assert "wordpress/rest-head-differs" not in rules_of(report, i), report["documents"][i]["findings"]
    assert "robots/x-robots-noindex" not in rules_of(report)  # the REST answer's own noindex is not the page's


@needs_corpus
def test_rest_post_whose_link_is_404(server):
    index = json.loads((CORPUS / "expected" / "local-yoast" / "_index.json").read_text())
    serve_yoast(server, "post-no-image.json", "/wp-json/wp/v2/posts/6", index)
    result, report = audit(server.url("/wp-json/wp/v2/posts/6"))
    assert result.exit_code == 1
    message = next(f["message"] for f in report["documents"][0]["findings"] if f["rule"] == "url/http-error")
    assert message.startswith("served page") and "404" in message


@needs_corpus
def test_site_paginates_with_the_real_yoast_collection(server):
    index = json.loads((CORPUS / "expected" / "local-yoast" / "_index.json").read_text())
    posts = serve_yoast(server, "posts-collection.json", "/wp-json/wp/v2/posts", index)
    pages = serve_yoast(server, "pages-collection.json", "/wp-json/wp/v2/pages", index)
    result = runner.invoke(app, ["site", server.origin, "--isolated", "--format", "json", "--no-follow"],
                           env=NO_CREDENTIALS)
    report = json.loads(result.stdout)
    assert len(report["documents"]) == len(posts) + len(pages)
    assert report["documents"][0]["source"] == server.url(f"/wp-json/wp/v2/posts/{posts[0]['id']}")
    asked = server.requests_to(server.seen[0].path)[0].path
    assert "per_page=100" in asked and "_embed=" in asked and "context=edit" not in asked


def test_rest_error_and_401(server):
    server.add("/wp-json/wp/v2/posts/999", status=404, content_type="application/json",
               body=b'{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}')
    server.add("/wp-json/wp/v2/posts/5", status=401, content_type="application/json",
               body=b'{"code":"rest_forbidden","message":"Sorry, you are not allowed.","data":{"status":401}}')
    result, _ = audit(server.url("/wp-json/wp/v2/posts/999"), server.url("/wp-json/wp/v2/posts/5"))
    assert result.exit_code == 2
    assert "rest_post_invalid_id" in result.stderr
    assert "401" in result.stderr and "SEOAUDIT_WP_APP_PASSWORD" in result.stderr


def test_site_that_is_not_wordpress(server):
    result = runner.invoke(app, ["site", server.origin, "--isolated", "--format", "json"], env=NO_CREDENTIALS)
    assert result.exit_code == 2
    assert "no WordPress REST API" in result.stderr


# -- credentials ------------------------------------------------------------------------------------------

def test_credentials_stay_on_the_wordpress_origin(server, internal):
    secret = "abcd EFGH ijkl MNOP qrst UVWX"
    internal.add("/elsewhere.json", content_type="application/json",
              body=b'{"code":"rest_no_route","message":"No route.","data":{"status":404}}')
    server.redirect("/wp-json/wp/v2/posts/1", internal.url("/elsewhere.json"), 302)
    server.add("/wp-json/wp/v2/posts/2", content_type="application/json",
               body=b'{"id": 2, "link": "' + internal.url("/p/").encode() + b'", "status": "publish", '
                    b'"title": {"rendered": "T"}}')
    internal.add("/p/", body=page(canonical=internal.url("/p/")))
    result, _ = audit(server.url("/wp-json/wp/v2/posts/1"), server.url("/wp-json/wp/v2/posts/2"),
                      "--wp-origin", server.origin, "--allow-private",  # 127.0.0.2 may be fetched, to prove the point
                      env={"SEOAUDIT_WP_USER": "editor", "SEOAUDIT_WP_APP_PASSWORD": secret})
    assert server.requests_to("/wp-json/wp/v2/posts/1")[0].headers.get("authorization", "").startswith("Basic ")
    assert internal.seen, "the redirect and the post link were followed"
    assert all("authorization" not in s.headers for s in internal.seen)  # not after a cross-host redirect, not to link
    assert secret not in result.stdout + result.stderr
    assert "editor" not in result.stderr


def test_httpx_strips_auth_on_cross_origin_redirects_too(server, internal):
    """Why redirects are followed by hand is belt and braces: httpx itself drops Authorization cross-origin."""
    import httpx

    internal.add("/x", body=b"ok")
    server.redirect("/r", internal.url("/x"))
    with httpx.Client(follow_redirects=True) as client:
        client.get(server.url("/r"), auth=("u", "p"))
    assert "authorization" in server.seen[0].headers
    assert "authorization" not in internal.seen[0].headers


# -- robots.txt, offline imports, Ctrl-C --------------------------------------------------------------------

def test_respect_robots(server):
    server.add("/robots.txt", body=b"User-agent: seoaudit\nDisallow: /private/\n", content_type="text/plain")
    server.add("/private/", body=page())
    result, _ = audit(server.url("/private/"), "--respect-robots")
    assert result.exit_code == 2 and "disallowed by robots.txt" in result.stderr
    assert not server.requests_to("/private/")


def test_offline_runs_do_not_import_httpx():
    code = ("import sys\nfrom seoaudit.cli import main\nsys.argv=['seoaudit','check','--isolated','-q','examples']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nassert 'httpx' not in sys.modules, 'httpx imported'\n"
            "assert 'seoaudit.live.fetch' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_ctrl_c_keeps_what_was_audited(server):
    server.add("/fast/", body=page(canonical=server.url("/fast/")))
    for i in range(4):
        server.add(f"/slow{i}/", body=page(canonical=server.url(f"/slow{i}/")), delay=20)
    args = [sys.executable, "-m", "seoaudit", "check", "--isolated", "--format", "json", "--concurrency", "2",
            server.url("/fast/"), *[server.url(f"/slow{i}/") for i in range(4)]]
    env = {**os.environ, **NO_CREDENTIALS}
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not server.requests_to("/slow0/"):
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    report = json.loads(out)
    assert [d["source"] for d in report["documents"]] == [server.url("/fast/")]
    assert b"interrupted" in err
