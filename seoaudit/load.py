"""load: paths, `-` and directories in, `Document`s out.

Never raises for anything a user can feed in: a file that cannot be read or understood becomes a
Document carrying an `InputProblem`, which the `input/*` rules report, and the batch goes on.

Bytes are read up to `Limits.max_input_bytes` (gzip inputs, by name or by magic bytes, are decompressed as
a stream under the same cap, so a zip bomb costs nothing). JSON is decoded as RFC 8259 says (UTF-8, or
UTF-16/32 told by a BOM or by the NUL pattern of its first characters), strictly: NaN, Infinity and numbers
out of a float's range are errors, not values a report could not write. HTML is decoded once, here (BOM,
`<meta charset>` checked against the bytes, UTF-8 with replacement), and handed on as UTF-8; what had to
be repaired is noted on the document for `input/bad-encoding`.

What a file is: the suffix of its name (after any `.gz`) says JSON (.json), a page (.html, .htm) or XML
(.xml: a sitemap, read as one and never audited as a page); a name without one (stdin, or a file the user
included) is sniffed. A file found by walking a folder that is none of seoaudit's inputs (JSON of another
shape, see `json_shape`; XML that is no sitemap) is skipped and recorded in the run's `Intake`; named on the
command line it is an input problem (exit 2). An empty collection `[]` is zero documents and a note.

Files are read where they are audited: `inputs` turns discovery's entries into `FileInput`s (a name, never
bytes) that a worker of the pool reads itself; what reading decides beside documents (a walked file
skipped, an empty collection noted) comes back as a marker document (`SKIPPED`, `NOTED`) that the run
records in its `Intake` instead of auditing.
"""

from __future__ import annotations

import codecs
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import headless, strict_json
from .extract.sitemap import MAX_BYTES as MAX_SITEMAP_BYTES
from .extract.sitemap_xml import looks_like_sitemap
from .headless import one_line as _one_line
from .limits import Limits, json_depth_exceeds
from .model import NOTED, SKIPPED, Document, InputProblem, Location
from .positions import PointerLines

_JSON_TYPES = {int: "number", float: "number", str: "string", bool: "boolean", type(None): "null", list: "array"}
GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_STARTS = b"<{[ \t\r\n\xef"  # what a text page or JSON document can start with (ASCII, or a UTF-8 BOM)
# What a file's name says it holds (after any .gz); a name with another suffix is no input (README.md).
SUFFIX_KINDS = {".json": "json", ".html": "html", ".htm": "html", ".xml": "xml"}
NOT_OURS_JSON = ("JSON that is no WordPress REST object, collection, get_head response, GraphQL answer, SEO plugin "
                 "head or REST error")
NOT_OURS_XML = "XML that is no sitemap (its root is neither <urlset> nor <sitemapindex>)"
# Many documents a file, each maybe .gz, read here as a stream (inputs/): crawl archives and NDJSON.
STREAM_SUFFIXES = (".warc", ".ndjson", ".jsonl")


@dataclass
class Intake:
    """What reading a run's inputs decided beside its documents: the paths skipped (and why), and notes
    (an empty collection). The CLI prints one note line for the skipped files; `--show-files` lists them."""

    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def take(self, document) -> bool:
        """Record a marker document (a `Document` or its `DocumentRef`); False for a document to audit."""
        problem = document.problem
        if document.kind == SKIPPED and problem is not None:
            self.skipped.append((document.source, problem.message))
        elif document.kind == NOTED and problem is not None:
            self.notes.append(f"{document.source}: {problem.message}")
        else:
            return False
        return True


def load_paths(paths: Iterable[str], limits: Limits | None = None, intake: Intake | None = None
               ) -> Iterator[Document]:
    """Files, folders (walked with the default excludes and .gitignore, see seoaudit/discovery.py) and `-`."""
    return read_entries(_discover_defaults(paths), limits, intake)


def inputs(paths: Iterable[str], limits: Limits | None = None) -> Iterator[FileInput | Document]:
    """What `paths` name (walked as `load_paths` walks them), without reading a file: what `run.Run` takes."""
    return entry_inputs(_discover_defaults(paths), limits)


@dataclass(frozen=True)
class _DefaultFiles:
    files: Any


def _discover_defaults(paths: Iterable[str]) -> Iterator[Any]:
    """Discovery's entries for `paths` under the default file rules, rooted at the working directory (the
    Python API's walk; the CLI's follows the config files)."""
    from .discovery import FileRules, discover

    settings = _DefaultFiles(FileRules.default(Path.cwd().resolve()))
    return discover(paths, lambda _: settings)


def read_entries(entries: Iterable[Any], limits: Limits | None = None, intake: Intake | None = None,
                 skip_non_inputs: bool = False) -> Iterator[Document]:
    """The documents of discovery's entries, in order, read here; markers go to `intake`."""
    limits = limits or Limits()
    intake = intake if intake is not None else Intake()
    for item in entry_inputs(entries, limits, skip_non_inputs):
        for document in (item,) if isinstance(item, Document) else item.documents(limits):
            if not intake.take(document):
                yield document


@dataclass(frozen=True, slots=True)
class FileInput:
    """A file still to be read: a process pool sends its name to a worker, never its bytes. `config`: the
    (config file, engine Config) of a file under a nested config file; None for the run's own."""

    path: str  # a str, not a Path: a run may hold a hundred thousand of them
    name: str | None = None  # as reports show it; None: the path
    walked: bool = False  # found by walking a folder: a file that is no input is skipped, not reported
    config: tuple[str, Any] | None = None

    def documents(self, limits: Limits | None = None) -> Iterator[Document]:
        return load_file(Path(self.path), self.name, limits, walked=self.walked)


def entry_inputs(entries: Iterable[Any], limits: Limits | None = None, skip_non_inputs: bool = False,
                 config_of=None) -> Iterator[FileInput | Document]:
    """What discovery's entries name, without reading a file: a `FileInput` per file; a `Document` for stdin,
    for a named path that is no input (exit 2, unless `skip_non_inputs`) and for a folder that holds nothing
    to audit; a `SKIPPED` marker for what discovery excluded. `config_of(entry)`: a FileInput's `config`."""
    limits = limits or Limits()
    found: dict[str, int] = {}  # files met per named folder
    for entry in entries:
        if entry.skipped is not None:
            yield _marker(SKIPPED, entry.source + ("/" if entry.is_dir else ""), entry.skipped)
            continue
        if entry.is_dir:  # the end of a named folder's walk
            if not found.get(entry.top):
                yield _problem(entry.source, "unreadable", "folder holds no post, page or sitemap to audit "
                               "(--show-files lists what was skipped)")
            continue
        if entry.top is not None:
            found[entry.top] = found.get(entry.top, 0) + 1
        if entry.path is None:
            yield from load_bytes(_read_capped(sys.stdin.buffer, limits.max_input_bytes), "-", limits)
        elif _suffix(entry.source) in STREAM_SUFFIXES:  # each document goes to a worker on its own
            yield from stream_documents(str(entry.path), entry.source, limits)
        elif entry.explicit and not entry.included and entry.path.is_file() and _suffix(entry.source):
            message = (f"a {_suffix(entry.source)} file is no input: seoaudit reads WordPress JSON (.json), pages "
                       "(.html, .htm) and sitemaps (.xml), maybe gzipped")
            yield (_marker(SKIPPED, entry.source, message) if skip_non_inputs
                   else _problem(entry.source, "not-a-post", message))
        else:
            walked = not entry.explicit or skip_non_inputs
            yield FileInput(str(entry.path), entry.source, walked, config_of(entry) if config_of else None)


def stream_documents(path: str, name: str, limits: Limits) -> Iterator[Document]:
    """The documents of a crawl archive (then a note on what else it held) or of an NDJSON file."""
    from .inputs import snapshot, warc

    if warc.is_warc(path):
        counts = Counter()
        yield from warc.WarcInput(path, name).documents(limits, counts)
        note = warc.describe(counts)
        if note is not None:
            yield _marker(NOTED, name, note)
    elif snapshot.is_ndjson(path):
        yield from snapshot.NdjsonInput(path, name).documents(limits)


def _marker(kind: str, source: str, message: str) -> Document:
    return Document(source=source, kind=kind, problem=InputProblem(kind, message, Location()))


def _suffix(name: str) -> str:
    """The suffix that says what a file holds: `.json` of `post.json.gz`; "" for none."""
    return Path(name.lower().removesuffix(GZIP_SUFFIX)).suffix


def load_file(path: Path, name: str | None = None, limits: Limits | None = None, walked: bool = False
              ) -> Iterator[Document]:
    name = name or str(path)
    limits = limits or Limits()
    cap = limits.max_input_bytes
    if _suffix(name) == ".xml":  # a sitemap may hold 50 MB: read that much, to say it is too large past it
        cap = max(cap, MAX_SITEMAP_BYTES)
    try:
        with path.open("rb") as stream:
            data = _read_capped(stream, cap)
    except OSError as exc:
        yield unopened(name, exc)
        return
    yield from load_bytes(data, name, limits, walked)


def unopened(name: str, exc: OSError) -> Document:
    """The document that says why a file could not be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return _problem(name, "unreadable", "no such file or directory")
    if isinstance(exc, IsADirectoryError):
        return _problem(name, "unreadable", "is a directory")
    return _problem(name, "unreadable", exc.strerror or str(exc))


def _read_capped(stream, cap: int) -> bytes:
    """At most `cap + 1` bytes: one more than allowed says "too big" without reading a 50 GB file."""
    chunks, size = [], 0
    while size <= cap:
        chunk = stream.read(min(1 << 20, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _TooBig(Exception):
    pass


def gunzip(data: bytes, cap: int) -> bytes:
    """Decompress every gzip member of `data`, never holding more than `cap + 1` output bytes.
    Raises `_TooBig` past the cap and `zlib.error` for a stream that is corrupt or cut short."""
    out = bytearray()
    while data[:2] == GZIP_MAGIC:
        stream = zlib.decompressobj(wbits=31)
        while True:
            out += stream.decompress(data, cap + 1 - len(out))
            if len(out) > cap:
                raise _TooBig
            if stream.eof:
                data = stream.unused_data
                break
            if not stream.unconsumed_tail:
                raise zlib.error("the gzip stream is cut short")
            data = stream.unconsumed_tail
    return bytes(out)  # bytes after the last member that are not a gzip member are ignored, as gzip(1) does


def load_bytes(data: bytes, source: str, limits: Limits | None = None, walked: bool = False) -> Iterator[Document]:
    """Sniff what the bytes are (gzip, JSON, a sitemap or HTML) and turn them into documents. `walked`: the
    file was found by walking a folder, so one that is none of seoaudit's inputs is skipped (a `SKIPPED`
    marker) rather than reported."""
    limits = limits or Limits()
    suffix = _suffix(source)
    cap = max(limits.max_input_bytes, MAX_SITEMAP_BYTES) if suffix == ".xml" else limits.max_input_bytes
    if len(data) > cap:
        yield _too_large_sitemap(source, data, cap) or _too_big(source, cap)
        return
    if data[:2] == GZIP_MAGIC:  # by its bytes, whatever its name; a .gz that is not gzip is read as it is
        try:
            data = gunzip(data, cap)
        except _TooBig:
            yield _too_large_sitemap(source, b"", cap) or _too_big(source, cap, "decompressed ")
            return
        except zlib.error as exc:
            yield _problem(source, "unreadable", f"corrupt gzip data: {exc}")
            return
    if not data or data.isspace():  # isspace stops at the first other byte; strip() would copy the page
        yield _problem(source, "empty", "file is empty" if not data else "file holds only whitespace")
        return
    wide = _wide_encoding(data)
    if wide is None and b"\x00" in data[:_SNIFF_BYTES]:
        yield _problem(source, "unreadable", "binary file (NUL bytes), not JSON or HTML")
        return
    kind = SUFFIX_KINDS.get(suffix)
    if kind is None:  # no telling name (stdin, `page`, an included *.php): the content decides
        start = data[:64].decode(wide or "utf-8", "ignore").lstrip("\ufeff \t\r\n")[:1]
        kind = "json" if start in ("{", "[") else "xml" if looks_like_sitemap(data) else "html"
    if kind == "json":
        yield from _load_json(data, source, limits, wide, walked)
    elif kind == "xml":
        yield from _load_xml(data, source, walked)
    else:
        if len(data) > limits.max_input_bytes:  # read up to a sitemap's size under an .xml name
            yield _too_big(source, limits.max_input_bytes)
            return
        from .extract.html import decode_html

        text, notes = decode_html(data, wide)
        yield Document(source=source, kind="html", html=text, notes=notes, encoding="utf-8")


def _too_large_sitemap(source: str, head: bytes, cap: int) -> Document | None:
    """A sitemap past the size cap (by its name, or its first bytes): `sitemap/too-large` says so."""
    from .extract.sitemap import SitemapFile, looks_like_sitemap_name

    if _suffix(source) == ".xml" and (looks_like_sitemap_name(source) or looks_like_sitemap(head[:_SNIFF_BYTES])):
        return Document(source=source, kind="sitemap", data=SitemapFile(cap + 1, None))
    return None


def _load_xml(data: bytes, source: str, walked: bool) -> Iterator[Document]:
    """A sitemap, read as one (never audited as a page); other XML is no input."""
    from .extract.sitemap import looks_like_sitemap_name, sitemap_file

    if not (looks_like_sitemap(data) or looks_like_sitemap_name(source)):
        yield _marker(SKIPPED, source, NOT_OURS_XML) if walked else _problem(source, "not-a-post", NOT_OURS_XML)
        return
    yield Document(source=source, kind="sitemap", data=sitemap_file(data))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, from a BOM or (RFC 4627 §3, for JSON and HTML alike) the NULs around the first
    ASCII character; None for everything byte-wide (UTF-8, Latin-1, …)."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    head = data[:4]
    if len(head) < 4:
        return None
    if head[:3] == b"\x00\x00\x00" and head[3:] in _ASCII_STARTS:
        return "utf-32-be"
    if head[1:] == b"\x00\x00\x00" and head[:1] in _ASCII_STARTS:
        return "utf-32-le"
    if head[0] == 0 and head[2] == 0 and head[1:2] in _ASCII_STARTS and head[3:] != b"\x00":
        return "utf-16-be"
    if head[1] == 0 and head[3] == 0 and head[:1] in _ASCII_STARTS and head[2:3] != b"\x00":
        return "utf-16-le"
    return None


_ASCII_STARTS = [bytes([c]) for c in b"<{[ \t\r\n"]


def _load_json(data: bytes, source: str, limits: Limits, wide: str | None, walked: bool) -> Iterator[Document]:
    try:
        text = data.decode(wide or "utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = (wide or "UTF-8").upper()
        yield _problem(source, "unreadable", f"not {encoding} text (invalid byte at offset {exc.start})")
        return
    try:
        value = strict_json.loads(text)
    except json.JSONDecodeError as exc:
        yield _problem(source, "invalid-json",
                       f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                       Location(line=exc.lineno, column=exc.colno))
        return
    except RecursionError:
        yield _too_deep(source, limits.max_json_depth, "")
        return
    except ValueError as exc:  # a number JSON allows but no report could hold: RFC 8259 §6 lets us refuse it
        yield _problem(source, "invalid-json", f"invalid JSON: {str(exc).split(':')[0]}")
        return
    if isinstance(value, list) and not value:  # `?status=draft` when there is none: zero posts, not an error
        yield _marker(NOTED, source, "an empty collection, no posts to audit")
        return
    if walked and json_shape(value) is None:
        yield _marker(SKIPPED, source, NOT_OURS_JSON)
        return
    notes = []
    if strict_json.may_hold_surrogates(text):
        value, count = strict_json.replace_lone_surrogates(value)
        if count:
            notes.append(strict_json.surrogate_note(count))
    if wide is not None:
        notes.append(f"JSON encoded as {wide.upper()}, not UTF-8 (RFC 8259 §8.1); read anyway")
    # A collection's array is one level: each post in it gets the rest, and only a too-deep post is lost.
    limit = limits.max_json_depth
    if not isinstance(value, list) and json_depth_exceeds(value, limit):
        yield _too_deep(source, limit, "")
        return
    deep = {f"/{i}": _too_deep(source, limit, f"/{i}") for i, item in enumerate(value)
            if json_depth_exceeds(item, limit - 1)} if isinstance(value, list) else {}
    lines = PointerLines(text)
    for document in documents_from_json(value, source, deep):
        document.notes.extend(notes)
        document.lines = lines
        yield document


def _too_big(source: str, cap: int, what: str = "") -> Document:
    return _limit(source, f"{what}input is over the {cap:,}-byte limit (max-input-bytes); "
                  "not audited")


def _too_deep(source: str, limit: int, pointer: str) -> Document:
    return _limit(source, f"JSON is nested more than {limit} levels deep (max-json-depth); "
                  "not audited", pointer)


def _limit(source: str, message: str, pointer: str = "") -> Document:
    return Document(source=source, kind="invalid", pointer=pointer,
                    problem=InputProblem("limit-exceeded", message, Location(pointer=pointer or None)))


def json_shape(value: Any) -> str | None:
    """Which of seoaudit's JSON inputs a decoded value is: "collection" (an array that holds one), "recorded-http",
    "rest-error", "yoast-get-head", "graphql" (a WPGraphQL answer), "rank-math-get-head", "seopress", "wp-post",
    "wp-term" or "wp-user"; None for JSON that is none of them, which a folder walk skips (package.json,
    tsconfig.json, a report). The one place that says what JSON is an input: new shapes are added here."""
    if isinstance(value, list):
        return "collection" if not value or any(isinstance(item, dict) and json_shape(item) for item in value) else None
    if not isinstance(value, dict):
        return None
    if "seoaudit_http" in value:  # a recorded HTTP exchange (live mode's facts, audited offline)
        return "recorded-http"
    if _is_rest_error(value):
        return "rest-error"
    if _is_yoast_get_head(value):
        return "yoast-get-head"
    if headless.is_graphql_response(value):
        return "graphql"
    if headless.is_rank_math_head(value):
        return "rank-math-get-head"
    if headless.is_seopress(value):
        return "seopress"
    return _wp_kind(value)


def documents_from_json(value: Any, source: str, too_deep: dict[str, Document] | None = None) -> Iterator[Document]:
    """A decoded JSON value: one WP object, a collection (array), a get_head response, a GraphQL response (one
    document per node), a REST error. `too_deep`: the documents that stand for collection items over
    max-json-depth, by pointer."""
    if isinstance(value, list):
        if not value:
            yield _problem(source, "empty", "the collection is an empty array: no posts to audit")
            return
        for index, item in enumerate(value):
            pointer = f"/{index}"
            if too_deep and pointer in too_deep:
                yield too_deep[pointer]
            else:
                yield from _documents(item, source, pointer)
    else:
        yield from _documents(value, source, "")


def _documents(value: Any, source: str, pointer: str) -> Iterator[Document]:
    if isinstance(value, dict) and headless.is_graphql_response(value):
        yield from _graphql_documents(value, source, pointer)
    else:
        yield _classify(value, source, pointer)


def _graphql_documents(value: dict, source: str, pointer: str) -> Iterator[Document]:
    """One document per node of `data`; each GraphQL error is an input problem of its own (a partial answer
    still has its nodes audited)."""
    data, errors = value.get("data"), value.get("errors") or []
    found = False
    if isinstance(data, dict):
        for node, at in headless.graphql_nodes(data, f"{pointer}/data"):
            found = True
            yield Document(source=source, kind=headless.graphql_kind(node), data=node, pointer=at)
    for index, error in enumerate(errors):
        at = f"{pointer}/errors/{index}"
        yield _problem(source, "rest-error", headless.graphql_error(error), Location(pointer=at), at)
    if not found and not errors and headless.empty_connections(data):
        yield _problem(source, "empty", f"the GraphQL connection{'s' if len(data) > 1 else ''} "
                       f"{', '.join(sorted(data))} hold{'' if len(data) > 1 else 's'} no node: nothing to audit",
                       Location(pointer=f"{pointer}/data"), pointer)
    elif not found and not errors:
        keys = ", ".join(sorted(data)[:6]) if isinstance(data, dict) and data else "none"
        yield _problem(source, "not-a-post", "GraphQL response holds no post, page or term (no object with `seo`, "
                       f"`link` or `uri` under `data`; its fields: {keys})", Location(pointer=f"{pointer}/data"),
                       pointer)


def recorded_document(value: dict[str, Any], source: str, pointer: str) -> Document:
    """A recorded HTTP exchange (`{"seoaudit_http": {…}, "body": "<html>…"}` or `…, "json": {…}}`) → a Document
    carrying its `Wire`, so the wire rules can be run and tested offline."""
    from .wire import Wire

    record = value.get("seoaudit_http")
    if not isinstance(record, dict):
        return _problem(source, "not-a-post", "`seoaudit_http` must be an object (status, headers, redirects…)",
                        Location(pointer=pointer + "/seoaudit_http"), pointer)
    wire = Wire.from_json(record)
    payload = value.get("json")
    if isinstance(payload, dict):
        document = next(documents_from_json(payload, source))
        document.pointer = pointer + "/json" + (document.pointer or "")
        if document.problem is None:
            document.wire = wire
        return document
    body = value.get("body")
    html = body.encode("utf-8") if isinstance(body, str) else b""
    return Document(source=source, kind="html", html=html, pointer="", wire=wire)


def _classify(value: Any, source: str, pointer: str) -> Document:
    where = Location(pointer=pointer)
    if not isinstance(value, dict):
        return _problem(source, "not-a-post", f"a JSON {_JSON_TYPES.get(type(value), 'value')} is not a "
                        "WordPress REST object", where, pointer)
    if "seoaudit_http" in value:  # a recorded HTTP exchange (live mode's facts, audited offline)
        return recorded_document(value, source, pointer)
    if _is_rest_error(value):
        data = value.get("data")
        status = data.get("status") if isinstance(data, dict) else None
        return _problem(source, "rest-error",
                        f"WordPress REST error {value['code']}" + (f" (HTTP {status})" if status else "")
                        + f": {_one_line(value.get('message'))}", where, pointer)
    if _is_yoast_get_head(value):
        return Document(source=source, kind="yoast-get-head", data=value, pointer=pointer)
    if headless.is_rank_math_head(value) or headless.is_seopress(value):
        return _plugin_answer(value, source, pointer)
    kind = _wp_kind(value)
    if kind is None:
        keys = ", ".join(sorted(map(str, value))[:6]) or "none"
        return _problem(source, "not-a-post",
                        f"JSON object is not a WordPress REST object, collection, GraphQL response or SEO plugin "
                        f"head (no `link`; keys: {keys})", where, pointer)
    return Document(source=source, kind=kind, data=value, pointer=pointer)


def _plugin_answer(value: dict, source: str, pointer: str) -> Document:
    """Rank Math's getHead or SEOPress's answer: `success: false`, an empty head or SEOPress's `data: null` say
    that nothing came back for the URL or post."""
    where = Location(pointer=pointer)
    plugin, field = ("Rank Math getHead", "head") if "head" in value else ("SEOPress", "data")
    if value["success"] is not True:
        return _problem(source, "rest-error", f"{plugin} answered success: {json.dumps(value['success'])}",
                        where, pointer)
    if field == "head" and not value["head"].strip():
        return _problem(source, "empty", "Rank Math getHead answered an empty head (is the URL one of the site's?)",
                        Location(pointer=f"{pointer}/head"), pointer)
    if field == "data" and value["data"] is None:
        return _problem(source, "empty", "SEOPress answered data: null: it returns SEO data only for a published "
                        "post without a password", Location(pointer=f"{pointer}/data"), pointer)
    kind = "rank-math-get-head" if field == "head" else "seopress"
    return Document(source=source, kind=kind, data=value, pointer=pointer)


def _is_yoast_get_head(value: dict) -> bool:
    return isinstance(value.get("html"), str) and isinstance(value.get("json"), dict)


def _is_rest_error(value: dict) -> bool:
    return isinstance(value.get("code"), str) and "message" in value and "link" not in value


def _wp_kind(value: dict) -> str | None:
    if not isinstance(value.get("link"), str):
        return None
    if "taxonomy" in value:
        return "wp-term"
    if "avatar_urls" in value or ("title" not in value and "name" in value and "url" in value):
        return "wp-user"
    if isinstance(value.get("title"), dict) or "yoast_head_json" in value or "yoast_head" in value:
        return "wp-post"
    return None


def _problem(source: str, code: str, message: str, location: Location | None = None,
             pointer: str = "") -> Document:
    return Document(source=source, kind="invalid", pointer=pointer,
                    problem=InputProblem(code, message, location or Location()))
