"""warc: the pages of a crawl archive (WARC, as `wget --warc-file`, Browsertrix, Heritrix and Common Crawl write
it, whole or gzip-compressed record by record), read with warcio, the reference reader.

Every `response` record of an HTTP answer with an HTML type is a page, audited as live mode audits a fetched
page: its URL, status and headers are its `Wire`, so the wire rules (status, redirects, `X-Robots-Tag`,
`Link: rel=canonical`) work offline. A 4xx/5xx answer is audited for its status only, as live mode does.
What live mode would have fetched is looked up in the archive instead: the redirect records that lead to a
page are its redirect chain, and a canonical that names another URL of the archive is that URL's answer (its
status, redirects and robots). Requests, revisits (a capture whose body is an earlier one's), redirects,
non-HTML answers, warcinfo and metadata records are counted, not audited; a record the crawler truncated
(`WARC-Truncated`, or a body shorter than its Content-Length) is reported as unreadable, never audited half.

Reading is a stream: one pass over the records' headers builds the archive's index (URL → offset, status and
redirect target, and where each record starts: no body kept), a second audits the pages one by one, each body
held only while it is audited. `first`/`stop` take a range of records, for one partition of a large file: it
seeks to its first record, and the partitions of a file can share one index (`index_archive`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import IO
from urllib.parse import urljoin

from .. import urls
from ..documents import problem
from ..limits import Limits
from ..model import Document, InputCode
from ..wire import REDIRECT_CODES, Hop, Response, Wire

SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_HOPS = 20  # a redirect chain longer than this is a loop: live mode's redirect limit
_HEAD_BYTES = 256 * 1024  # where a canonical <link> can be, at most
_LINK = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_REL_CANONICAL = re.compile(rb"""\brel\s*=\s*["']?[^"'>]*\bcanonical\b""", re.IGNORECASE)
_HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def missing_reader() -> str | None:
    """The one-line reason WARC input is unavailable (warcio is an optional dependency), or None."""
    try:
        import warcio  # noqa: F401
    except ImportError:
        return "reading WARC files needs warcio: pip install 'seoaudit[warc]'"
    return None


@dataclass(slots=True)
class _Entry:
    """What the index keeps of a response record."""

    offset: int
    status: int | None
    location: str | None  # the redirect target, absolute


@dataclass
class Index:
    """The response records of one archive by URL, the redirects that lead to each URL, and where each record
    starts (a partition seeks to its first record)."""

    responses: dict[str, _Entry] = field(default_factory=dict)
    redirected_from: dict[str, str] = field(default_factory=dict)  # target → the first URL that redirects there
    offsets: list[int] = field(default_factory=list)  # of every record readable, in order

    @property
    def records(self) -> int:
        return len(self.offsets)

    def chain_to(self, url: str) -> list[Hop]:
        """The longest run of archived redirects that ends at `url`, first hop first."""
        hops: list[Hop] = []
        seen = {url}
        while (source := self.redirected_from.get(url)) is not None and source not in seen and len(hops) < MAX_HOPS:
            entry = self.responses[source]
            hops.append(Hop(source, entry.status or 301, url))
            seen.add(source)
            url = source
        return hops[::-1]


@dataclass(frozen=True, slots=True)
class WarcInput:
    """A WARC file still to be read (records `first` to `stop`, or all of them)."""

    path: str
    name: str | None = None  # as given on the command line
    first: int = 0
    stop: int | None = None

    def documents(self, limits: Limits | None = None, counts: Counter | None = None, index: Index | None = None
                  ) -> Iterator[Document]:
        """The archive's pages; `counts` (if given) gets what each record was (see `describe`). `index`: the
        archive's (`index_archive`), when the partitions of a file share it."""
        return read(self, limits or Limits(), Counter() if counts is None else counts, index)


def index_archive(path: str) -> Index | None:
    """The index of a WARC file (None when it cannot be read: reading its pages then says why)."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            return _index(stream)
    except (OSError, ArchiveLoadFailed):
        return None


def read(archive: WarcInput, limits: Limits, counts: Counter, index: Index | None = None) -> Iterator[Document]:
    name = archive.name or archive.path
    missing = missing_reader()
    if missing is not None:
        yield problem(name, InputCode.UNREADABLE, missing)
        return
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(archive.path, "rb") as stream:
            if index is None:
                index = _index(stream)
            if archive.first:  # a partition: straight to its first record
                if archive.first >= index.records:
                    return
                stream.seek(index.offsets[archive.first])
            else:
                stream.seek(0)
            yield from _pages(stream, archive, index, limits, counts)
    except OSError as exc:
        from ..documents import unopened

        yield unopened(name, exc)
    except _Broken as exc:
        yield problem(name, InputCode.UNREADABLE, str(exc))
    except ArchiveLoadFailed as exc:
        yield problem(name, InputCode.UNREADABLE, f"not a WARC file: {' '.join(str(exc).split())[:200]}")


class _Broken(Exception):
    """The archive cannot be read on from here (cut short, corrupt compression)."""


def _records(stream: IO[bytes]):
    """(offset, record) of every record, each read through before the next; a corrupt tail is one `_Broken`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    start = offset = stream.tell()
    iterator = ArchiveIterator(stream, check_digests=False)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            stream.seek(0, 2)
            if iterator.offset < stream.tell():  # warcio stops quietly at a record cut short in its headers
                raise _Broken(f"unreadable after byte {iterator.offset}: the archive is cut short or corrupt "
                              f"({stream.tell() - iterator.offset:,} bytes left unread)") from None
            return
        except ArchiveLoadFailed:
            if offset == start:
                raise
            raise _Broken(f"unreadable after byte {offset}: the archive is cut short or corrupt") from None
        except Exception as exc:  # zlib, EOF, a malformed header: nothing after it can be trusted
            raise _Broken(f"unreadable after byte {offset}: {type(exc).__name__}: {exc}") from None
        offset = iterator.offset  # where this record starts (get_record_offset() would read it through)
        if record.format != "warc":  # warcio reads ARC (and takes any text for one): not ours to audit
            raise ArchiveLoadFailed(f"a record at byte {offset} is {record.format.upper()}, not WARC")
        yield offset, record


def _index(stream: IO[bytes]) -> Index:
    """The index of what can be read (the pass over the pages reports where reading stops)."""
    index = Index()
    with suppress(_Broken):
        _add_records(index, stream)
    return index


def _add_records(index: Index, stream: IO[bytes]) -> None:
    for offset, record in _records(stream):
        index.offsets.append(offset)
        if record.rec_type != "response" or record.http_headers is None:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        status = _status(record)
        location = record.http_headers.get_header("Location")
        target = urljoin(url, location) if status in REDIRECT_CODES and location else None
        index.responses.setdefault(url, _Entry(offset, status, target))
        if target is not None and target != url:
            index.redirected_from.setdefault(target, url)


def _pages(stream: IO[bytes], archive: WarcInput, index: Index, limits: Limits, counts: Counter
           ) -> Iterator[Document]:
    name = archive.name or archive.path
    for ordinal, (offset, record) in enumerate(_records(stream), archive.first):
        if archive.stop is not None and ordinal >= archive.stop:
            return
        kind = _kind(record)
        counts[kind] += 1
        if kind != "page":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        response = _response(record, url, index)
        if response.status is not None and response.status >= 400:  # an error page: its status is what counts
            yield Document(source=url, kind="html", html=b"", wire=Wire(response))
            continue
        truncated = record.rec_headers.get_header("WARC-Truncated")
        try:
            body = record.content_stream().read(limits.max_input_bytes + 1)
        except Exception as exc:  # a chunked or compressed body that does not decode
            yield problem(url, InputCode.UNREADABLE,
                          f"its body in {name} (byte {offset}) does not decode: {type(exc).__name__}: {exc}")
            continue
        short = _short_of(record, body)
        if truncated or short:
            counts["truncated"] += 1
            cause = f"WARC-Truncated: {truncated}" if truncated else f"{short} bytes short of its Content-Length"
            yield problem(url, InputCode.UNREADABLE,
                          f"its record in {name} is truncated (byte {offset}, {cause}): not audited")
            continue
        if len(body) > limits.max_input_bytes:
            yield problem(url, InputCode.LIMIT_EXCEEDED,
                          f"its body in {name} is over the {limits.max_input_bytes:,}-byte limit (max-input-bytes); "
                          "not audited")
            continue
        wire = Wire(response)
        wire.canonical, wire.canonical_robots = _canonical_target(archive.path, index, url, body)
        yield Document(source=url, kind="html", html=body, wire=wire)


def _kind(record) -> str:
    """What a record is to the audit: "page" (audited), or the reason it is not."""
    if record.rec_type != "response":
        return {"request": "requests", "revisit": "revisits"}.get(record.rec_type, "other")
    if record.http_headers is None:  # a response of another protocol (DNS, FTP)
        return "other"
    status = _status(record)
    if status in REDIRECT_CODES:
        return "redirects"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";", 1)[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "not-html"
    return "page" if status is not None and status >= 200 and status != 304 else "other"


def _status(record) -> int | None:
    try:
        return int(record.http_headers.get_statuscode())
    except (TypeError, ValueError):
        return None


def _response(record, url: str, index: Index) -> Response:
    headers: dict[str, list[str]] = {}
    for header, value in record.http_headers.headers:
        headers.setdefault(header.lower(), []).append(value)
    redirects = index.chain_to(url)
    return Response(redirects[0].url if redirects else url, _status(record), url, headers, redirects)


def _short_of(record, body: bytes) -> int:
    """Bytes missing from a body the server said the length of (0 when whole, or when the length is of an encoded
    body warcio decoded)."""
    http = record.http_headers
    declared = http.get_header("Content-Length")
    if not declared or not declared.strip().isdigit() or http.get_header("Content-Encoding") \
            or http.get_header("Transfer-Encoding"):
        return 0
    return max(0, int(declared) - len(body))


def _canonical_target(path: str, index: Index, url: str, body: bytes) -> tuple[Response | None, str | None]:
    """The answer the archive holds for the page's canonical, when it names another URL of the archive (what
    live mode fetches), and the meta robots of that answer's head. A scan of the <link> tags finds the few pages
    for which the page is parsed to be sure."""
    candidate = _canonical_link(body[:_HEAD_BYTES], url)
    if candidate is None or candidate == url or urls.same(candidate, url) or candidate not in index.responses:
        return None, None
    from ..extract.html import head_robots, html_view, parse_html_bytes
    from ..model import Location

    canonical = html_view(parse_html_bytes(body), "html", Location()).canonical
    if canonical is None or canonical.value not in index.responses or urls.same(canonical.value, url):
        return None, None
    answer = _answer(path, index, canonical.value)
    robots = head_robots(answer.body) if answer.ok and answer.body else None
    answer.body = None
    return answer, robots


def _canonical_link(head: bytes, url: str) -> str | None:
    end = head.lower().find(b"</head")
    for tag in _LINK.finditer(head, 0, end if end >= 0 else len(head)):
        if _REL_CANONICAL.search(tag.group(0)):
            href = _HREF.search(tag.group(0))
            if href is not None:
                raw = next(part for part in href.groups() if part is not None)
                return urljoin(url, unescape(raw.decode("utf-8", "replace")).strip())
    return None


def _answer(path: str, index: Index, url: str) -> Response:
    """`url`'s answer as the archive holds it, its redirects followed through the archive."""
    hops: list[Hop] = []
    current = url
    while (entry := index.responses.get(current)) is not None and entry.location and len(hops) < MAX_HOPS:
        hops.append(Hop(current, entry.status or 301, entry.location))
        current = entry.location
    entry = index.responses.get(current)
    if entry is None:  # the chain leaves the archive
        return Response(url, hops[-1].status if hops else None, current, {}, hops)
    with open(path, "rb") as stream:  # a handle of its own: the pass over the pages goes on where it was
        stream.seek(entry.offset)
        record = next(record for _, record in _records(stream))
        answer = _response(record, current, Index())
        answer.url, answer.redirects = url, hops
        if answer.ok and answer.content_type in HTML_TYPES:
            answer.body = record.content_stream().read(_HEAD_BYTES)
    return answer


def describe(counts: Counter) -> str | None:
    """One line on what an archive held beyond the pages audited, or None when it held only pages."""
    skipped = {k: v for k, v in counts.items() if k not in ("page", "truncated") and v}
    if not skipped and not counts.get("truncated"):
        return None
    labels = {"requests": "requests", "revisits": "revisits (captures of an unchanged page)",
              "redirects": "redirects (followed into the pages they lead to)", "not-html": "answers not in HTML",
              "other": "other records (warcinfo, metadata, not-modified answers)"}
    parts = [f"{counts[k]:,} {labels[k]}" for k in labels if counts.get(k)]
    audited = counts.get("page", 0) - counts.get("truncated", 0)
    line = f"{audited:,} pages audited; not audited: {', '.join(parts) or 'nothing else'}"
    if counts.get("truncated"):
        line += f"; {counts['truncated']:,} truncated page(s) reported"
    return line
