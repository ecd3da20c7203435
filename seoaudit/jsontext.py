"""jsontext: JSON text through orjson (some ten times faster than the json module with `indent`), as the json
module would write it: `ensure_ascii=False`, `default=str`, two-space indentation or no spaces at all.

orjson refuses a few values the json module takes (integers past 64 bits, lone surrogates, keys that are not
strings); those, rare, go through the json module, so the text is the same either way. Whole-file reports
are written a piece at a time: `Frame` cuts the text of a report around the list of its documents or
results, which are then written one by one at the nesting level they sit at.
"""

from __future__ import annotations

import json
import os
from typing import Any

import orjson

_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME  # as json would: str() of them
# Where a frame's list goes: drawn afresh by each process, so that no string of a page can be taken for it.
_HOLE = f"\x00seoaudit:items:{os.urandom(8).hex()}\x00"


def dumps(value: Any, level: int | None = None) -> str:
    """`value` as JSON. `level` None: compact (one line); else indented by two spaces, as if it sat `level`
    levels deep in a larger document (the first line is not indented)."""
    try:
        data = orjson.dumps(value, default=str, option=_OPTIONS if level is None else _OPTIONS | orjson.OPT_INDENT_2)
        text = data.decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError
        text = json.dumps(value, ensure_ascii=False, default=str, indent=None if level is None else 2,
                          separators=(",", ":") if level is None else None)
    return text.replace("\n", "\n" + "  " * level) if level else text


class Frame:
    """The indented text of a JSON document in which one list is written item by item: build the value with
    `Frame.HOLE` as that list's only item, then write `item(value)` for each item and `end()`; or render
    items apart (`render`, in a worker process) and `join` them. `level`: the document sits that many levels
    deep in a larger one, as `dumps` takes it."""

    HOLE = _HOLE

    def __init__(self, skeleton: Any, level: int = 0):
        text = dumps(skeleton, level)
        mark = dumps(_HOLE)
        at = text.index(mark)
        line = text.rindex("\n", 0, at) + 1
        self._before = text[:line]  # up to and with "[\n"
        self._after = text[at + len(mark):]  # from the "\n" before "]"
        self._indent = text[line:at]
        self._level = len(self._indent) // 2
        self._items = 0

    def render(self, value: Any) -> str:
        """One item's text, indented as it sits in the list."""
        return self._indent + dumps(value, self._level)

    def join(self, items: list[str]) -> str:
        """The whole text, with these rendered items in the list."""
        if not items:
            return self._before[:-1] + self._after.lstrip(" \n")  # "[]", as json writes an empty list
        return self._before + ",\n".join(items) + self._after

    def item(self, value: Any) -> str:
        return self.item_text(dumps(value, self._level))

    def item_text(self, text: str) -> str:
        """An item already written at the list's level (`dumps(value, level)`, or a frame's `join`)."""
        self._items += 1
        head = self._before if self._items == 1 else ",\n"
        return head + self._indent + text

    def end(self) -> str:
        if self._items:
            return self._after
        return self._before[:-1] + self._after.lstrip(" \n")  # "[]", as json writes an empty list
