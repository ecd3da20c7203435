"""The nouns of the rules that compare documents (seoaudit/aggregate.py runs them), and the duplicate check.

A batch rule maps each document to `Occurrence`s, each filed under a group (the normalised title, the
site); the engine adds the document's key and name to make `Member`s, and the rule's `check_group`
judges one group's members once every document is in.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .model import DocumentKey, DocumentRef, Location, Violation


@dataclass(frozen=True, slots=True)
class Occurrence:
    """What one document contributes to one group: the value as written, where, in which view, and
    `extra`, plain values (str, int, None, tuples of them) the rule compares beyond the group."""

    value: str
    location: Location
    view: str | None = None
    extra: tuple = ()


# Immutable by convention, not frozen (as model.Location): a run's end decodes one per document and batch rule,
# and a frozen dataclass is built 2.5 times slower.
@dataclass(slots=True, unsafe_hash=True)
class Member:
    """An occurrence with the document it came from. `line` is the file line of its location's JSON
    pointer, when a report asked for lines. `cross_key` is the document's `Page.cross_document_key`: one
    post read twice (a file, a collection, a `context=edit` export) has one, and is one page to the rules."""

    key: DocumentKey
    document: DocumentRef
    value: str
    location: Location
    view: str | None = None
    extra: tuple = ()
    line: int | None = None
    cross_key: str = ""

    def encode(self) -> bytes:
        """Compact bytes (a batch state holds one per document and rule, in memory or on disk)."""
        d, loc = self.document, self.location
        return marshal.dumps((self.key, d.source, d.kind, d.pointer, d.identity, self.value, loc.pointer, loc.line,
                              loc.column, loc.path, self.view, self.extra, self.line, self.cross_key))

    @classmethod
    def decode(cls, data: bytes) -> Member:
        (key, source, kind, pointer, identity, value, loc_pointer, loc_line, column, path, view, extra,
         line, cross_key) = marshal.loads(data)
        return cls(key, DocumentRef(source, kind, pointer, None, identity), value,
                   Location(loc_pointer, loc_line, column, path), view, extra, line, cross_key)


def occurrence(page, field, view: str | None) -> dict[str, Occurrence] | None:
    """A field filed under its value, compared case-insensitively with collapsed whitespace; nothing for a
    page that takes no part in comparisons (`Page.cross_document_key` None: noindex, canonicalised elsewhere)."""
    if page.cross_document_key is None or field is None or not field.value.strip():
        return None
    return {" ".join(field.value.casefold().split()): Occurrence(field.value, field.location, view)}


def by_name(members: Iterable[Member]) -> list[Member]:
    """Members in the order findings name them: by document name, then by place in the run."""
    return sorted(members, key=lambda m: (m.document.display_source, m.key))


def first_readings(members: Iterable[Member]) -> list[Member]:
    """One member per page (`cross_key`): its first reading in the run, which speaks for it."""
    first: dict[str, Member] = {}
    for member in members:
        kept = first.get(member.cross_key)
        if kept is None or member.key < kept.key:
            first[member.cross_key] = member
    return list(first.values())


def duplicates(members: list[Member], what: str, fix: str) -> Iterator[tuple[DocumentKey, Violation]]:
    """One finding per page of a group that another page of the run shares (a post read twice is one page:
    its first reading gets the finding). The names shown are the first of the group by name, picked once
    for the whole group: the cost is linear in its size."""
    ordered = by_name(first_readings(members))
    if len(ordered) < 2:
        return
    first = ordered[:4]  # three others to name, whichever member the finding is for
    others = len(ordered) - 1
    for member in ordered:
        names = [m.document.display_source for m in first if m.key != member.key][:3]
        shown = ", ".join(names) + (f" and {others - 3} more" if others > 3 else "")
        yield member.key, Violation(f"{what} {_quote(member.value)} is also used by {others} other document"
                                    f"{'s' if others > 1 else ''} of this run: {shown}",
                                    member.location, value=member.value, expected=f"a {what} unique to this page",
                                    fix=fix, view=member.view)


SHOWN = 3  # other documents a message names before "and N more"


def names(members: list[Member], but: Member) -> str:
    """'a.json, b.json, c.json and 2 more': the documents other than `but`, the first few by name (members in
    order; only the first few are read, so naming every member of a large group stays linear)."""
    shown = [m.document.display_source for m in members[:SHOWN + 1] if m is not but][:SHOWN]
    more = len(members) - 1 - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _quote(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 80 else text[:79] + "…")
