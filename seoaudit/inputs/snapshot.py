"""snapshot: NDJSON inputs, one JSON value per line (`.ndjson`, `.jsonl`, gzip-compressed or not).

`seoaudit site URL --save site.ndjson.gz` writes what live mode fetched, one document a line, exactly as it was
audited: its name, kind and JSON pointer, its REST object or page bytes, and its `Wire` (status, headers,
redirects, the served page, the canonical target, the image probes), or the input problem it was. Audited
again (`seoaudit check site.ndjson.gz`) it gives the findings the live run gave, offline:

    {"seoaudit_snapshot": {"source": "https://example.com/wp-json/wp/v2/posts/7", "kind": "wp-post",
                           "pointer": "", "wire": {…}}, "json": {…the REST object…}}
    {"seoaudit_snapshot": {"source": "https://example.com/a/", "kind": "html", "wire": {…}}, "html": "<html>…"}

Any other line is read as a JSON input of its own (a REST object, a Yoast head…), named `FILE:LINE`: an export
of the REST API one object per line is an input as it is. A line that is not JSON is that line's problem; the
other lines are still audited. Lines are read one at a time: memory does not grow with the file.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..documents import problem
from ..limits import Limits
from ..model import Document, InputCode, InputProblem

SUFFIXES = (".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz")
MARK = "seoaudit_snapshot"


def is_ndjson(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIXES)


@dataclass(frozen=True, slots=True)
class NdjsonInput:
    """An NDJSON file still to be read (lines `first` to `stop`, 0-based, or all of them)."""

    path: str
    name: str | None = None
    first: int = 0
    stop: int | None = None

    def documents(self, limits: Limits | None = None) -> Iterator[Document]:
        return read(self, limits or Limits())


def read(snapshot: NdjsonInput, limits: Limits) -> Iterator[Document]:
    name = snapshot.name or snapshot.path
    try:
        raw = open(snapshot.path, "rb")  # noqa: SIM115 (closed below, also when the caller stops early)
    except OSError as exc:
        from ..documents import unopened

        yield unopened(name, exc)
        return
    with raw:
        stream = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
        try:
            yield from _lines(stream, name, snapshot, limits)
        except (OSError, EOFError) as exc:  # corrupt or cut-short gzip: what was read is kept
            yield problem(name, InputCode.UNREADABLE, f"unreadable past this point: {exc}")


def _lines(stream, name: str, snapshot: NdjsonInput, limits: Limits) -> Iterator[Document]:
    from ..documents import json_documents

    cap = limits.max_input_bytes
    number = -1
    while line := stream.readline(cap + 1):
        number += 1
        if snapshot.stop is not None and number >= snapshot.stop:
            return
        if len(line) > cap:  # read no more of it than the cap at a time
            while not line.endswith(b"\n") and (line := stream.readline(cap + 1)):
                pass
            if number >= snapshot.first:
                yield problem(f"{name}:{number + 1}", InputCode.LIMIT_EXCEEDED,
                               f"the line is over the {cap:,}-byte limit (max-input-bytes); not audited")
            continue
        if number < snapshot.first or not line.strip():
            continue
        source = f"{name}:{number + 1}"
        if line.lstrip().startswith(b'{"' + MARK.encode()):
            yield _recorded(line, source)
            continue
        for document in json_documents(line, source, limits, None, False):
            document.lines = None  # every pointer is on this one line
            yield document


def _recorded(line: bytes, source: str) -> Document:
    """A document as live mode audited it."""
    from ..wire import Wire

    try:
        value = json.loads(line)
        meta = value[MARK]
        said = meta.get("problem")
        if said is not None:
            return Document(source=meta["source"], kind="invalid", pointer=meta.get("pointer", ""),
                            problem=InputProblem(problem_code(said["code"]), said["message"]))
        html = value.get("html")
        document = Document(source=meta["source"], kind=meta["kind"], data=value.get("json"),
                            html=_bytes(html, value.get("html_base64")), pointer=meta.get("pointer", ""),
                            notes=list(meta.get("notes", [])), encoding=meta.get("encoding"))
        wire = meta.get("wire")
        if wire is not None:
            document.wire = Wire.from_json(wire)
            served = wire.get("served")
            if document.wire.served is not None and served.get("body_base64") is not None:
                document.wire.served.body = base64.b64decode(served["body_base64"])
        return document
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return problem(source, InputCode.INVALID_JSON, f"not a seoaudit snapshot line: {type(exc).__name__}: {exc}")


def problem_code(written: str) -> InputCode:
    """A problem's code as a snapshot line holds it: its rule id (`input/empty`), or the short code
    (`empty`) that snapshots written before the codes were the rule ids hold. ValueError for any other."""
    return InputCode(written if written.startswith("input/") else f"input/{written}")


def _bytes(text: str | None, encoded: str | None) -> bytes | None:
    if encoded is not None:
        return base64.b64decode(encoded)
    return text.encode("utf-8", "surrogatepass") if text is not None else None


class SnapshotWriter:
    """Writes each document live mode hands to the audit as one line (gzip-compressed when the name ends .gz)."""

    def __init__(self, path: Path):
        self.path = path
        self._file = gzip.open(path, "wt", encoding="utf-8") if str(path).endswith(".gz") \
            else open(path, "w", encoding="utf-8")  # noqa: SIM115 (a file open for the whole run)
        self.count = 0

    def add(self, document: Document) -> None:
        self._file.write(json.dumps(snapshot_line(document), ensure_ascii=False, separators=(",", ":")) + "\n")
        self.count += 1

    def close(self) -> None:
        self._file.close()


def snapshot_line(document: Document) -> dict:
    meta: dict = {"source": document.source, "kind": document.kind}
    if document.pointer:
        meta["pointer"] = document.pointer
    if document.problem is not None:
        meta["problem"] = {"code": document.problem.code, "message": document.problem.message}
        return {MARK: meta}
    if document.notes:
        meta["notes"] = document.notes
    if document.encoding is not None:
        meta["encoding"] = document.encoding
    if document.wire is not None:
        meta["wire"] = _wire_json(document.wire)
    line: dict = {MARK: meta}
    if document.data is not None:
        line["json"] = document.data
    if document.html is not None:
        line.update(_text(document.html, "html"))
    return line


def _wire_json(wire) -> dict:
    out = wire.to_json()
    served = wire.served
    if served is not None and served.body is not None:  # the bytes as served, even when they are not UTF-8
        out["served"].pop("body", None)
        out["served"].update(_text(served.body, "body"))
    return out


def _text(data: bytes, name: str) -> dict:
    try:
        return {name: data.decode("utf-8")}
    except UnicodeDecodeError:
        return {f"{name}_base64": base64.b64encode(data).decode("ascii")}
