"""engine: run the selected rules over one document, stamp and sort the findings. Never prints.

`audit_document` is a pure function of the document and the config, so the same code runs in one
process, in a pool, or on a cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .metadata import page_metadata
from .model import CATEGORIES, Document, Finding, Location, Severity
from .page import Page
from .registry import Rule, select_rules


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    site_url: str | None = None

    def rules(self) -> list[Rule]:
        return select_rules(list(self.select), list(self.ignore))


@dataclass
class DocumentResult:
    document: Document
    findings: list[Finding]
    metadata: dict[str, Any]

    @property
    def unreadable(self) -> bool:
        """The input could not be audited at all: the CLI exits 2."""
        return self.document.problem is not None


@dataclass
class Report:
    documents: list[DocumentResult]

    @property
    def findings(self) -> Iterable[Finding]:
        for result in self.documents:
            yield from result.findings

    def summary(self) -> dict[str, Any]:
        severities = Counter(f.severity.label for f in self.findings)
        categories = Counter(f.category for f in self.findings)
        return {
            "documents": len(self.documents),
            "unreadable": sum(r.unreadable for r in self.documents),
            "findings": sum(severities.values()),
            "by_severity": {s.label: severities.get(s.label, 0) for s in sorted(Severity, reverse=True)},
            "by_category": {c: categories[c] for c in CATEGORIES if categories.get(c)},
        }

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


def audit_document(document: Document, config: Config, rules: list[Rule] | None = None) -> DocumentResult:
    rules = config.rules() if rules is None else rules
    try:
        page = Page(document, site_url=config.site_url)
    except Exception as exc:  # a page we cannot model is reported, never a traceback
        return DocumentResult(document, [_internal_error(document, "extraction", exc)], {})
    findings: list[Finding] = []
    for rule in rules:
        if document.problem is not None and rule.category != "input":
            continue
        options = {**rule.options, **config.options.get(rule.id, {})}
        severity = config.severities.get(rule.id, rule.severity)
        try:
            for violation in rule.check(page, options):
                findings.append(Finding(rule.id, rule.category, severity, violation.message,
                                        violation.location, violation.value, violation.expected,
                                        violation.fix, violation.view))
        except Exception as exc:  # one broken rule must not cost the other rules or documents
            findings.append(_internal_error(document, f"rule {rule.id}", exc))
    try:
        metadata = page_metadata(page) if document.problem is None else {}
    except Exception as exc:
        findings.append(_internal_error(document, "metadata", exc))
        metadata = {}
    findings.sort(key=Finding.sort_key)
    return DocumentResult(document, findings, metadata)


def _internal_error(document: Document, stage: str, exc: Exception) -> Finding:
    return Finding("input/internal-error", "input", Severity.ERROR,
                   f"{stage} failed on {document.display_source}: {type(exc).__name__}: {exc}",
                   Location(pointer=document.pointer or None),
                   fix="Report this at the seoaudit issue tracker with the input file.")


def audit(documents: Iterable[Document], config: Config | None = None) -> Report:
    """The embedding API: documents in, a report out (the object every formatter takes)."""
    config = config or Config()
    rules = config.rules()
    return Report([audit_document(doc, config, rules) for doc in documents])
