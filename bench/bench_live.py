"""Benchmark live mode: audit 500 corpus pages served over HTTP from 127.0.0.1.

    python bench/bench_live.py [CORPUS_HTML_DIR] [--pages 500] [--concurrency 8] [--repeat 3]

A threaded http.server on 127.0.0.1 serves the corpus pages (read into memory first) and a sitemap listing
them; `seoaudit.live` fetches the sitemap and every page through one httpx client and the engine audits each
page as it arrives (every rule, as `seoaudit check URL` does). Only the given pages are fetched
(`follow=False`): the corpus pages' canonicals and images point at public hosts, and this benchmark never
leaves the loopback interface. Prints pages per second for the whole run (fetch + audit) and, for
comparison, for the audit of the same bytes without HTTP. The best of N repeats is kept.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from seoaudit.engine import Auditor, Config, iter_audit
from seoaudit.live.fetch import FetchOptions
from seoaudit.live.run import LiveOptions, Session
from seoaudit.load import load_bytes

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            body = pages.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "application/xml" if self.path.endswith(".xml") else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in (".html", ".htm"))[: args.pages]
    if len(files) < args.pages:
        sys.exit(f"bench_live: {args.corpus} holds {len(files)} pages, fewer than --pages {args.pages}")
    bodies = {f"/p/{i}.html": f.read_bytes() for i, f in enumerate(files)}
    server = serve(bodies)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    locs = "".join(f"<url><loc>{origin}{path}</loc></url>" for path in bodies)
    bodies["/sitemap.xml"] = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                              f"{locs}</urlset>").encode()
    config = Config()
    auditor = Auditor.compile(config)

    best_live = float("inf")
    for _ in range(args.repeat):
        fetch = FetchOptions(concurrency=args.concurrency, per_host=args.concurrency)
        session = Session(LiveOptions(fetch=fetch, follow=False, max_urls=args.pages, progress=False))
        start = time.perf_counter()
        results = list(iter_audit(session.check([origin + "/sitemap.xml"]), config))
        elapsed = time.perf_counter() - start
        assert len(results) == args.pages and not any(r.unreadable for r in results), "a page failed to load"
        best_live = min(best_live, elapsed)

    best_offline = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for path, data in bodies.items():
            if path.endswith(".html"):
                for document in load_bytes(data, path):
                    auditor.audit(document)
        best_offline = min(best_offline, time.perf_counter() - start)
    server.shutdown()

    print(f"live:    {args.pages} pages over HTTP (sitemap → fetch → audit), concurrency {args.concurrency}: "
          f"{best_live:.2f} s, {args.pages / best_live:.0f} pages/s")
    print(f"offline: the same {args.pages} pages from memory: {best_offline:.2f} s, "
          f"{args.pages / best_offline:.0f} pages/s")
    print(f"HTTP overhead: {best_live / best_offline:.2f}× the offline time")


if __name__ == "__main__":
    main()
