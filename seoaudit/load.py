"""load: paths, `-` and directories in, `Document`s out.

Never raises for anything a user can feed in: a file that cannot be read or understood becomes a
Document carrying an `InputProblem`, which the `input/*` rules report, and the batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Document, InputProblem, Location

_JSON_TYPES = {int: "number", float: "number", str: "string", bool: "boolean", type(None): "null", list: "array"}
AUDITED_SUFFIXES = (".json", ".html", ".htm")
_SNIFF_BYTES = 8192


def load_paths(paths: Iterable[str]) -> Iterator[Document]:
    for raw in paths:
        if raw == "-":
            yield from load_bytes(sys.stdin.buffer.read(), "-")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in AUDITED_SUFFIXES and p.is_file())
            if not files:
                yield _problem(raw, "unreadable", "directory holds no .json, .html or .htm file")
            for file in files:
                yield from load_file(file)
        else:
            yield from load_file(path, raw)


def load_file(path: Path, name: str | None = None) -> Iterator[Document]:
    name = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield _problem(name, "unreadable", "no such file or directory")
        return
    except IsADirectoryError:
        yield _problem(name, "unreadable", "is a directory")
        return
    except OSError as exc:
        yield _problem(name, "unreadable", exc.strerror or str(exc))
        return
    yield from load_bytes(data, name)


def load_bytes(data: bytes, source: str) -> Iterator[Document]:
    """Sniff what the bytes are (JSON or HTML) and turn them into documents."""
    if not data.strip():
        yield _problem(source, "empty", "file is empty" if not data else "file holds only whitespace")
        return
    if b"\x00" in data[:_SNIFF_BYTES] and not _is_utf16(data):
        yield _problem(source, "unreadable", "binary file (NUL bytes), not JSON or HTML")
        return
    text_start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if text_start in (b"{", b"[") or source.lower().endswith(".json"):
        yield from _load_json(data, source)
    else:
        yield Document(source=source, kind="html", html=data)


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _load_json(data: bytes, source: str) -> Iterator[Document]:
    try:
        text = data.decode("utf-16") if _is_utf16(data) else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _problem(source, "unreadable", f"not UTF-8 text (invalid byte at offset {exc.start})")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _problem(source, "invalid-json",
                       f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                       Location(line=exc.lineno, column=exc.colno))
        return
    except RecursionError:
        yield _problem(source, "invalid-json", "JSON is nested too deeply to read")
        return
    yield from documents_from_json(value, source)


def documents_from_json(value: Any, source: str) -> Iterator[Document]:
    """A decoded JSON value: one WP object, a collection (array), a get_head response, or a REST error."""
    if isinstance(value, list):
        if not value:
            yield _problem(source, "empty", "the collection is an empty array: no posts to audit")
            return
        for index, item in enumerate(value):
            yield _classify(item, source, f"/{index}")
    else:
        yield _classify(value, source, "")


def _classify(value: Any, source: str, pointer: str) -> Document:
    where = Location(pointer=pointer)
    if not isinstance(value, dict):
        return _problem(source, "not-a-post", f"a JSON {_JSON_TYPES.get(type(value), 'value')} is not a "
                        "WordPress REST object", where, pointer)
    if _is_rest_error(value):
        data = value.get("data")
        status = data.get("status") if isinstance(data, dict) else None
        return _problem(source, "rest-error",
                        f"WordPress REST error {value['code']}" + (f" (HTTP {status})" if status else "")
                        + f": {_one_line(value.get('message'))}", where, pointer)
    if isinstance(value.get("html"), str) and isinstance(value.get("json"), dict):
        return Document(source=source, kind="yoast-get-head", data=value, pointer=pointer)
    kind = _wp_kind(value)
    if kind is None:
        keys = ", ".join(sorted(map(str, value))[:6]) or "none"
        return _problem(source, "not-a-post",
                        f"JSON object is not a WordPress REST object, collection or Yoast get_head response "
                        f"(no `link`; keys: {keys})", where, pointer)
    return Document(source=source, kind=kind, data=value, pointer=pointer)


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


def _one_line(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def _problem(source: str, code: str, message: str, location: Location | None = None,
             pointer: str = "") -> Document:
    return Document(source=source, kind="invalid", pointer=pointer,
                    problem=InputProblem(code, message, location or Location()))
