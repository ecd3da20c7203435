"""engine: run the selected rules over one document, stamp, filter and sort the findings. Never prints.

`audit_document` is a pure function of the document and the config, so the same code runs in one
process, in a pool, or on a cluster. After the rules ran it applies, in this order: `per-file-ignores`
(those rules do not even run), `<!-- seoaudit: ignore RULE -->` suppressions (and reports the unused
ones), then the baseline. `iter_audit` streams results as documents finish; `audit` collects a `Report`.
"""

from __future__ import annotations

import fnmatch
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .limits import Limits
from .metadata import page_metadata
from .model import CATEGORIES, Document, Finding, Location, Severity, Violation
from .page import Page
from .registry import REQUIREMENTS, Rule, RuleError, _suggest, all_rules

if TYPE_CHECKING:
    from .baseline import Baseline


@dataclass(frozen=True)
class Config:
    """Everything that decides what an audit reports. Built by `seoaudit.config` from the config file
    and the command line, or by hand when embedding.

    Selection: a rule runs when the most specific entry of `select` + `extend_select` that matches it
    (a rule id beats a category; an empty `select` means every rule) is more specific than the most
    specific matching `ignore` entry; on a tie `ignore` wins. `input` rules run unless ignored.
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
    limits: Limits = field(default_factory=Limits)  # how much of one document is read (seoaudit/limits.py)

    def rules(self) -> list[Rule]:
        return resolve_rules(self.select, self.extend_select, self.ignore)

    def rules_for(self, document: Document, rules: list[Rule]) -> list[Rule]:
        """`rules` minus those `per-file-ignores` switches off for this document's source."""
        refs = [ref for pattern, refs in self.per_file_ignores if _source_matches(document.source, pattern)
                for ref in refs]
        return [r for r in rules if not _matches(r, refs)] if refs else rules


def check_refs(refs: Iterable[str]) -> None:
    """Raise `RuleError` (naming the closest id) for a reference that is neither a rule nor a category."""
    rules = all_rules()
    for ref in refs:
        if ref not in rules and ref not in CATEGORIES:
            raise RuleError(f"unknown rule or category {ref!r}" + _suggest(ref, [*rules, *CATEGORIES]))


def resolve_rules(select: Iterable[str] = (), extend_select: Iterable[str] = (),
                  ignore: Iterable[str] = ()) -> list[Rule]:
    select, extend_select, ignore = list(select), list(extend_select), list(ignore)
    check_refs([*select, *extend_select, *ignore])
    chosen = []
    for rule in all_rules().values():
        default = 0 if not select or rule.category == "input" else -1
        wanted = max([default, *(_specificity(rule, ref) for ref in [*select, *extend_select])])
        unwanted = max([-1, *(_specificity(rule, ref) for ref in ignore)])
        if wanted >= 0 and wanted > unwanted:
            chosen.append(rule)
    return chosen


def _specificity(rule: Rule, ref: str) -> int:
    return 2 if ref == rule.id else 1 if ref == rule.category else -1


def _matches(rule: Rule | Finding, refs: Iterable[str]) -> bool:
    rule_id = rule.id if isinstance(rule, Rule) else rule.rule
    return any(ref in (rule_id, rule.category) for ref in refs)


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


@dataclass
class DocumentResult:
    document: Document
    findings: list[Finding]
    metadata: dict[str, Any]
    rules: tuple[str, ...] = ()  # ids of the rules that ran on this document (JUnit lists them)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by an ignore comment
    baselined: list[Finding] = field(default_factory=list)  # recorded in the baseline: not new
    signatures: dict[str, Any] = field(default_factory=dict)  # what it gives the batch rules (aggregate.py)
    suppressions: list[Any] = field(default_factory=list)  # its ignore comments (suppress.Suppression)

    @property
    def unreadable(self) -> bool:
        """The input could not be audited at all: the CLI exits 2."""
        return self.document.problem is not None


@dataclass
class Report:
    """What every formatter takes: the results of one run, in input order.

    `documents[i]` is a `DocumentResult` (`document`, sorted `findings`, extracted `metadata`, the
    `rules` that ran, and the findings `suppressed` by comments or matched by the `baselined`).
    """

    documents: list[DocumentResult]
    interrupted: bool = False  # Ctrl-C or SIGTERM: `documents` are those audited before it (summary says so)

    @property
    def findings(self) -> Iterator[Finding]:
        for result in self.documents:
            yield from result.findings

    @cached_property
    def _counts(self) -> tuple[Counter, Counter, Counter]:
        findings = list(self.findings)
        return (Counter(f.severity.label for f in findings), Counter(f.category for f in findings),
                Counter(f.rule for f in findings))

    def summary(self) -> dict[str, Any]:
        severities, categories, rules = self._counts
        extra = {"interrupted": True} if self.interrupted else {}
        return {
            "documents": len(self.documents),
            "unreadable": sum(r.unreadable for r in self.documents),
            "findings": sum(severities.values()),
            "by_severity": {s.label: severities.get(s.label, 0) for s in sorted(Severity, reverse=True)},
            "by_category": {c: categories[c] for c in CATEGORIES if categories.get(c)},
            "by_rule": dict(sorted(rules.items())),
            "suppressed": sum(len(r.suppressed) for r in self.documents),
            "baselined": sum(len(r.baselined) for r in self.documents),
            **extra,
        }

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def fails(self, level: Severity | None) -> bool:
        """A finding at or above `level` (None: never fails on findings)."""
        worst = self.max_severity()
        return level is not None and worst is not None and worst >= level

    @property
    def unreadable(self) -> list[DocumentResult]:
        return [r for r in self.documents if r.unreadable]

    @property
    def internal_errors(self) -> list[Finding]:
        """seoaudit's own failures (`input/internal-error`): the audit is incomplete, the CLI exits 2."""
        return [f for f in self.findings if f.rule == INTERNAL_ERROR]


def audit_document(document: Document, config: Config, rules: list[Rule] | None = None) -> DocumentResult:
    """Never raises: whatever goes wrong inside becomes an `input/internal-error` finding."""
    rules = config.rules_for(document, config.rules() if rules is None else rules)
    try:
        return _audit_document(document, config, rules)
    except Exception as exc:  # a bug outside any one rule (suppressions, baseline…): still a result
        return DocumentResult(document, _internal_error(document, "audit", exc, config, rules), {})


@dataclass(frozen=True, slots=True)
class _Plan:
    """What every document of a run derives from the config and the rule list, built once per run rather
    than once per document (some 165 rules × every document)."""

    config: Config
    rules: list[Rule]
    # (rule, check or None for a batch rule, options, severity, place in `steps`), input rules first;
    # `steps[:inputs]` are those an unreadable document runs
    steps: tuple[tuple[Rule, Any, dict[str, Any], Severity, int], ...]
    inputs: int
    # by what a readable document has (bit 1 post, 2 wire, 4 graph, 8 sitemap): the steps to call, without the batch
    # rules (nothing to call) and the rules whose REQUIRES it lacks (they would find nothing)
    gated: tuple[tuple[tuple[Rule, Any, dict[str, Any], Severity, int], ...], ...]
    input_steps: tuple[tuple[Rule, Any, dict[str, Any], Severity, int], ...]  # `steps[:inputs]` to call
    order: dict[str, int]  # rule id → its place in `rules`, the order `DocumentResult.rules` keeps
    ran: tuple[str, ...]  # the ids of `steps`, in that order
    input_ran: tuple[str, ...]  # the same for `steps[:inputs]`
    per_document: list[Rule]  # the rules that are not batch rules (suppressions judge them)
    batch: list[Rule]
    unused_rule: Rule | None  # input/unused-suppression, when selected

    @classmethod
    def build(cls, config: Config, rules: list[Rule]) -> _Plan:
        from . import suppress

        # Input rules first, so that what they report (limits, encoding) is never lost to the deadline.
        todo = sorted(rules, key=lambda r: r.category != "input")
        steps = tuple((r, None if r.is_batch else r.check, _options(r, config),
                       config.severities.get(r.id, r.severity), i) for i, r in enumerate(todo))
        inputs = sum(r.category == "input" for r in todo)
        order = {rule.id: i for i, rule in enumerate(rules)}

        def has(bits: int) -> frozenset[str]:
            return frozenset(name for bit, name in enumerate(REQUIREMENTS) if bits & 1 << bit)

        def runs(rule: Rule, bits: int) -> bool:  # a sitemap is read by the sitemap and input rules only
            sitemap = "sitemap" in rule.requires or rule.category == "input"
            return rule.requires <= has(bits) and (sitemap or not bits & 8)

        gated = tuple(tuple(s for s in steps if s[1] is not None and runs(s[0], bits)) for bits in range(16))

        def in_order(part: list[Rule]) -> tuple[str, ...]:
            return tuple(sorted((r.id for r in part), key=order.__getitem__))

        input_steps = tuple(s for s in steps[:inputs] if s[1] is not None)
        return cls(config, rules, steps, inputs, gated, input_steps, order, in_order(todo), in_order(todo[:inputs]),
                   [r for r in rules if not r.is_batch], [r for r in rules if r.is_batch],
                   next((r for r in rules if r.id == suppress.RULE_ID), None))


_last_plan: _Plan | None = None  # the plan of the last (config, rules): one run audits many documents


def _plan(config: Config, rules: list[Rule]) -> _Plan:
    global _last_plan
    plan = _last_plan
    if plan is None or plan.config is not config or plan.rules is not rules:
        plan = _last_plan = _Plan.build(config, rules)
    return plan


def _audit_document(document: Document, config: Config, rules: list[Rule]) -> DocumentResult:
    from . import suppress

    plan = _plan(config, rules)
    # The deadline is checked between rules (a rule is never interrupted): see seoaudit/limits.py.
    deadline = time.monotonic() + config.limits.document_timeout
    try:
        page = Page(document, site_url=config.site_url, limits=config.limits)
    except Exception as exc:  # a page we cannot model is reported, never a traceback
        return DocumentResult(document, _internal_error(document, "extraction", exc, config, rules), {})
    page.allowed_hosts = config.allowed_hosts  # for url rules; Page does not take it as an argument yet
    findings: list[Finding] = []
    if document.problem is None:
        ran = plan.ran
        has = ((page.post is not None) | (document.wire is not None) << 1 | (page.schema_view is not None) << 2
               | (document.kind == "sitemap") << 3)
        todo = plan.gated[has]
        last = len(plan.steps) - 1
    else:
        ran = plan.input_ran
        todo = plan.input_steps
        last = plan.inputs - 1
    timed_out = False
    monotonic = time.monotonic
    # The loop runs once per rule and document: the body of `_run` is inlined here.
    for rule, check, options, severity, index in todo:
        try:
            found = [*check(page, options)]
            if found:  # most rules find nothing on most pages
                findings.extend([Finding(rule.id, rule.category, severity, v.message, v.location, v.value,
                                         v.expected, v.fix, v.view) for v in found])
        except Exception as exc:  # one broken rule must not cost the other rules or documents
            findings.extend(_internal_error(document, f"rule {rule.id}", exc, config, rules))
        if monotonic() >= deadline and index < last:
            rest = plan.steps[index + 1:last + 1]
            findings.extend(_timeout(document, config, rules, rule, [step[0] for step in rest]))
            timed_out = True
            ran = tuple(sorted((step[0].id for step in plan.steps[:index + 1]), key=plan.order.__getitem__))
            break
    signatures = _signatures(page, plan.batch, config) if document.problem is None and not timed_out else {}
    suppressed: list[Finding] = []
    suppressions: list[suppress.Suppression] = []
    if document.problem is None:
        # Batch rules find their problems only once every document is in (add_batch_findings), so
        # whether a suppression of one is used cannot be judged here.
        html = page.views.get("html")
        suppressions = suppress.find(document, html.comments if html is not None else None)
        findings, suppressed, unused = suppress.apply(suppressions, findings, plan.per_document)
        if unused and plan.unused_rule is not None:  # reported only when the rule is selected
            findings.extend(_stamp(plan.unused_rule, config, unused))
    baselined: list[Finding] = []
    if config.baseline is not None:
        findings, baselined = config.baseline.split(document, findings)
    try:
        metadata = page_metadata(page, config.structured_data) if document.problem is None and not timed_out else {}
    except Exception as exc:
        findings.extend(_internal_error(document, "metadata", exc, config, rules))
        metadata = {}
    findings.sort(key=Finding.sort_key)
    return DocumentResult(document, findings, metadata, ran, suppressed, baselined, signatures, suppressions)


def _options(rule: Rule, config: Config) -> dict[str, Any]:
    overrides = config.options.get(rule.id)  # usually none: no copy per rule and document (rules only read it)
    return {**rule.options, **overrides} if overrides else rule.options


def _signatures(page: Page, batch: list[Rule], config: Config) -> dict[str, Any]:
    from .aggregate import document_signatures

    if not batch:
        return {}
    try:
        return document_signatures(page, batch, lambda rule: _options(rule, config))
    except Exception:  # a batch rule that cannot read this page leaves it out of the comparison
        return {}


def add_batch_findings(results: list[DocumentResult], config: Config) -> list[DocumentResult]:
    """Merge every document's signatures and add the batch rules' findings to their documents
    (after their `seoaudit: ignore` comments and the baseline)."""
    from .aggregate import batch_findings, merge_all

    if not any(r.signatures for r in results):
        return results
    rules_by_id = {r.id: r for r in all_rules().values() if r.is_batch}
    merged = merge_all((r.signatures for r in results), rules_by_id)
    found = batch_findings(merged, rules_by_id, lambda rule: _options(rule, config),
                           lambda rule: config.severities.get(rule.id, rule.severity))
    for result in results:
        extra = found.get(result.document.display_source)
        if extra:
            from . import suppress

            extra, silenced, _ = suppress.apply(result.suppressions, extra, [])
            result.suppressed.extend(silenced)
            if config.baseline is not None:
                extra, baselined = config.baseline.split(result.document, extra)
                result.baselined.extend(baselined)
            result.findings = sorted([*result.findings, *extra], key=Finding.sort_key)
    return results


def _stamp(rule: Rule, config: Config, violations) -> list[Finding]:
    found = list(violations)  # most rules find nothing on most pages: stamp only what they found
    if not found:
        return found
    severity = config.severities.get(rule.id, rule.severity)
    return [Finding(rule.id, rule.category, severity, v.message, v.location, v.value, v.expected, v.fix, v.view)
            for v in found]


INTERNAL_ERROR = "input/internal-error"
LIMIT_EXCEEDED = "input/limit-exceeded"


def _internal_error(document: Document, stage: str, exc: Exception, config: Config,
                    rules: list[Rule] | None = None) -> list[Finding]:
    """An exception inside seoaudit, as a finding of `input/internal-error` (rules/input/internal_error.py),
    unless that rule is ignored. The CLI exits 2 when a run has one: the audit is incomplete."""
    if rules is not None and not any(r.id == INTERNAL_ERROR for r in rules):
        return []
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:300] + "…"
    violation = Violation(f"{stage} failed on {document.display_source}: {type(exc).__name__}: {text}",
                          Location(pointer=document.pointer or None), value=type(exc).__name__,
                          fix="Report this at the seoaudit issue tracker with the input file.")
    rule = all_rules().get(INTERNAL_ERROR)
    if rule is None:  # the rules package is incomplete: still say it
        return [Finding(INTERNAL_ERROR, "input", Severity.ERROR, violation.message, violation.location,
                        violation.value, None, violation.fix)]
    return _stamp(rule, config, [violation])


def _timeout(document: Document, config: Config, rules: list[Rule], last: Rule, skipped: list[Rule]) -> list[Finding]:
    rule = all_rules().get(LIMIT_EXCEEDED)
    if rule is None or not any(r.id == LIMIT_EXCEEDED for r in rules):
        return []
    seconds = config.limits.document_timeout
    names = ", ".join(r.id for r in skipped[:5]) + (", …" if len(skipped) > 5 else "")
    return _stamp(rule, config, [Violation(
        f"auditing {document.display_source} took over {seconds:g} s (document-timeout), the last rule to run "
        f"being {last.id}; {len(skipped)} rule{'s' if len(skipped) != 1 else ''} not run ({names}) and no metadata "
        "extracted",
        Location(pointer=document.pointer or None), value=len(skipped), expected=seconds,
        fix="Raise [tool.seoaudit.limits] document-timeout, or report the slow rule with the input file.")])


def iter_audit(documents: Iterable[Document], config: Config | None = None,
               config_for: Callable[[Document], Config] | None = None) -> Iterator[DocumentResult]:
    """Audit documents one by one, yielding each result as soon as it is done (for streaming formats).
    `config_for(document)`: the config of each document (the nearest config file above it), else `config`."""
    config = config or Config()
    rules: dict[int, tuple[Config, list[Rule]]] = {}  # one rule list per distinct config (a small map)
    for document in documents:
        chosen = config_for(document) if config_for is not None else config
        _, selected = rules.get(id(chosen)) or rules.setdefault(id(chosen), (chosen, chosen.rules()))
        yield audit_document(document, chosen, selected)


def audit(documents: Iterable[Document], config: Config | None = None) -> Report:
    """The embedding API: documents in, a report out (the object every formatter takes), with the
    findings of the rules that compare documents (duplicate titles, canonical drift) added."""
    config = config or Config()
    return Report(add_batch_findings(list(iter_audit(documents, config)), config))
