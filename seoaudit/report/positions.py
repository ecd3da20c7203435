"""positions: the line of a JSON pointer in a JSON file, so annotations land on the right line.

Python's json module keeps no positions, so `pointer_lines` scans the text once (strings through the
json module's own scanner) and records where every value starts: for an object member, the line of
its key, which is what an editor or a GitHub annotation should point at.
"""

from __future__ import annotations

import json.decoder
import re
from bisect import bisect_left
from pathlib import Path

from ..model import Document, Finding

_SCALAR = re.compile(r"[^\s,\]\}]+")
_SPACE = " \t\r\n"


def pointer_lines(text: str) -> dict[str, int]:
    """Every JSON pointer of the document → 1-based line. Stops quietly at malformed JSON."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    found: dict[str, int] = {}

    def skip(i: int) -> int:
        while i < len(text) and text[i] in _SPACE:
            i += 1
        return i

    def value(i: int, pointer: str, anchor: int) -> int:
        found[pointer] = bisect_left(newlines, anchor) + 1
        i = skip(i)
        if text[i] == "{":
            i = skip(i + 1)
            while text[i] != "}":
                key_at = i
                key, i = json.decoder.scanstring(text, i + 1)
                i = skip(skip(i) + 1)  # past the colon
                i = skip(value(i, f"{pointer}/{_escape(key)}", key_at))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if text[i] == "[":
            i, index = skip(i + 1), 0
            while text[i] != "]":
                i = skip(value(i, f"{pointer}/{index}", i))
                index += 1
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if text[i] == '"':
            return json.decoder.scanstring(text, i + 1)[1]
        match = _SCALAR.match(text, i)
        return match.end() if match else i + 1

    try:
        start = skip(0)
        value(start, "", start)
    except (IndexError, ValueError, RecursionError):
        pass
    return found


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class FileLines:
    """The file line of a finding: the HTML line, or the line of its JSON pointer in the file.

    The CLI's line lookup for SARIF, GitHub annotations and JUnit. Reads each JSON file once, lazily;
    stdin and unreadable files have no lines.
    """

    def __init__(self) -> None:
        self._files: dict[str, dict[str, int]] = {}

    def __call__(self, document: Document, finding: Finding) -> int | None:
        location = finding.location
        if location.pointer is None:
            return location.line
        if document.source == "-":
            return None
        lines = self._files.get(document.source)
        if lines is None:
            lines = self._files[document.source] = _read(document.source)
        pointer = location.pointer
        while pointer not in lines and pointer:  # the deepest member that exists
            pointer = pointer.rsplit("/", 1)[0]
        return lines.get(pointer)


def _read(source: str) -> dict[str, int]:
    try:
        data = Path(source).read_bytes()
    except OSError:
        return {}
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return pointer_lines(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return {}
