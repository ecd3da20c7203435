"""engine: run the selected rules over one document, stamp, filter and sort the findings. Never prints.

`Auditor.compile(config)` resolves the rules and binds their options and severities once; the auditor is
immutable and picklable, and `auditor.audit(document)` is a pure function of the document and the config,
so the same code runs in one process, in a pool (run.py), or on a cluster. After the rules ran it applies,
in this order: `per-file-ignores` (those rules do not even run), `<!-- seoaudit: ignore RULE -->`
suppressions (and reports the unused ones), then the baseline. It gives back a light `DocumentResult`:
no bytes and no tree, and only what the reports asked for (`needs`). `iter_audit` streams results as
documents finish; `audit` collects a `Report` with the findings of the rules that compare documents.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .baseline import document_ref
from .limits import Limits
from .model import MARKERS, Document, DocumentKey, DocumentRef, Finding, Location, Severity, Violation
from .page import AuditContext, Page
from .registry import ARTIFACTS, REQUIREMENTS, Rule, all_rules, check_options, check_refs
from .results import INTERNAL_ERROR, LIMIT_EXCEEDED, DocumentResult, Report

if TYPE_CHECKING:
    from .aggregate import Aggregation
    from .baseline import Baseline

__all__ = ["INTERNAL_ERROR", "LIMIT_EXCEEDED", "Auditor", "Config", "DocumentResult", "Report", "audit",
           "audit_document", "iter_audit"]

# What a report may need beyond the findings (report formatters declare theirs in NEEDS):
METADATA = "metadata"  # the JSON report's metadata (extracted title, Open Graph, JSON-LD…)
HEADLINE = "headline"  # only the title and URL of each document (the terminal report)
LINES = "lines"  # the file line of every JSON pointer a finding names
RULES = "rules"  # the ids of the rules that ran on each document
IMAGES = "images"  # the format and size of each image a live run probed (the HTML report's previews)
FINGERPRINTS = "fingerprints"  # the batch rules' findings name their document as the baseline does (NDJSON)
EVERYTHING = frozenset({METADATA, LINES, RULES, IMAGES, FINGERPRINTS})


@dataclass(frozen=True)
class Config:
    """Everything that decides what an audit reports. Built by `seoaudit.config` from the config file
    and the command line, or by hand when embedding.

    Selection: a rule runs when the most specific entry of `select` + `extend_select` that matches it
    (a rule id beats a category; an empty `select` means every rule that is not opt-in) is more specific than
    the most specific matching `ignore` entry; on a tie `ignore` wins. `input` rules run unless ignored.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)  # rule id → severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id → {option: value}
    # (glob, rule ids or categories); globs match the source as given, its file name, or its absolute path
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    site_url: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    baseline: Baseline | None = None
    structured_data: bool = True  # microdata and RDFa in the metadata (extruct); rules do not need them
    root: Path | None = None  # the project root: document identities (baseline fingerprints) are relative to it
    limits: Limits = field(default_factory=Limits)  # how much of one document is read (seoaudit/limits.py)

    def rules(self) -> list[Rule]:
        for rule_id, settings in self.options.items():
            check_options(rule_id, settings)
        return resolve_rules(self.select, self.extend_select, self.ignore)

    @property
    def context(self) -> AuditContext:
        return AuditContext(self.site_url, self.allowed_hosts, self.limits)


def resolve_rules(select: Iterable[str] = (), extend_select: Iterable[str] = (),
                  ignore: Iterable[str] = ()) -> list[Rule]:
    select, extend_select, ignore = list(select), list(extend_select), list(ignore)
    check_refs([*select, *extend_select, *ignore])
    chosen = []
    for rule in all_rules().values():
        # An opt-in rule (advice that is not a defect) runs only when named, by id or category.
        default = 0 if (not select or rule.category == "input") and not rule.opt_in else -1
        wanted = max([default, *(_specificity(rule, ref) for ref in [*select, *extend_select])])
        unwanted = max([-1, *(_specificity(rule, ref) for ref in ignore)])
        if wanted >= 0 and wanted > unwanted:
            chosen.append(rule)
    return chosen


def _specificity(rule: Rule, ref: str) -> int:
    return 2 if ref == rule.id else 1 if ref == rule.category else -1


def _matches(rule: Rule, refs: Iterable[str]) -> bool:
    return any(ref in (rule.id, rule.category) for ref in refs)


def _source_matches(source: str, pattern: str) -> bool:
    # Three ways, as ruff does: the path as given, the file name, and (for absolute patterns, which
    # the config loader makes of relative ones) the absolute path.
    path = PurePath(source)
    if fnmatch.fnmatchcase(path.as_posix(), pattern) or fnmatch.fnmatchcase(path.name, pattern):
        return True
    if PurePath(pattern).is_absolute() and source != "-":
        import os

        return fnmatch.fnmatchcase(PurePath(os.path.abspath(source)).as_posix(), pattern)
    return False


@dataclass(frozen=True, slots=True)
class Step:
    """One rule as an audit runs it: options and the severity of each case of a violation bound from the config."""

    rule: Rule
    check: Callable[..., Iterable[Violation]] | None  # None for a batch rule (aggregate.py)
    options: dict[str, Any]
    severities: dict[str | None, Severity]  # Violation.case (None, MILD, AGGRAVATED) → severity
    index: int  # its place in `Auditor.steps`

    def stamp(self, violations: Iterable[Violation]) -> list[Finding]:
        rule, severities = self.rule, self.severities
        return [Finding.stamp(rule.id, severities[v.case], v) for v in violations]


def _bind(rule: Rule) -> Callable[..., Iterable[Violation]] | None:
    """How the engine calls a rule: `check(page, options)`, with the artifacts it takes passed in."""
    if rule.is_batch or not rule.artifacts:
        return None if rule.is_batch else rule.check
    check, getters = rule.check, tuple((name, ARTIFACTS[name]) for name in rule.artifacts)

    def with_artifacts(page: Page, options: dict[str, Any]) -> Iterable[Violation]:
        return check(page, options, **{name: get(page) for name, get in getters})

    return with_artifacts


def _bits(has: int) -> frozenset[str]:
    return frozenset(name for bit, name in enumerate(REQUIREMENTS) if has & 1 << bit)


def _runs(rule: Rule, has: int) -> bool:
    """Whether a rule is called on a document that has `has`: a sitemap is read by the sitemap and input
    rules only."""
    sitemap = "sitemap" in rule.requires or rule.category == "input"
    return rule.requires <= _bits(has) and (sitemap or not has & 8)


class Auditor:
    """The compiled config: the selected rules as `Step`s, input rules first. Immutable once built (the only
    state it grows is a cache of the variants `per-file-ignores` asks for) and picklable: a process pool
    sends it to each worker once, and Dask can map `auditor.audit` over a bag of documents."""

    def __init__(self, config: Config, rules: list[Rule], needs: frozenset[str] = EVERYTHING,
                 dropped: tuple[str, ...] = ()):
        self.config = config
        self.needs = needs
        self.context = config.context
        self.rules = tuple(rules)
        self._dropped = dropped  # refs per-file-ignores took out of `rules` (empty for the run's auditor)
        self._variants: dict[tuple[str, ...], Auditor] = {}
        self._nested: dict[str, Auditor] = {}  # by config file: the auditors of files under nested configs
        # Input rules first, so that what they report (limits, encoding) is never lost to the deadline.
        todo = sorted(rules, key=lambda r: r.category != "input")
        self.steps = tuple(Step(r, _bind(r), self.options(r), self.severities(r), i)
                           for i, r in enumerate(todo))
        self.inputs = sum(r.category == "input" for r in todo)
        self._order = {rule.id: i for i, rule in enumerate(rules)}
        # By what a readable document has (bit 1 post, 2 wire, 4 graph, 8 sitemap): the steps to call, without
        # the batch rules (nothing to call) and the rules whose REQUIRES it lacks (they would find nothing).
        self._gated = tuple(tuple(s for s in self.steps if s.check is not None and _runs(s.rule, has))
                            for has in range(16))
        self._input_steps = tuple(s for s in self.steps[:self.inputs] if s.check is not None)
        self._ran = self._in_order(todo)
        self._input_ran = self._in_order(todo[:self.inputs])
        self._per_document = [r for r in rules if not r.is_batch]
        from . import suppress
        from .aggregate import BatchStep

        self._batch = tuple(BatchStep(s.rule, s.options, s.severities) for s in self.steps if s.rule.is_batch)
        self._unused = next((s for s in self.steps if s.rule.id == suppress.RULE_ID), None)
        self._internal_error = self._engine_step(INTERNAL_ERROR)
        self._limit = self._engine_step(LIMIT_EXCEEDED)

    @classmethod
    def compile(cls, config: Config | None = None, needs: Iterable[str] = EVERYTHING,
                rules: list[Rule] | None = None) -> Auditor:
        """`rules`: these instead of those `config` selects."""
        config = config or Config()
        return cls(config, config.rules() if rules is None else list(rules), frozenset(needs))

    def options(self, rule: Rule) -> dict[str, Any]:
        overrides = self.config.options.get(rule.id)  # usually none: no copy (rules only read options)
        return {**rule.options, **overrides} if overrides else rule.options

    def severities(self, rule: Rule) -> dict[str | None, Severity]:
        return rule.severities(self.config.severities.get(rule.id))

    def _engine_step(self, rule_id: str) -> Step | None:
        """A rule the engine itself reports (internal error, time limit), when selected."""
        rule = next((r for r in self.rules if r.id == rule_id), None)
        return None if rule is None else Step(rule, None, self.options(rule), self.severities(rule), -1)

    def _in_order(self, part: list[Rule]) -> tuple[str, ...]:
        return tuple(sorted((r.id for r in part), key=self._order.__getitem__))

    def aggregation(self, budget: int | None = None) -> Aggregation:
        """The selected batch rules as one aggregation (aggregate.py), its state kept within `budget` bytes of
        memory (spill.py)."""
        from .aggregate import Aggregation
        from .spill import DEFAULT_BUDGET

        return Aggregation(self._batch, DEFAULT_BUDGET if budget is None else budget)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "rules": self.rules, "needs": self.needs, "dropped": self._dropped}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], list(state["rules"]), state["needs"], state["dropped"])

    # -- one document ---------------------------------------------------------------------------------

    def audit(self, document: Document, key: DocumentKey = (0,)) -> DocumentResult:
        """Never raises: whatever goes wrong inside becomes an `input/internal-error` finding."""
        if document.kind in MARKERS:  # a file skipped or noted while reading (load.py): the run records it
            return DocumentResult(document_ref(document, self.config.root), [], {}, key=key)
        auditor = self._for(document)
        try:
            return auditor._audit(document, key)
        except Exception as exc:  # a bug outside any one rule (suppressions, baseline…): still a result
            return auditor._failed(document, key, "audit", exc)

    def failed(self, ref: DocumentRef, key: DocumentKey, message: str, value: str) -> DocumentResult:
        """A document whose audit never came back (its worker died or hung): an `input/internal-error`."""
        return DocumentResult(ref, self._internal_errors(ref, message, value), {}, key=key)

    def nested(self, config: tuple[str, Config] | None) -> Auditor:
        """The auditor of a file under a nested config file (`load.FileInput.config`: (its path, its Config)),
        compiled once per config file and run; this one for None."""
        if config is None:
            return self
        path, chosen = config
        auditor = self._nested.get(path)
        if auditor is None:
            auditor = self._nested[path] = Auditor(chosen, chosen.rules(), self.needs)
        return auditor

    def _for(self, document: Document) -> Auditor:
        """This auditor, or the variant without the rules `per-file-ignores` switches off for the document."""
        patterns = self.config.per_file_ignores
        if not patterns or self._dropped:
            return self
        refs = tuple(ref for pattern, refs in patterns if _source_matches(document.source, pattern) for ref in refs)
        if not refs:
            return self
        variant = self._variants.get(refs)
        if variant is None:
            rules = [r for r in self.rules if not _matches(r, refs)]
            variant = self._variants[refs] = Auditor(self.config, rules, self.needs, refs)
        return variant

    def steps_for(self, page: Page) -> tuple[Step, ...]:
        """The steps to call on a readable page: those whose REQUIRES it has, each passed the artifacts it takes."""
        has = ((page.post is not None) | (page.document.wire is not None) << 1 | (page.schema_view is not None) << 2
               | (page.document.kind == "sitemap") << 3)
        return self._gated[has]

    def _audit(self, document: Document, key: DocumentKey) -> DocumentResult:
        from . import suppress

        ref = document_ref(document, self.config.root)
        # The deadline is checked between rules (a rule is never interrupted): see seoaudit/limits.py.
        deadline = time.monotonic() + self.context.limits.document_timeout
        try:
            page = Page(document, self.context)
        except Exception as exc:  # a page we cannot model is reported, never a traceback
            return self._failed(document, key, "extraction", exc, ref)
        readable = document.problem is None
        findings: list[Finding] = []
        if readable:
            ran = self._ran
            todo = self.steps_for(page)
            last = len(self.steps) - 1
        else:
            ran = self._input_ran
            todo = self._input_steps
            last = self.inputs - 1
        timed_out = False
        monotonic = time.monotonic
        for step in todo:  # once per rule and document: kept lean
            try:
                found = [*step.check(page, step.options)]
                if found:  # most rules find nothing on most pages
                    findings.extend(step.stamp(found))
            except Exception as exc:  # one broken rule must not cost the other rules or documents
                findings.extend(self._internal_errors(ref, *_failure(ref, f"rule {step.rule.id}", exc)))
            if monotonic() >= deadline and step.index < last:
                findings.extend(self._timeout(ref, step, self.steps[step.index + 1:last + 1]))
                timed_out = True
                ran = self._in_order([s.rule for s in self.steps[:step.index + 1]])
                break
        lines = document.lines if LINES in self.needs else None
        batch = self._members(page, key, ref, lines) if readable and not timed_out and self._batch else ()
        suppressed: list[Finding] = []
        suppressions: list[suppress.Suppression] = []
        if readable:
            # Batch rules find their problems only once every document is in (run.py), so whether a
            # suppression of one is used cannot be judged here.
            html = page.views.get("html")
            suppressions = suppress.find(document, html.comments if html is not None else None)
            findings, suppressed, unused = suppress.apply(suppressions, findings, self._per_document)
            if unused and self._unused is not None:  # reported only when the rule is selected
                findings.extend(self._unused.stamp(unused))
        baselined: list[Finding] = []
        if self.config.baseline is not None:
            findings, baselined = self.config.baseline.split(ref, findings)
        metadata: dict[str, Any] = {}
        if readable and not timed_out and (METADATA in self.needs or HEADLINE in self.needs):
            from .metadata import headline, page_metadata

            try:
                metadata = (page_metadata(page, self.config.structured_data) if METADATA in self.needs
                            else headline(page))
            except Exception as exc:
                findings.extend(self._internal_errors(ref, *_failure(ref, "metadata", exc)))
        findings.sort(key=Finding.sort_key)
        images = _probed(document.wire) if IMAGES in self.needs and document.wire is not None else None
        return DocumentResult(ref, findings, metadata, ran if RULES in self.needs else (), suppressed, baselined,
                              key, _lines_of(findings, lines), batch, tuple(suppressions) if batch else (), images,
                              _standing(page) if readable else None)

    def _members(self, page: Page, key: DocumentKey, ref: DocumentRef, lines) -> tuple:
        """What the document adds to each batch rule's groups (aggregate.py), encoded."""
        from .aggregate import group_key
        from .batch import Member

        named = self.config.baseline is not None or FINGERPRINTS in self.needs  # else the identity is not carried
        member_ref = ref if named else DocumentRef(ref.source, ref.kind, ref.pointer)
        entries = []
        cross_key = page.cross_document_key or ""
        for step in self._batch:
            try:
                found = step.rule.signature(page, step.options)
            except Exception:  # a batch rule that cannot read this page leaves it out of the comparison
                continue
            for group, o in (found or {}).items():
                line = lines.line(o.location.pointer) if lines is not None and o.location.pointer is not None else None
                member = Member(key, member_ref, o.value, o.location, o.view, o.extra, line, cross_key)
                entries.append((group_key(step.rule.id, group), member.encode()))
        return tuple(entries)

    def _failed(self, document: Document, key: DocumentKey, stage: str, exc: Exception,
                ref: DocumentRef | None = None) -> DocumentResult:
        ref = ref or document_ref(document, self.config.root)
        return DocumentResult(ref, self._internal_errors(ref, *_failure(ref, stage, exc)), {}, key=key)

    def _internal_errors(self, ref: DocumentRef, message: str, value: str) -> list[Finding]:
        """An exception inside seoaudit, as a finding of `input/internal-error` (rules/input/internal_error.py),
        unless that rule is ignored. The CLI exits 2 when a run has one: the audit is incomplete."""
        if self._internal_error is None:
            if all_rules().get(INTERNAL_ERROR) is None:  # the rules package is incomplete: still say it
                return [Finding.stamp(INTERNAL_ERROR, Severity.ERROR, Violation(
                    message, Location(pointer=ref.pointer or None), value=value, fix=FIX_INTERNAL))]
            return []
        return self._internal_error.stamp([Violation(message, Location(pointer=ref.pointer or None), value=value,
                                                     fix=FIX_INTERNAL)])

    def _timeout(self, ref: DocumentRef, last: Step, skipped: tuple[Step, ...]) -> list[Finding]:
        if self._limit is None:
            return []
        seconds = self.context.limits.document_timeout
        names = ", ".join(s.rule.id for s in skipped[:5]) + (", …" if len(skipped) > 5 else "")
        return self._limit.stamp([Violation(
            f"auditing {ref.display_source} took over {seconds:g} s (document-timeout), the last rule to run "
            f"being {last.rule.id}; {len(skipped)} rule{'s' if len(skipped) != 1 else ''} not run ({names}) and no "
            "metadata extracted",
            Location(pointer=ref.pointer or None), value=len(skipped), expected=seconds,
            fix="Raise [tool.seoaudit.limits] document-timeout, or report the slow rule with the input file.")])


FIX_INTERNAL = "Report this at the seoaudit issue tracker with the input file."


def _failure(ref: DocumentRef, stage: str, exc: Exception) -> tuple[str, str]:
    """(message, value) of an internal error."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:300] + "…"
    return f"{stage} failed on {ref.display_source}: {type(exc).__name__}: {text}", type(exc).__name__


def _probed(wire) -> dict[str, tuple[int, int, str | None]]:
    """URL → (width, height, format) of the images the live run probed that answered with a size."""
    return {url: (probe.width, probe.height, probe.format) for url, probe in wire.images.items()
            if probe.width and probe.height and not probe.error}


def _standing(page: Page) -> str | None:
    """What the document is to the site summary (results.STANDINGS), None for what is no page."""
    if page.kind == "sitemap":
        return "sitemap"
    if page.primary is None or page.is_fragment or not page.is_published:
        return None  # no page of the site: a fragment, or a draft
    if not page.is_indexable:
        return "noindex"
    return "indexable" if page.cross_document_key is not None else "canonicalised"


def _lines_of(findings: list[Finding], lines) -> dict[str, int] | None:
    if lines is None:
        return None
    found = {}
    for finding in findings:
        pointer = finding.location.pointer
        if pointer is not None and pointer not in found and (line := lines.line(pointer)) is not None:
            found[pointer] = line
    return found


# -- the embedding API ------------------------------------------------------------------------------------


def audit_document(document: Document, config: Config | None = None, rules: list[Rule] | None = None
                   ) -> DocumentResult:
    """One document (compiles the config each call: to audit many, `Auditor.compile` once and call `audit`)."""
    return Auditor.compile(config, rules=rules).audit(document)


def iter_audit(documents: Iterable[Document], config: Config | None = None, jobs: int = 1
               ) -> Iterator[DocumentResult]:
    """Audit documents, yielding each result as soon as it is done, in input order (for streaming formats);
    `jobs` > 1 audits them in that many processes. The rules that compare documents are not run."""
    from .run import Run

    run = Run(Auditor.compile(config), jobs=jobs)
    try:
        yield from run.results(documents)
    finally:
        run.close()


def audit(documents: Iterable[Document], config: Config | None = None, jobs: int = 1) -> Report:
    """The embedding API: documents in, a report out (the object every formatter takes), with the
    findings of the rules that compare documents (duplicate titles, canonical drift) in place."""
    from .run import Run

    run = Run(Auditor.compile(config), jobs=jobs)
    try:
        results = list(run.results(documents))
        late = run.finish()
        return Report(late.join(results), totals=run.totals)
    finally:
        run.close()
