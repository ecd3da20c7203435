"""aggregate: the rules that compare the documents of a run (duplicate titles, canonical form drift).

A batch rule module defines, instead of `check`:

- `signature(page, options)`: what the document contributes, by group: `{group: batch.Occurrence}`, or None;
- `check_group(group, members, options)`: from every `batch.Member` of one group (an occurrence with its
  document's key and name), `(document key, Violation)` pairs.

The engine turns each document's occurrences into members where the document is (`Auditor.audit`), and
`Aggregation` folds them into a `BatchState`, as a monoid: `empty()`; `add(state, result)`, linear in what
the document adds; `combine(a, b)`, associative and commutative (a state is a multiset of members by
group), so states can be tree-reduced across workers (Dask's `reduction(chunk, aggregate)`); `finish(state)`,
the findings per document. A document is known by its key, never by its name: the same file given twice
is two documents. Each member also carries its document's `Page.cross_document_key` (`Member.cross_key`):
the post `link` of a WordPress object, so a post read twice is one page to the rules (its first reading
speaks); a page whose key is None (noindex, canonicalised elsewhere, a fragment) gives no occurrence to the
rules that compare pages as themselves. The state is the only part of a run that grows with it (spill.py
keeps it within a memory budget, then on disk).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .batch import Member
from .model import DocumentKey, DocumentRef, Finding, Severity
from .registry import Rule
from .spill import DEFAULT_BUDGET, Multimap

BatchEntries = tuple[tuple[bytes, bytes], ...]  # (rule id NUL group, encoded Member): one document's part


@dataclass(frozen=True)
class BatchStep:
    """A selected batch rule with its options and the severity of each case bound."""

    rule: Rule
    options: dict[str, Any]
    severities: dict[str | None, Severity]


def group_key(rule_id: str, group: str) -> bytes:
    return f"{rule_id}\0{group}".encode("utf-8", "surrogatepass")


def encode_key(key: DocumentKey) -> bytes:
    """A document key as bytes that sort as the key does (non-negative ints, eight bytes each)."""
    return b"".join(part.to_bytes(8, "big") for part in key)


def decode_key(data: bytes) -> DocumentKey:
    return tuple(int.from_bytes(data[i:i + 8], "big") for i in range(0, len(data), 8))


class BatchState:
    """Every member of every group so far, and how many documents gave them."""

    def __init__(self, budget: int = DEFAULT_BUDGET):
        self.members = Multimap(budget)
        self.documents = 0

    @property
    def size(self) -> int:
        """Bytes the state holds (memory as estimated, plus disk)."""
        return self.members.size

    def close(self) -> None:
        self.members.close()


@dataclass(frozen=True)
class LateFinding:
    """A finding of a batch rule for one document, before that document's suppressions and baseline."""

    document: DocumentRef
    finding: Finding
    line: int | None  # the file line of its JSON pointer


class Aggregation:
    """The batch rules of one auditor, as one monoid over `BatchState`s."""

    def __init__(self, steps: Sequence[BatchStep], budget: int = DEFAULT_BUDGET):
        self.steps = {step.rule.id: step for step in steps}
        self.budget = budget

    def empty(self) -> BatchState:
        return BatchState(self.budget)

    def add(self, state: BatchState, entries: BatchEntries) -> BatchState:
        for group, member in entries:
            state.members.add(group, member)
        state.documents += 1
        return state

    def combine(self, a: BatchState, b: BatchState) -> BatchState:
        """`a` with everything of `b` added (the smaller is added to the larger)."""
        if a.members.values < b.members.values:
            a, b = b, a
        a.members.update(b.members)
        a.documents += b.documents
        b.close()
        return a

    def finish(self, state: BatchState) -> Iterator[tuple[DocumentKey, LateFinding]]:
        """Every finding of the batch rules, group by group (not in document order)."""
        for key, values in state.members.items():
            rule_id, group = key.decode("utf-8", "surrogatepass").split("\0", 1)
            step = self.steps.get(rule_id)
            if step is None:  # a state built with other rules selected
                continue
            members = [Member.decode(value) for value in values]
            by_key = {m.key: m for m in members}
            rule = step.rule
            for document_key, v in rule.check_group(group, members, step.options):
                member = by_key[document_key]
                finding = Finding.stamp(rule.id, step.severities[v.case], v)
                yield document_key, LateFinding(member.document, finding,
                                                member.line if v.location == member.location else None)

    @staticmethod
    def encode(late: LateFinding) -> bytes:
        return pickle.dumps(late, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def decode(data: bytes) -> LateFinding:
        return pickle.loads(data)
