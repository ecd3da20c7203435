"""A live run: URLs, sitemaps, REST URLs and WordPress sites in, `Document`s (each with its `Wire`) out, as
fetches finish. Work is split into jobs run by a thread pool that shares one `Fetcher`; a job returns the
documents it finished and the jobs it found (a sitemap's URLs, a collection's next pages, a post's served
page). Every loop is bounded: `max_urls` pages, `MAX_SITEMAPS` sitemaps, `wordpress.MAX_PAGES` REST pages;
each sitemap and each page URL is read once per run, and a sitemap loop is one note.

Memory is bounded too: a worker starts a job only while fewer than `2 × concurrency` finished jobs wait for
the audit, so a fast site and a slow audit never pile up bodies (docs/limits.md, "Live mode").

The URLs the run is given (and the `site` URL) are trusted: their hosts pass the address policy whatever
they resolve to. Everything found on the way (sitemap entries, redirects, links, canonicals, images) is not.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import queue
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .. import urls
from ..documents import documents_from_json, problem
from ..extract import sitemap_xml as sitemap
from ..limits import Limits
from ..model import Document, InputCode
from ..wire import Response, Wire
from . import wordpress
from .fetch import Cancelled, Fetcher, FetchOptions, ImageDownloader, OutOfTime, origin
from .jobs import JobResult, without_body

MAX_SITEMAPS = 200
MAX_IMAGES_PER_PAGE = 6
TARGET_BYTES = 2 * 1024 * 1024  # enough of a canonical target to read its <head>


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


@dataclass
class LiveOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    follow: bool = True  # fetch each REST post's link, the canonical target and the images
    max_urls: int = 1000  # pages audited from sitemaps and REST collections, at most
    progress: bool | None = None  # None: on a terminal (stderr), for runs of more than one URL
    limits: Limits = field(default_factory=Limits)  # the run's: how much of a page the probes read


class Session:
    """One live run. `documents()` yields as fetches finish; `order` maps each document to a stable sort key
    (input order, then position in the sitemap or collection), which the final reports use."""

    def __init__(self, options: LiveOptions | None = None):
        self.options = options or LiveOptions()
        self.fetcher = Fetcher(self.options.fetch)
        self.order: dict[int, tuple] = {}
        self.interrupted = False
        self.out_of_time = False  # the run's --max-time passed
        self.scheduled_urls = 0
        self.sitemaps = 0
        self.items = 0
        self.notes: list[str] = []
        self._lock = threading.Lock()
        self._read_sitemaps: set[str] = set()  # sitemap URLs read or scheduled, without fragment
        self._sitemap_bodies: set[bytes] = set()  # digests of the sitemaps read
        self._sitemap_roots: set[int] = set()  # inputs that turned out to be sitemaps
        self._pages: set[str] = set()  # page URLs scheduled from sitemaps
        self._repeats = Counter()  # "pages": URLs listed again; "contents": sitemaps whose body was read already

    # -- entry points --------------------------------------------------------------------------------

    def image_downloader(self, max_bytes: int) -> ImageDownloader:
        """Fetches an image's bytes (the HTML report's previews) with the run's options, within its --max-time."""
        return ImageDownloader(replace(self.options.fetch, max_bytes=max_bytes), self.fetcher.run_deadline)

    def check(self, inputs: Iterable[str]) -> Iterator[Document]:
        inputs = list(inputs)
        for url in inputs:
            self._trust(url)
        roots = [((i,), url, self._url_job(url, (i,), depth=0)) for i, url in enumerate(inputs)]
        return self._run(roots, expect_documents=True)

    def site(self, listing: wordpress.Listing) -> Iterator[Document]:
        self._trust(listing.base)
        roots = [((i,), f"{rest_type} page 1", self._listing_job(listing, rest_type, 1, (i,)))
                 for i, rest_type in enumerate(listing.types)]
        return self._run(roots, expect_documents=False)

    def _trust(self, url: str) -> None:
        """The user named this URL: its host passes the address policy (a local WordPress, a staging host)."""
        host = urlsplit(url).hostname
        if host:
            self.fetcher.options.policy.allow(host)

    def site_graphql(self, listing: wordpress.Listing) -> Iterator[Document]:
        """The same listing through WPGraphQL and its SEO extension (live/graphql.py)."""
        from . import graphql

        self._trust(listing.base)
        return self._run(graphql.roots(self, listing), expect_documents=False)

    # -- the scheduler (main thread) -----------------------------------------------------------------

    def _run(self, roots, expect_documents: bool) -> Iterator[Document]:
        concurrency = max(1, self.options.fetch.concurrency)
        pool = _Pool(concurrency, room=2 * concurrency)
        outstanding: dict[int, tuple] = {}
        progress = self._progress(len(roots))
        finished = 0
        not_done = 0  # fetches --max-time stopped or never started
        per_root: Counter = Counter()  # documents yielded per input
        deadline = self.fetcher.run_deadline

        def submit(key, label, job):
            token = pool.submit(label, job)
            outstanding[token] = key
            if progress:
                progress[0].update(progress[1], total=len(outstanding) + finished)

        try:
            for key, label, job in roots:
                submit(key, label, job)
            while outstanding:
                if deadline.expired and not self.out_of_time:  # --max-time: start nothing more
                    self.out_of_time = True
                    for token in pool.drop_waiting():
                        outstanding.pop(token)
                        not_done += 1
                got = pool.next()
                if got is None:
                    continue
                token, label, result = got
                outstanding.pop(token)
                finished += 1
                not_done += result.not_done
                if progress:
                    progress[0].update(progress[1], completed=finished, description=_short(label))
                for child in result.children:
                    if self.out_of_time:
                        not_done += 1
                    else:
                        submit(*child)
                for doc_key, document in result.documents:
                    self.order[id(document)] = doc_key
                    per_root[doc_key[:1]] += 1
                    yield document
                pool.release()  # this job's documents are audited: another job may start
            yield from self._closing(roots, per_root, not_done, expect_documents)
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

    def _closing(self, roots, per_root: Counter, not_done: int, expect_documents: bool) -> Iterator[Document]:
        """What the run says once every job is done: the notes that count, the fetches --max-time stopped
        (one finding), and inputs that gave nothing to audit."""
        if self._repeats["pages"]:
            self._note(f"{self._repeats['pages']} URL(s) listed more than once in the sitemaps were audited once")
        if self._repeats["contents"]:
            self._note(f"{self._repeats['contents']} sitemap(s) had the same content as a sitemap already read and "
                       "were not read again (a loop through changing URLs?)")
        if not_done:
            limit = self.options.fetch.max_time
            document = problem(f"--max-time {limit:g}", InputCode.UNREADABLE,
                                f"the run reached its --max-time of {limit:g} s: {not_done} fetch(es) were not done "
                                "or not finished; the reports hold what was audited before")
            self.order[id(document)] = (len(roots),)
            yield document
        if not expect_documents or self.out_of_time:
            return
        for key, label, _job in roots:
            if key[0] in self._sitemap_roots and not per_root[key[:1]]:
                document = problem(label, InputCode.EMPTY, "the sitemap led to no page to audit: the sitemaps it lists "
                                    "were read already, repeat one read already, or are over the limits (see the "
                                    "notes)")
                self.order[id(document)] = key
                yield document

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

    def _url_job(self, url: str, key: tuple, depth: int, paginate: bool = True) -> Callable[[], JobResult]:
        def job() -> JobResult:
            answer = self.fetcher.get(url)
            return self._classify(url, answer, key, depth, paginate)

        return job

    def _classify(self, url: str, answer: Response, key: tuple, depth: int, paginate: bool) -> JobResult:
        rest = wordpress.is_rest_url(answer.final_url or url)
        if answer.error is not None:
            return JobResult([(key, problem(url, InputCode.UNREADABLE, f"{answer.error}"))])
        body = answer.body or b""
        if rest and answer.status == 400 and not paginate and \
                (wordpress.rest_error(body) or ("",))[0] == "rest_post_invalid_page_number":
            return JobResult()  # a page past the end (posts deleted meanwhile)
        if rest and answer.status >= 400:
            authenticated = self.options.fetch.auth is not None
            return JobResult([(key, problem(url, InputCode.REST_ERROR, wordpress.explain_status(
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
                return JobResult([(key, problem(url, InputCode.INVALID_JSON, f"the response is not JSON: {exc}"))])
            page = _page_number(url) if isinstance(value, list) else 0
            result = JobResult()
            for i, document in enumerate(documents_from_json(value, url)):
                if document.problem is None:
                    document.wire = Wire(without_body(answer))
                    item_key = (*key, page, i)
                    result.children.append((item_key, document.display_source, self._post_job(document, item_key)))
                else:
                    result.documents.append(((*key, page, i), document))
            if isinstance(value, list) and paginate:
                result.children += self._collection_pages(url, answer, len(value), key, depth)
            return result
        document = Document(source=url, kind="html", html=body, wire=Wire(without_body(answer)))
        self._probe(document)
        return JobResult([(key, document)])

    def _collection_pages(self, url: str, answer: Response, count: int, key: tuple, depth: int) -> list:
        """The jobs for the pages of a REST collection after this one (`X-WP-TotalPages`), within --max-urls;
        a note says how many were left."""
        pages = wordpress.total_pages(answer.header("x-wp-totalpages")) or 1
        current = _page_number(url)
        if pages <= current or count == 0:
            return []
        last = min(pages, wordpress.MAX_PAGES)
        with self._lock:
            self.scheduled_urls += count
            room = max(0, self.options.max_urls - self.scheduled_urls)
            wanted = last - current
            taken = min(wanted, room // count)
            self.scheduled_urls += taken * count
        if taken < pages - current:
            total = wordpress.total_pages(answer.header("x-wp-total"))
            items = f" of {total}" if total else ""
            self._note(f"REST collection {url}: audited {(taken + 1) * count}{items} items (--max-urls "
                       f"{self.options.max_urls}, at most {wordpress.MAX_PAGES} pages); {pages - current - taken} "
                       "page(s) were left")
        return [((*key,), f"{url} page {number}", self._url_job(_with_page(url, number), key, depth, paginate=False))
                for number in range(current + 1, current + taken + 1)]

    def _sitemap(self, url: str, answer: Response, key: tuple, depth: int) -> JobResult:
        body = answer.body or b""
        digest = hashlib.blake2b(body, digest_size=16).digest()
        with self._lock:
            if depth == 0:
                self._sitemap_roots.add(key[0])
            self._read_sitemaps.update({_bare(url), _bare(answer.final_url or url)})
            if digest in self._sitemap_bodies:  # the same sitemap under another URL (`?i=1`, `?i=2`…)
                self._repeats["contents"] += 1
                return JobResult()
            self._sitemap_bodies.add(digest)
        try:
            kind, found = sitemap.parse(body, answer.final_url or url)
        except sitemap.SitemapError as exc:
            return JobResult([(key, problem(url, InputCode.UNREADABLE, str(exc)))])
        result = JobResult()
        if not found:
            result.documents.append((key, problem(url, InputCode.EMPTY, f"the sitemap {kind} lists no URL")))
        for i, loc in enumerate(found):
            if not is_url(loc):
                continue
            bare = _bare(loc)
            with self._lock:
                if kind == "index":
                    if bare in self._read_sitemaps:
                        self._note(f"sitemap loop: {url} lists {loc}, which this run reads once")
                        continue
                    if depth >= 3 or self.sitemaps >= MAX_SITEMAPS:
                        self._note(f"stopped following sitemap indexes after {MAX_SITEMAPS} sitemaps or 3 levels")
                        break
                    self._read_sitemaps.add(bare)
                    self.sitemaps += 1
                else:
                    if bare in self._pages:
                        self._repeats["pages"] += 1
                        continue
                    if self.scheduled_urls >= self.options.max_urls:
                        self._note(f"audited the first {self.options.max_urls} sitemap URLs (--max-urls)")
                        break
                    self._pages.add(bare)
                    self.scheduled_urls += 1
            job = self._url_job(loc, (*key, i), depth + 1) if kind == "index" else self._page_job(loc, (*key, i))
            result.children.append(((*key, i), loc, job))
        return result

    def _page_job(self, url: str, key: tuple) -> Callable[[], JobResult]:
        def job() -> JobResult:
            answer = self.fetcher.get(url)
            if answer.error is not None:
                return JobResult([(key, problem(url, InputCode.UNREADABLE, answer.error))])
            if answer.status >= 400:
                return JobResult([(key, Document(source=url, kind="html", html=b"", wire=Wire(answer)))])
            document = Document(source=url, kind="html", html=answer.body or b"", wire=Wire(without_body(answer)))
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
                return JobResult([(key, problem(url, InputCode.UNREADABLE, answer.error))])
            if answer.status >= 400:
                if answer.status == 400 and (wordpress.rest_error(answer.body) or ("",))[0] == \
                        "rest_post_invalid_page_number":
                    return JobResult()
                return JobResult([(key, problem(url, InputCode.REST_ERROR, wordpress.explain_status(
                    answer.status, answer.body, url, listing.edit)))])
            try:
                items = json.loads(answer.body or b"")
            except ValueError as exc:
                return JobResult([(key, problem(url, InputCode.INVALID_JSON, f"the response is not JSON: {exc}"))])
            if not isinstance(items, list):
                return JobResult([(key, problem(url, InputCode.NOT_A_POST, "a REST collection must be a JSON array"))])
            result = JobResult()
            if page == 1:
                pages = wordpress.total_pages(answer.header("x-wp-totalpages")) or 1
                if listing.limit is not None:
                    pages = min(pages, math.ceil(listing.limit / listing.per_page))
                for next_page in range(2, min(pages, wordpress.MAX_PAGES) + 1):
                    result.children.append(((*key, next_page), f"{rest_type} page {next_page}",
                                            self._listing_job(listing, rest_type, next_page, (*key, next_page))))
            wire_answer = without_body(answer)
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
        """Fetch what the page declares besides itself: its canonical target and its images (read from the views
        of the document alone, within the run's limits: no `Page` is built here)."""
        if not self.options.follow or document.wire is None:
            return
        from ..derive.declared_urls import probe_urls
        from ..extract.document import document_views

        try:
            declared = probe_urls(document_views(document, self.options.limits, []), self.options.limits)
        except Exception:
            return
        wire = document.wire
        here = wire.served if document.data is not None else wire.response
        canonical = declared.canonical
        if canonical and here is not None and here.final_url and not urls.same(canonical, here.final_url):
            wire.canonical, wire.canonical_robots = self.fetcher.once(("canonical", canonical),
                                                                      lambda: self._target(canonical))
        for url in declared.images[:MAX_IMAGES_PER_PAGE]:
            wire.images[url] = self.fetcher.probe_image(url)

    def _target(self, url: str) -> tuple[Response, str | None]:
        """The canonical target's answer (without its body) and the meta robots of its head."""
        from ..extract.html import head_robots

        answer = self.fetcher.get(url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                                  max_bytes=TARGET_BYTES)
        robots = head_robots(answer.body) if answer.ok and answer.body else None
        return without_body(answer), robots

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


class _Pool:
    """Daemon worker threads (a ThreadPoolExecutor would make the interpreter wait for every request in
    flight after Ctrl-C). A worker runs a job only while fewer than `room` finished jobs wait for the
    scheduler to `release` them (their documents audited), which bounds the bodies held in memory."""

    def __init__(self, size: int, room: int):
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.results: queue.SimpleQueue = queue.SimpleQueue()
        self.room = threading.Semaphore(room)
        self.closed = threading.Event()
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
            while not self.room.acquire(timeout=0.25):
                if self.closed.is_set():
                    return
            token, label, job = item
            self.results.put((token, label, _guard(label, job)))

    def submit(self, label: str, job) -> int:
        token = next(self.tokens)
        self.jobs.put((token, label, job))
        return token

    def next(self):
        """The next finished job, or None after a quarter of a second (which keeps Ctrl-C deliverable)."""
        try:
            return self.results.get(timeout=0.25)
        except queue.Empty:
            return None

    def release(self) -> None:
        self.room.release()

    def drop_waiting(self) -> list[int]:
        """Drop the jobs no worker has started; their tokens."""
        dropped = []
        while True:
            try:
                item = self.jobs.get_nowait()
            except queue.Empty:
                return dropped
            if item is not None:
                dropped.append(item[0])

    def close(self) -> None:
        self.closed.set()
        self.drop_waiting()
        for _ in self.threads:
            self.jobs.put(None)


def _guard(label: str, job: Callable[[], JobResult]) -> JobResult:
    try:
        return job()
    except OutOfTime:
        return JobResult(not_done=1)
    except Cancelled:
        return JobResult()
    except Exception as exc:  # one broken fetch must not stop the run
        return JobResult([((), problem(label, InputCode.UNREADABLE, f"{type(exc).__name__}: {exc}"))])


def _bare(url: str) -> str:
    """A URL without its fragment: what "the same URL" means for sitemaps and pages."""
    return url.split("#", 1)[0]


def _page_number(url: str) -> int:
    value = dict(parse_qsl(urlsplit(url).query)).get("page", "1")
    return int(value) if value.isdecimal() and 0 < len(value) < 7 else 1


def _with_page(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("page", str(number))])))


def _short(label: str) -> str:
    parts = urlsplit(label)
    return (parts.path or label)[-40:] if parts.scheme else label[-40:]


__all__ = ["LiveOptions", "Session", "is_url", "origin"]
