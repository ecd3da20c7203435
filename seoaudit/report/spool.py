"""spool: the light results of a run, kept in a temporary file (deleted when closed) rather than in memory,
for the reports written whole at the end (JSON, SARIF, JUnit, Markdown, a baseline). Read back in input
order (a live run's results arrive in the order their fetches finish), with the findings of the rules
that compare documents joined in.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator

from ..results import DocumentResult

_SIZE = 8  # bytes of a record's length


def record(result: DocumentResult) -> bytes:
    """A result as the spool keeps it (run.Rendering makes it where the document is audited, in parallel)."""
    return pickle.dumps((result.key, result.document, result.findings, result.metadata, result.rules,
                         result.suppressed, result.baselined, result.lines, result.images, result.rendered),
                        pickle.HIGHEST_PROTOCOL)


class Spool:
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open for the whole run; closed by close())
        self._in_order = True
        self._last: tuple | None = None
        self.count = 0

    def add(self, result: DocumentResult) -> None:
        if self._last is not None and result.key < self._last:
            self._in_order = False
        self._last = result.key
        data = result.spooled if result.spooled is not None else record(result)
        self._file.write(len(data).to_bytes(_SIZE, "little") + data)
        self.count += 1

    def results(self) -> Iterator[DocumentResult]:
        """Every result, in key order, read from disk."""
        self._file.flush()
        if self._in_order:
            yield from (result for _, result in self._records())
            return
        places = sorted((result.key, offset) for offset, result in self._records())
        for _, offset in places:
            yield self._read(offset)[1]

    def _records(self) -> Iterator[tuple[int, DocumentResult]]:
        offset = 0
        while (record := self._read(offset)) is not None:
            yield offset, record[1]
            offset = record[0]

    def _read(self, offset: int) -> tuple[int, DocumentResult] | None:
        """(the next record's offset, the result at `offset`), None past the end."""
        self._file.seek(offset)
        head = self._file.read(_SIZE)
        if len(head) < _SIZE:
            return None
        size = int.from_bytes(head, "little")
        key, document, findings, metadata, rules, suppressed, baselined, lines, images, rendered = pickle.loads(
            self._file.read(size))
        result = DocumentResult(document, findings, metadata, rules, suppressed, baselined, key, lines,
                                images=images, rendered=rendered)
        return offset + _SIZE + size, result

    def close(self) -> None:
        self._file.close()


class SpoolView:
    """The documents of a report read from a spool, with the run's late findings joined in: a new pass over
    the file each time it is iterated, so that each whole-file report reads it in turn."""

    def __init__(self, spool: Spool, late=None):
        self._spool = spool
        self._late = late

    def __iter__(self) -> Iterator[DocumentResult]:
        results = self._spool.results()
        return self._late.merge(results) if self._late is not None else results
