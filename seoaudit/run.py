"""run: one audit of many documents, owned by the engine. The CLI only routes what it gives to reports.

    run = Run(Auditor.compile(config), jobs=2)
    for result in run.results(inputs):   # light results, in input order, as documents finish
        ...
    late = run.finish()                  # the batch rules' findings, suppressed and baselined, by document
    run.totals.summary()

A run keeps no result: it counts them (`Totals`) and folds what each adds to the rules that compare
documents into their aggregation state (aggregate.py), the one thing that grows with the run, and which
spills to disk past its memory budget. `jobs` > 1 audits in a process pool (pool.py), in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from .aggregate import Aggregation, BatchState, decode_key, encode_key
from .model import DocumentKey, DocumentRef, Finding
from .results import DocumentResult, Totals, file_line
from .spill import DEFAULT_BUDGET, Multimap
from .work import Input, auditor_of, documents_of

if TYPE_CHECKING:
    from .engine import Auditor

# A pool costs a few tenths of a second to start: a run of fewer inputs than this is audited in-process.
POOL_FROM = 48

Order = Callable[[int, Input], tuple[int, ...]]  # (position, input) → the input's place in the output


@dataclass
class LateFindings:
    """What the batch rules found on one document, once its ignore comments and the baseline were applied."""

    key: DocumentKey
    document: DocumentRef
    findings: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, finding: Finding) -> int | None:
        return file_line(finding, self.lines)


@dataclass(frozen=True)
class Rendering:
    """What the reports make of each result where its document is audited, in parallel when a pool audits,
    so that results travel to the parent light and the run's end has little left to do:

    - each renderer (a picklable function of a result, with a `name`: report.Formatter.renderer) puts its
      text in `result.rendered`; the metadata is then dropped unless a report still reads it (`metadata`);
    - `spool` (report.spool.record) encodes the result as the spool keeps it, in `result.spooled`; what only
      the spool needs (the rendered text, the metadata unless a streamed report reads it: `streamed_metadata`)
      is then dropped from the result itself.
    """

    renderers: tuple[Callable[[DocumentResult], Any], ...] = ()
    metadata: bool = True
    spool: Callable[[DocumentResult], bytes] | None = None
    streamed_metadata: bool = True

    def __call__(self, result: DocumentResult) -> DocumentResult:
        if self.renderers:
            result.rendered = {renderer.name: renderer(result) for renderer in self.renderers}
            if not self.metadata:
                result.metadata = {}
        if self.spool is not None:
            result.spooled = self.spool(result)
            result.rendered = None
            if not self.streamed_metadata:
                result.metadata = {}
        return result


class Run:
    def __init__(self, auditor: Auditor, jobs: int = 1, budget: int = DEFAULT_BUDGET,
                 rendering: Rendering | None = None):
        self.auditor = auditor
        self.jobs = max(1, jobs)
        self.budget = budget
        self.rendering = rendering or Rendering()
        self.aggregation = auditor.aggregation(budget)
        self.state: BatchState = self.aggregation.empty()
        self.totals = Totals()
        self._suppressions: dict[DocumentKey, tuple] = {}  # of documents in the batch state that have any
        self._pool = None
        self._late: Late | None = None
        from .load import Intake

        self.intake = Intake()  # what reading decided beside documents: files skipped, empty collections


    def results(self, inputs: Iterable[Input], order: Order | None = None) -> Iterator[DocumentResult]:
        """Audit every document of `inputs` and `add` each result before yielding it."""
        for result in self.audit(inputs, order):
            self.add(result)
            yield result

    def audit(self, inputs: Iterable[Input], order: Order | None = None) -> Iterator[DocumentResult]:
        """Audit every document of `inputs`, yielding light results in the order of `inputs`, not yet added to
        the run (the CLI adds each once its reports have it). `order` gives each input its place in the
        run's output, the first part of its results' keys: by default its position. A file skipped or noted
        while reading (load.py's markers) goes to `intake`, not to the results."""
        for result in self._audit(inputs, order):
            if not self.intake.take(result.document):
                yield result

    def _audit(self, inputs: Iterable[Input], order: Order | None) -> Iterator[DocumentResult]:
        keyed = ((order(i, item) if order is not None else (i,), item) for i, item in enumerate(inputs))
        limits = self.auditor.context.limits
        # In this process until the run proves long enough to pay for a pool (a live run's inputs come slowly:
        # never wait for them to count).
        for key, item in keyed if self.jobs == 1 else islice(keyed, POOL_FROM):
            auditor = auditor_of(self.auditor, item)
            for index, document in enumerate(documents_of(item, limits)):
                yield self.rendering(auditor.audit(document, (*key, index)))
        if self.jobs > 1:
            following = next(keyed, None)
            if following is not None:
                from .pool import Pool

                self._pool = Pool(self.auditor, self.jobs, self.rendering)
                yield from self._pool.results(chain([following], keyed))

    def add(self, result: DocumentResult) -> None:
        """Count a result and fold what it adds to the batch rules into their state."""
        self.totals.add(result)
        if result.batch:
            self.aggregation.add(self.state, result.batch)
            if result.suppressions:
                self._suppressions[result.key] = result.suppressions
            result.batch = result.suppressions = ()

    @property
    def suppressions(self) -> dict[DocumentKey, tuple]:
        """The ignore comments of the documents in the batch state that have any, by key."""
        return self._suppressions

    def resume(self, totals: Totals, state: BatchState, suppressions: dict[DocumentKey, tuple]) -> None:
        """Take on what other runs added (their combined counts, batch state and ignore comments: the partitions
        of a Dask audit), to `finish` it here."""
        self.state.close()
        self.totals, self.state, self._suppressions = totals, state, suppressions

    def finish(self) -> Late:
        """The batch rules' findings (counted in `totals`), once every document is in."""
        found = Multimap(self.budget)
        for key, late in self.aggregation.finish(self.state):
            found.add(encode_key(key), Aggregation.encode(late))
        self.state.close()
        self._late = Late(found, self._suppressions, self.auditor.config.baseline)
        for item in self._late:
            self.totals.count(item.findings, item.suppressed, item.baselined)
        return self._late

    @property
    def state_size(self) -> int:
        """Bytes of batch state (memory and disk) so far."""
        return self.state.size

    def stop(self) -> None:
        """Stop the workers, if any (documents not yet given back are not audited)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def close(self) -> None:
        self.stop()
        self.state.close()
        if self._late is not None:
            self._late.close()


class Late:
    """The batch rules' findings by document, in key order; read again each time it is iterated (from memory,
    or from disk when the run was large)."""

    def __init__(self, found: Multimap, suppressions: dict[DocumentKey, tuple], baseline):
        self._found = found
        self._suppressions = suppressions
        self._baseline = baseline

    def __iter__(self) -> Iterator[LateFindings]:
        from . import suppress

        for key_bytes, values in self._found.items():
            key = decode_key(key_bytes)
            found = [Aggregation.decode(value) for value in values]
            document = found[0].document
            findings, suppressed, _ = suppress.apply(list(self._suppressions.get(key, ())),
                                                     [late.finding for late in found], [])
            baselined: list[Finding] = []
            if self._baseline is not None:
                findings, baselined = self._baseline.split(document, findings)
            lines = {late.finding.location.pointer: late.line for late in found if late.line is not None}
            yield LateFindings(key, document, sorted(findings, key=Finding.sort_key), suppressed, baselined, lines)

    def merge(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        """`results` (in key order) with the findings of each document joined in, as the reports show them."""
        late = iter(self)
        pending = next(late, None)
        for result in results:
            while pending is not None and pending.key < result.key:
                pending = next(late, None)
            if pending is not None and pending.key == result.key:
                result.findings = sorted([*result.findings, *pending.findings], key=Finding.sort_key)
                result.late = pending.findings
                result.suppressed = [*result.suppressed, *pending.suppressed]
                result.baselined = [*result.baselined, *pending.baselined]
                if pending.lines:
                    result.lines = {**(result.lines or {}), **pending.lines}
                pending = next(late, None)
            yield result

    def join(self, results: list[DocumentResult]) -> list[DocumentResult]:
        """The same for a list of results in any order (the Python API): the list, joined in place."""
        ordered = sorted(results, key=lambda r: r.key)
        for _ in self.merge(ordered):
            pass
        return results

    def close(self) -> None:
        self._found.close()
