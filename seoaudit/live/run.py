"""A live run: URLs, sitemaps, REST URLs and WordPress sites in, `Document`s (each with its `Wire`) out, as
fetches finish. Work is split into jobs run by a thread pool that shares one `Fetcher`; a job returns the
documents it finished and the jobs it found (a sitemap's URLs, a collection's next pages, a post's served
page). Every loop is bounded: `max_urls` pages, `MAX_SITEMAPS` sitemaps, `wordpress.MAX_PAGES` REST pages."""

from __future__ import annotations

import itertools
import json
import math
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import urls
from ..load import documents_from_json
from ..model import Document, InputProblem
from . import sitemap, wordpress
from .fetch import Cancelled, Fetcher, FetchOptions, origin
from .wire import Response, Wire

MAX_SITEMAPS = 200
MAX_IMAGES_PER_PAGE = 6
TARGET_BYTES = 2 * 1024 * 1024  # enough of a canonical target to read its <head>


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


@dataclass
class LiveOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    follow: bool = True  # fetch each REST post's link, the canonical target and the images
    max_urls: int = 1000  # pages audited from sitemaps (and REST items from a site), at most
    progress: bool | None = None  # None: on a terminal (stderr), for runs of more than one URL


@dataclass
class JobResult:
    documents: list[tuple[tuple, Document]] = field(default_factory=list)
    children: list[tuple[tuple, str, Callable[[], JobResult]]] = field(default_factory=list)


class Session:
    """One live run. `documents()` yields as fetches finish; `order` maps each document to a stable sort key
    (input order, then position in the sitemap or collection), which the final reports use."""

    def __init__(self, options: LiveOptions | None = None):
        self.options = options or LiveOptions()
        self.fetcher = Fetcher(self.options.fetch)
        self.order: dict[int, tuple] = {}
        self.interrupted = False
        self.scheduled_urls = 0
        self.sitemaps = 0
        self.items = 0
        self.notes: list[str] = []
        self._lock = threading.Lock()

    # -- entry points --------------------------------------------------------------------------------

    def check(self, inputs: Iterable[str]) -> Iterator[Document]:
        roots = [((i,), url, self._url_job(url, (i,), depth=0)) for i, url in enumerate(inputs)]
        return self._run(roots)

    def site(self, listing: wordpress.Listing) -> Iterator[Document]:
        roots = [((i,), f"{rest_type} page 1", self._listing_job(listing, rest_type, 1, (i,)))
                 for i, rest_type in enumerate(listing.types)]
        return self._run(roots)

    def site_graphql(self, listing: wordpress.Listing) -> Iterator[Document]:
        """The same listing through WPGraphQL and its SEO extension (live/graphql.py)."""
        from . import graphql

        return self._run(graphql.roots(self, listing))

    # -- the scheduler (main thread) -----------------------------------------------------------------

    def _run(self, roots) -> Iterator[Document]:
        pool = _Pool(max(1, self.options.fetch.concurrency))
        outstanding: dict[int, tuple] = {}
        progress = self._progress(len(roots))
        finished = 0

        def submit(key, label, job):
            token = pool.submit(label, job)
            outstanding[token] = key
            if progress:
                progress[0].update(progress[1], total=len(outstanding) + finished)

        try:
            for key, label, job in roots:
                submit(key, label, job)
            while outstanding:
                token, label, result = pool.next()
                outstanding.pop(token)
                finished += 1
                if progress:
                    progress[0].update(progress[1], completed=finished, description=_short(label))
                for child in result.children:
                    submit(*child)
                for doc_key, document in result.documents:
                    self.order[id(document)] = doc_key
                    yield document
        except (KeyboardInterrupt, GeneratorExit):
            self.interrupted = True
            raise
        finally:
            # Interrupted: start nothing new; the workers are daemon threads, so requests still in flight
            # never hold up the exit.
            self.fetcher.stop.set()
            pool.close()
            if progress:
                progress[0].stop()
            if not outstanding:
                self.fetcher.close()

    def _progress(self, roots: int):
        show = self.options.progress
        if show is None:
            show = sys.stderr.isatty()
        if not show:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                            MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        task = progress.add_task("fetching", total=roots)
        progress.start()
        return progress, task, [0]

    # -- jobs (worker threads) -----------------------------------------------------------------------

    def _url_job(self, url: str, key: tuple, depth: int) -> Callable[[], JobResult]:
        def job() -> JobResult:
            answer = self.fetcher.get(url)
            return self._classify(url, answer, key, depth)

        return job

    def _classify(self, url: str, answer: Response, key: tuple, depth: int) -> JobResult:
        rest = wordpress.is_rest_url(answer.final_url or url)
        if answer.error is not None:
            return JobResult([(key, _problem(url, "unreadable", f"{answer.error}"))])
        body = answer.body or b""
        if rest and answer.status >= 400:
            authenticated = self.options.fetch.auth is not None
            return JobResult([(key, _problem(url, "rest-error", wordpress.explain_status(
                answer.status, body, url, authenticated)))])
        if answer.status >= 400:
            return JobResult([(key, Document(source=url, kind="html", html=b"", wire=Wire(answer)))])
        if sitemap.looks_like_sitemap(body, answer.content_type, url):
            return self._sitemap(url, answer, key, depth)
        start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if start in (b"{", b"[") or answer.content_type.endswith("json"):
            try:
                value = json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                return JobResult([(key, _problem(url, "invalid-json", f"the response is not JSON: {exc}"))])
            result = JobResult()
            for i, document in enumerate(documents_from_json(value, url)):
                if document.problem is None:
                    document.wire = Wire(_without_body(answer))
                    result.children.append(((*key, i), document.display_source, self._post_job(document, (*key, i))))
                else:
                    result.documents.append(((*key, i), document))
            return result
        document = Document(source=url, kind="html", html=body, wire=Wire(_without_body(answer)))
        self._probe(document)
        return JobResult([(key, document)])

    def _sitemap(self, url: str, answer: Response, key: tuple, depth: int) -> JobResult:
        try:
            kind, found = sitemap.parse(answer.body or b"", answer.final_url or url)
        except sitemap.SitemapError as exc:
            return JobResult([(key, _problem(url, "unreadable", str(exc)))])
        result = JobResult()
        if not found:
            result.documents.append((key, _problem(url, "empty", f"the sitemap {kind} lists no URL")))
        for i, loc in enumerate(found):
            if not is_url(loc):
                continue
            if kind == "index":
                with self._lock:
                    if depth >= 3 or self.sitemaps >= MAX_SITEMAPS:
                        self._note(f"sitemap index {url}: stopped after {MAX_SITEMAPS} sitemaps or 3 levels")
                        break
                    self.sitemaps += 1
                result.children.append(((*key, i), loc, self._url_job(loc, (*key, i), depth + 1)))
            else:
                with self._lock:
                    if self.scheduled_urls >= self.options.max_urls:
                        self._note(f"audited the first {self.options.max_urls} sitemap URLs (--max-urls)")
                        break
                    self.scheduled_urls += 1
                result.children.append(((*key, i), loc, self._page_job(loc, (*key, i))))
        return result

    def _page_job(self, url: str, key: tuple) -> Callable[[], JobResult]:
        def job() -> JobResult:
            answer = self.fetcher.get(url)
            if answer.error is not None:
                return JobResult([(key, _problem(url, "unreadable", answer.error))])
            if answer.status >= 400:
                return JobResult([(key, Document(source=url, kind="html", html=b"", wire=Wire(answer)))])
            document = Document(source=url, kind="html", html=answer.body or b"", wire=Wire(_without_body(answer)))
            self._probe(document)
            return JobResult([(key, document)])

        return job

    def _post_job(self, document: Document, key: tuple) -> Callable[[], JobResult]:
        def job() -> JobResult:
            data = document.data
            link = data.get("link") if isinstance(data, dict) else None
            published = not isinstance(data, dict) or data.get("status") in (None, "publish")
            if self.options.follow and published and isinstance(link, str) and is_url(link):
                served = self.fetcher.get(link, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                document.wire.served = served
            self._probe(document)
            return JobResult([(key, document)])

        return job

    def _listing_job(self, listing: wordpress.Listing, rest_type: str, page: int, key: tuple):
        def job() -> JobResult:
            url = wordpress.collection_url(listing, rest_type, page)
            answer = self.fetcher.get(url, accept="application/json")
            if page == 1 and listing.pretty and answer.error is None and answer.status == 404 \
                    and wordpress.rest_error(answer.body) is None:
                # No pretty permalinks (or no rewrite): the REST API still answers at /?rest_route=.
                listing.pretty = False
                return self._listing_job(listing, rest_type, 1, key)()
            if answer.error is not None:
                return JobResult([(key, _problem(url, "unreadable", answer.error))])
            if answer.status >= 400:
                if answer.status == 400 and (wordpress.rest_error(answer.body) or ("",))[0] == \
                        "rest_post_invalid_page_number":
                    return JobResult()
                return JobResult([(key, _problem(url, "rest-error", wordpress.explain_status(
                    answer.status, answer.body, url, listing.edit)))])
            try:
                items = json.loads(answer.body or b"")
            except ValueError as exc:
                return JobResult([(key, _problem(url, "invalid-json", f"the response is not JSON: {exc}"))])
            if not isinstance(items, list):
                return JobResult([(key, _problem(url, "not-a-post", "a REST collection must be a JSON array"))])
            result = JobResult()
            if page == 1:
                pages = wordpress.total_pages(answer.header("x-wp-totalpages")) or 1
                if listing.limit is not None:
                    pages = min(pages, math.ceil(listing.limit / listing.per_page))
                for next_page in range(2, min(pages, wordpress.MAX_PAGES) + 1):
                    result.children.append(((*key, next_page), f"{rest_type} page {next_page}",
                                            self._listing_job(listing, rest_type, next_page, (*key, next_page))))
            wire_answer = _without_body(answer)
            item_base = url.split("?", 1)[0] if listing.pretty else None
            for i, item in enumerate(items):
                if listing.limit is not None and (page - 1) * listing.per_page + i >= listing.limit:
                    break
                item_id = item.get("id") if isinstance(item, dict) else None
                source = f"{item_base}/{item_id}" if item_base and item_id is not None else f"{url}#/{i}"
                for document in documents_from_json(item, source):
                    document.wire = Wire(wire_answer) if document.problem is None else None
                    item_key = (*key, page, i)
                    if document.problem is not None:
                        result.documents.append((item_key, document))
                    else:
                        result.children.append((item_key, source, self._post_job(document, item_key)))
            return result

        return job

    # -- probes: the canonical target and the images ------------------------------------------------

    def _probe(self, document: Document) -> None:
        if not self.options.follow or document.wire is None:
            return
        from ..page import Page

        try:
            page = Page(document)
        except Exception:
            return
        wire = document.wire
        here = wire.served if document.data is not None else wire.response
        view = page.primary
        canonical = view.canonical.value if view is not None and view.canonical is not None else None
        if canonical and urls.parse(canonical) is not None and here is not None and here.final_url \
                and not urls.same(canonical, here.final_url):
            wire.canonical = self.fetcher.once(("canonical", canonical), lambda: self._target(canonical))
        for url in image_urls(page)[:MAX_IMAGES_PER_PAGE]:
            wire.images[url] = self.fetcher.probe_image(url)

    def _target(self, url: str) -> Response:
        answer = self.fetcher.get(url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                                  max_bytes=TARGET_BYTES)
        if answer.ok and answer.body:
            from ..extract.html import html_view, parse_html_bytes
            from ..model import Location

            view = html_view(parse_html_bytes(answer.body), "target", Location())
            robots = ", ".join(view.robots_directives("robots") + view.robots_directives("googlebot"))
            if robots:
                answer.headers["x-seoaudit-meta-robots"] = [robots]
        return _without_body(answer)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def image_urls(page) -> list[str]:
    """The absolute http(s) image URLs the page declares: og:image (every one), twitter:image, and the primary
    or article ImageObjects of its graph."""
    found: list[str] = []
    view = page.primary
    if view is not None:
        found += [image.url.value for image in view.og_images if image.url and image.url.value]
        twitter = view.first("twitter:image")
        if twitter is not None:
            found.append(twitter.value)
        try:  # the page's own images (primary / article ImageObjects), never avatars or logos
            from seoaudit.rules.image._shared import object_url, primary_objects

            found += [url for node in primary_objects(page.graph) if (url := object_url(node))]
        except Exception:  # a graph we cannot read is the schema rules' business
            pass
    return [u for u in dict.fromkeys(found) if urls.parse(u) is not None]


class _Pool:
    """Daemon worker threads (a ThreadPoolExecutor would make the interpreter wait for every request in
    flight after Ctrl-C)."""

    def __init__(self, size: int):
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.results: queue.SimpleQueue = queue.SimpleQueue()
        self.tokens = itertools.count()
        self.threads = [threading.Thread(target=self._work, name=f"seoaudit-fetch-{i}", daemon=True)
                        for i in range(size)]
        for thread in self.threads:
            thread.start()

    def _work(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            token, label, job = item
            self.results.put((token, label, _guard(label, job)))

    def submit(self, label: str, job) -> int:
        token = next(self.tokens)
        self.jobs.put((token, label, job))
        return token

    def next(self):
        while True:
            try:
                return self.results.get(timeout=0.25)  # a timeout keeps Ctrl-C deliverable
            except queue.Empty:
                continue

    def close(self) -> None:
        while True:  # drop jobs not started yet
            try:
                self.jobs.get_nowait()
            except queue.Empty:
                break
        for _ in self.threads:
            self.jobs.put(None)


def _without_body(answer: Response) -> Response:
    return Response(answer.url, answer.status, answer.final_url, answer.headers, answer.redirects, answer.error,
                    None, answer.truncated)


def _guard(label: str, job: Callable[[], JobResult]) -> JobResult:
    try:
        return job()
    except Cancelled:
        return JobResult()
    except Exception as exc:  # one broken fetch must not stop the run
        return JobResult([((), _problem(label, "unreadable", f"{type(exc).__name__}: {exc}"))])


def _problem(source: str, code: str, message: str) -> Document:
    return Document(source=source, kind="invalid", problem=InputProblem(code, message))


def _short(label: str) -> str:
    parts = urlsplit(label)
    return (parts.path or label)[-40:] if parts.scheme else label[-40:]


__all__ = ["LiveOptions", "Session", "is_url", "origin"]
