"""strict_json: `json.loads` for text from the wild, returning only values a JSON report can hold again.

NaN and Infinity are not JSON (RFC 8259 §6), a number a float cannot hold (1e400) would come back out as
`Infinity`, and an integer of more than 4300 digits trips Python's own guard: all three are refused with
a `ValueError` (RFC 8259 §6 lets a parser limit the range of numbers). A `\\ud800` escape of a lone
surrogate decodes to a string no UTF-8 report can hold: `replace_lone_surrogates` makes it U+FFFD.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def loads(text: str) -> Any:
    """Raises json.JSONDecodeError (bad syntax), ValueError (a number or constant refused) or
    RecursionError (nested deeper than the interpreter can read)."""
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value (RFC 8259 §6)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def may_hold_surrogates(text: str) -> bool:
    return _SURROGATE_ESCAPE.search(text) is not None


def replace_lone_surrogates(value: Any) -> tuple[Any, int]:
    """`value` with U+FFFD for each lone surrogate in every string and key, and how many there were.
    Iterative, as deep JSON may be; lists and dicts are changed in place."""
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        fixed, n = _LONE_SURROGATE.subn("\ufffd", text)
        count += n
        return fixed

    if isinstance(value, str):
        return fix(value), count
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            for i, child in enumerate(item):
                if isinstance(child, str):
                    item[i] = fix(child)
                elif isinstance(child, (list, dict)):
                    stack.append(child)
        elif isinstance(item, dict):
            for key in list(item):
                child = item.pop(key)
                if isinstance(child, str):
                    child = fix(child)
                elif isinstance(child, (list, dict)):
                    stack.append(child)
                item[fix(key)] = child
    return value, count


def surrogate_note(count: int) -> str:
    return (f"{count} \\u escape{'s' if count != 1 else ''} of a lone UTF-16 surrogate (not a character) "
            "replaced with U+FFFD")
