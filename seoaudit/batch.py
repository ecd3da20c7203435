"""Helpers for batch rules: the same value on several documents of one run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .model import Location, Violation

# A duplicate signature: normalised value → [(document key, value as written, location, view)]
Occurrences = dict[str, list[tuple[str, str, Location, str | None]]]


def occurrence(key: str | None, field, view: str | None) -> Occurrences | None:
    """One document's value; `key` is the document's `Page.cross_document_key` (None: it takes no part)."""
    if key is None or field is None or not field.value.strip():
        return None
    return {" ".join(field.value.casefold().split()): [(key, field.value, field.location, view)]}


def merge_occurrences(a: Occurrences, b: Occurrences) -> Occurrences:
    merged = {k: list(v) for k, v in a.items()}
    for key, items in b.items():
        merged.setdefault(key, []).extend(items)
    return merged


def duplicates(state: Occurrences, what: str, fix: str) -> Iterator[tuple[str, Violation]]:
    """One finding per document whose value another document of the run also uses."""
    for items in state.values():
        documents = sorted({doc for doc, *_ in items})
        if len(documents) < 2:
            continue
        first = {doc: item for doc, *item in reversed(items)}  # a post read twice: its first reading speaks
        for doc in documents:
            value, location, view = first[doc]
            others = [d for d in documents if d != doc]
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
            yield doc, Violation(f"{what} {_quote(value)} is also used by {len(others)} other document"
                                 f"{'s' if len(others) > 1 else ''} of this run: {shown}",
                                 location, value=value, expected=f"a {what} unique to this page", fix=fix,
                                 view=view)


def _quote(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 80 else text[:79] + "…")
