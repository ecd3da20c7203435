"""Live mode against hostile servers: wall time, peak memory and what reached the "internal" host, per case.

    python bench/live_hostile.py [--python PYTHON] [--kill-after 120] [--only CASE ...]

Serves every case from loopback addresses only (tests/live_server.py): 127.0.0.1 is the audited site,
127.0.0.2 stands for an internal host (an admin panel, a metadata service) that must never be fetched nor
get a password. Each case runs `seoaudit check … --isolated --format json` in its own process with the
default settings (except where a case says otherwise), is killed after `--kill-after` seconds, and prints
one Markdown row: wall time, peak RSS of the process (ru_maxrss), exit code, documents in the report, and
the case's own measure (requests the internal host received, notes on stderr, …).

`--python` runs another checkout's seoaudit (its interpreter, e.g. a venv of the code before a change),
so before and after are measured by the same servers. Nothing leaves 127.0.0.0/8.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.live_server import LiveServer, Route, gzip_bomb, page

SITEMAP = '<?xml version="1.0"?><{0} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{1}</{0}>'


def urlset(urls: list[str]) -> bytes:
    return SITEMAP.format("urlset", "".join(f"<url><loc>{u}</loc></url>" for u in urls)).encode()


def index(urls: list[str]) -> bytes:
    return SITEMAP.format("sitemapindex", "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)).encode()


ALLOW_PRIVATE = "--allow-private"  # dropped for a seoaudit that has no such option (it fetches them anyway)


@dataclass
class Case:
    name: str
    args: list[str]
    measure: str = ""  # what the last column shows
    env: dict[str, str] = field(default_factory=dict)


def build(site: LiveServer, internal: LiveServer, mirrors: list[LiveServer]) -> list[Case]:
    bomb = gzip_bomb(2048)
    gz = [("Content-Encoding", "gzip")]
    for mirror in mirrors:  # more hosts, so that --concurrency (not --per-host) bounds the bombs in flight
        mirror.add("/bomb", Route(body=bomb, headers=gz))
    spread = [m.url(f"/bomb?i={i}") for i in range(8) for m in [site, *mirrors]]
    site.add("/bombs-4-hosts.xml", body=urlset(spread), content_type="application/xml")
    site.add("/slow-headers", Route(body=page(), drip_head=5))
    site.add("/slow-body", Route(body=page(), drip_body=5))
    site.add("/bomb", Route(body=bomb, headers=gz))
    site.add("/bombs.xml", body=urlset([site.url(f"/bomb?i={i}") for i in range(16)]), content_type="application/xml")
    internal.add("/admin", body=page("INTERNAL ADMIN", extra='<meta name="robots" content="noindex">'))
    site.redirect("/redirect-internal", internal.url("/admin?via=redirect"), 302)
    site.add("/sitemap-internal.xml", body=urlset([internal.url("/admin?via=sitemap")]), content_type="application/xml")
    extra = (f'<meta property="og:image" content="{internal.url("/admin?via=og-image")}">'
             f'<meta name="twitter:image" content="{internal.url("/admin?via=twitter-image")}">')
    site.add("/ssrf", body=page(canonical=internal.url("/admin?via=canonical"), extra=extra))
    internal.add("/p/1", content_type="application/json", body=b'{"code":"rest_no_route","message":"x","data":{}}')
    site.add("/wp-json/wp/v2/posts/17", content_type="application/json",
             body=json.dumps({"id": 17, "link": site.url("/p/17/"), "status": "publish",
                              "title": {"rendered": "T"}}).encode())
    site.add("/p/17/", body=page(canonical=site.url("/p/17/")))
    for i in range(3):
        site.add(f"/loop/p{i}/", body=page(f"P{i}", canonical=site.url(f"/loop/p{i}/")))
    site.add("/loop/set.xml", body=urlset([site.url(f"/loop/p{i}/") for i in range(3)]), content_type="application/xml")
    site.add("/loop/index.xml", body=index([site.url("/loop/index.xml"), site.url("/loop/set.xml")]),
             content_type="application/xml")
    site.add("/loop300.xml", body=index([site.url(f"/loop300.xml?i={i}") for i in range(300)]),
             content_type="application/xml")
    site.add("/503-30", status=503, headers=[("Retry-After", "30")], body=b"busy")
    for number in range(1, 14):
        items = [{"id": n, "type": "post", "status": "publish", "link": site.url(f"/posts/{n}/"),
                  "title": {"rendered": f"Post {n}"}} for n in range((number - 1) * 10 + 1, min(number * 10, 128) + 1)]
        route = Route(body=json.dumps(items).encode(), content_type="application/json",
                      headers=[("X-WP-Total", "128"), ("X-WP-TotalPages", "13")])
        site.add(f"/wp-json/wp/v2/posts?page={number}", route)
        if number == 1:
            site.add("/wp-json/wp/v2/posts", route)
    for n in range(1, 129):
        site.add(f"/posts/{n}/", body=page(f"Post {n}", canonical=site.url(f"/posts/{n}/")))
    credentials = {"SEOAUDIT_WP_USER": "editor", "SEOAUDIT_WP_APP_PASSWORD": "abcd efgh ijkl mnop qrst uvwx"}
    return [
        Case("drip-headers", [site.url("/slow-headers")]),
        Case("drip-body", [site.url("/slow-body")]),
        Case("gzip-bomb", [site.url("/bomb")]),
        Case("16-gzip-bombs", [site.url("/bombs.xml")]),
        Case("16-gzip-bombs-c16", [site.url("/bombs.xml"), "--concurrency", "16", "--per-host", "16"]),
        Case("32-gzip-bombs-4-hosts", [site.url("/bombs-4-hosts.xml"), ALLOW_PRIVATE]),
        Case("redirect-internal", [site.url("/redirect-internal"), "--no-follow"], "internal"),
        Case("sitemap-internal", [site.url("/sitemap-internal.xml"), "--no-follow"], "internal"),
        Case("canonical-images-internal", [site.url("/ssrf")], "internal"),
        Case("password-to-foreign-host", [internal.url("/p/1?rest_route=/anything"),
                                          site.url("/wp-json/wp/v2/posts/17")], "auth", credentials),
        Case("sitemap-self-loop", [site.url("/loop/index.xml")], "requests"),
        Case("sitemap-300-self", [site.url("/loop300.xml")], "notes"),
        Case("retry-after-30", [site.url("/503-30")], "requests"),
        Case("rest-collection-13-pages", [site.url("/wp-json/wp/v2/posts"), "--no-follow"], "documents"),
    ]


def run(python: str, case: Case, kill_after: float, options: str) -> dict:
    args = [a for a in case.args if a != ALLOW_PRIVATE or a in options]
    argv = [python, "-m", "seoaudit", "check", "--isolated", "--format", "json", *args]
    env = {**os.environ, "SEOAUDIT_WP_USER": "", "SEOAUDIT_WP_APP_PASSWORD": "", **case.env}
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd="/tmp")
    killed = threading.Timer(kill_after, proc.kill)
    killed.start()
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    was_killed = not killed.is_alive()
    killed.cancel()
    try:
        documents = len(json.loads(out)["documents"])
    except (ValueError, KeyError):
        documents = None
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "rc": "killed" if was_killed else proc.returncode,
            "documents": documents, "stderr": err.decode("utf-8", "replace")}


def describe(measure: str, result: dict, site: LiveServer, internal: LiveServer) -> str:
    if measure == "internal":
        return f"internal host got {len(internal.seen)} request(s)" + (
            f": {', '.join(s.path for s in internal.seen)}" if internal.seen else "")
    if measure == "auth":
        sent = any("authorization" in s.headers for s in internal.seen)
        return "Authorization sent to the foreign host" if sent else "no Authorization on the foreign host"
    if measure == "notes":
        return f"{len(site.seen)} requests, {result['stderr'].count('note:')} notes"
    if measure:
        return f"{len(site.seen)} requests"
    return (result["stderr"].strip().splitlines() or [""])[-1][:90]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose seoaudit is measured")
    parser.add_argument("--kill-after", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    options = subprocess.run([args.python, "-m", "seoaudit", "check", "--help"], capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "200"}, cwd="/tmp").stdout  # not this checkout
    with LiveServer("127.0.0.1") as site, LiveServer("127.0.0.2") as internal, LiveServer("127.0.0.3") as third, \
            LiveServer("127.0.0.4") as fourth, LiveServer("127.0.0.5") as fifth:
        cases = build(site, internal, [third, fourth, fifth])
        print("| case | wall s | peak RSS MB | exit | documents | measure |")
        print("|---|---|---|---|---|---|")
        for case in cases:
            if args.only and case.name not in args.only:
                continue
            site.seen.clear()
            internal.seen.clear()
            result = run(args.python, case, args.kill_after, options)
            measure = describe(case.measure, result, site, internal)
            print(f"| {case.name} | {result['wall']:.1f} | {result['rss_mb']:.0f} | {result['rc']} | "
                  f"{result['documents']} | {measure} |", flush=True)


if __name__ == "__main__":
    main()
