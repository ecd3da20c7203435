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

Decoded JSON becomes documents in documents.py, which the stream inputs (inputs/: crawl archives, site
snapshots) share with this module without importing it.
"""

from __future__ import annotations

import codecs
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# documents_from_json and json_shape stay seoaudit.load's API (embedders, tests): re-exported (`as`).
from .documents import documents_from_json as documents_from_json
from .documents import json_documents, marker, problem, too_big, unopened
from .documents import json_shape as json_shape
from .extract.sitemap import MAX_BYTES as MAX_SITEMAP_BYTES
from .extract.sitemap_xml import looks_like_sitemap
from .limits import Limits
from .model import NOTED, SKIPPED, Document, InputCode

GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_STARTS = b"<{[ \t\r\n\xef"  # what a text page or JSON document can start with (ASCII, or a UTF-8 BOM)
# What a file's name says it holds (after any .gz); a name with another suffix is no input (README.md).
SUFFIX_KINDS = {".json": "json", ".html": "html", ".htm": "html", ".xml": "xml"}
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
        if document.kind == SKIPPED:
            self.skipped.append((document.source, document.reason))
        elif document.kind == NOTED:
            self.notes.append(f"{document.source}: {document.reason}")
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

    def __reduce__(self):  # sent to a worker by the thousand: positional, not the slots' state (model.Location's)
        return FileInput, (self.path, self.name, self.walked, self.config)


def entry_inputs(entries: Iterable[Any], limits: Limits | None = None, skip_non_inputs: bool = False,
                 config_of=None) -> Iterator[FileInput | Document]:
    """What discovery's entries name, without reading a file: a `FileInput` per file; a `Document` for stdin,
    for a named path that is no input (exit 2, unless `skip_non_inputs`) and for a folder that holds nothing
    to audit; a `SKIPPED` marker for what discovery excluded. `config_of(entry)`: a FileInput's `config`."""
    limits = limits or Limits()
    found: dict[str, int] = {}  # files met per named folder
    for entry in entries:
        if entry.skipped is not None:
            yield marker(SKIPPED, entry.source + ("/" if entry.is_dir else ""), entry.skipped)
            continue
        if entry.is_dir:  # the end of a named folder's walk
            if not found.get(entry.top):
                yield problem(entry.source, InputCode.UNREADABLE, "folder holds no post, page or sitemap to audit "
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
            yield (marker(SKIPPED, entry.source, message) if skip_non_inputs
                   else problem(entry.source, InputCode.NOT_A_POST, message))
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
            yield marker(NOTED, name, note)
    elif snapshot.is_ndjson(path):
        yield from snapshot.NdjsonInput(path, name).documents(limits)




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
        yield _too_large_sitemap(source, data, cap) or too_big(source, cap)
        return
    if data[:2] == GZIP_MAGIC:  # by its bytes, whatever its name; a .gz that is not gzip is read as it is
        try:
            data = gunzip(data, cap)
        except _TooBig:
            yield _too_large_sitemap(source, b"", cap) or too_big(source, cap, "decompressed ")
            return
        except zlib.error as exc:
            yield problem(source, InputCode.UNREADABLE, f"corrupt gzip data: {exc}")
            return
    if not data or data.isspace():  # isspace stops at the first other byte; strip() would copy the page
        yield problem(source, InputCode.EMPTY, "file is empty" if not data else "file holds only whitespace")
        return
    wide = _wide_encoding(data)
    if wide is None and b"\x00" in data[:_SNIFF_BYTES]:
        yield problem(source, InputCode.UNREADABLE, "binary file (NUL bytes), not JSON or HTML")
        return
    kind = SUFFIX_KINDS.get(suffix)
    if kind is None:  # no telling name (stdin, `page`, an included *.php): the content decides
        start = data[:64].decode(wide or "utf-8", "ignore").lstrip("\ufeff \t\r\n")[:1]
        kind = "json" if start in ("{", "[") else "xml" if looks_like_sitemap(data) else "html"
    if kind == "json":
        yield from json_documents(data, source, limits, wide, walked)
    elif kind == "xml":
        yield from _load_xml(data, source, walked)
    else:
        if len(data) > limits.max_input_bytes:  # read up to a sitemap's size under an .xml name
            yield too_big(source, limits.max_input_bytes)
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
        yield marker(SKIPPED, source, NOT_OURS_XML) if walked else problem(source, InputCode.NOT_A_POST, NOT_OURS_XML)
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




























