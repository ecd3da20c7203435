"""positions: the line of a JSON pointer in a JSON file, so annotations land on the right line.

Python's json module keeps no positions, so `pointer_lines` scans the text once (strings through the
json module's own scanner) and records where every value starts: for an object member, the line of
its key, which is what an editor or a GitHub annotation should point at.
"""

from __future__ import annotations

import json.decoder
import re
from bisect import bisect_left

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


class PointerLines:
    """The file line of a JSON pointer in one JSON text, for SARIF regions and GitHub annotations. The loader
    hands one to every document it decodes from the text (a collection's items share it), so the lines are
    found where the bytes are, once per file, and only when a report asks for them."""

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str):
        self._text: str | None = text
        self._lines: dict[str, int] | None = None

    def line(self, pointer: str) -> int | None:
        """The line of `pointer`, or of the deepest member of it that exists."""
        if self._lines is None:
            self._lines = pointer_lines(self._text or "")
            self._text = None
        lines = self._lines
        while pointer not in lines and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return lines.get(pointer)
