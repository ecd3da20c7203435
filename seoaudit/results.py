"""results: what an audit gives back, per document and for the whole run. Stdlib only.

A `DocumentResult` is light: a `DocumentRef` (the document's name, kind, problem), its findings, and only
what the chosen reports asked the engine for (metadata, the rules that ran, file lines, the images a live
run probed). `Totals` counts a run as it goes, so that a summary never needs every result at once; a
`Report` is what every formatter takes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import CATEGORIES, DocumentKey, Finding, InputCode, Severity

INTERNAL_ERROR = "input/internal-error"  # reported by the engine, not an input problem: no InputCode
LIMIT_EXCEEDED = InputCode.LIMIT_EXCEEDED  # also reported by the engine (a document past document-timeout)


@dataclass
class DocumentResult:
    """One document's audit. `document` is a `model.DocumentRef` (or, built by hand, a `Document`)."""

    document: Any
    findings: list[Finding]
    metadata: dict[str, Any]
    rules: tuple[str, ...] = ()  # ids of the rules that ran on this document (JUnit lists them)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by an ignore comment
    baselined: list[Finding] = field(default_factory=list)  # recorded in the baseline: not new
    key: DocumentKey = (0,)  # its place in the run
    lines: Mapping[str, int] | None = None  # JSON pointer of a finding → its line in the file
    batch: tuple = ()  # what it adds to the batch rules' state (aggregate.BatchEntries); dropped once added
    suppressions: tuple = ()  # its ignore comments (suppress.Suppression), for the batch rules' findings
    images: Mapping[str, tuple] | None = None  # URL → (width, height, format) of the images a live run probed
    standing: str | None = None  # what it is to the site (STANDINGS), None for a document that is no page
    # What reports rendered of it where it was audited (a worker process), by renderer name (run.Rendering)
    rendered: Mapping[str, Any] | None = None
    late: list[Finding] = field(default_factory=list)  # the findings among `findings` the run joined in at its end
    spooled: bytes | None = None  # the result as the spool keeps it, encoded where it was audited (run.Rendering)

    @property
    def unreadable(self) -> bool:
        """The input could not be audited at all: the CLI exits 2."""
        return self.document.problem is not None

    def line(self, finding: Finding) -> int | None:
        return file_line(finding, self.lines)


def file_line(finding: Finding, lines: Mapping[str, int] | None) -> int | None:
    """The file line of a finding: its HTML line, or the line of its JSON pointer (`lines` maps them)."""
    location = finding.location
    if location.pointer is None:
        return location.line
    return lines.get(location.pointer) if lines else None


# What a document is to the site summary: a page search engines may index as itself, a noindex page, a page
# canonicalised to another, or a sitemap file.
STANDINGS = ("indexable", "noindex", "canonicalised", "sitemap")
# The rules whose findings are groups of documents sharing one value: the summary names the largest groups.
DUPLICATE_RULES = frozenset({"title/duplicate", "description/duplicate"})
LARGEST_GROUPS = 3


class Totals:
    """The summary of a run, counted as results come in (and as the batch rules' findings join them)."""

    def __init__(self) -> None:
        self.documents = 0
        self.unreadable: list[tuple[str, str, str]] = []  # (source, display source, message)
        self.severities: Counter[str] = Counter()
        self.categories: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.worst: dict[str, Severity] = {}  # rule id → the worst severity of its findings
        self.suppressed = 0
        self.baselined = 0
        self.internal_errors: list[str] = []  # their messages
        self.standings: Counter[str] = Counter()
        self.groups: Counter[tuple[str, str]] = Counter()  # (duplicate rule, value) → documents in the group

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        problem = result.document.problem
        if problem is not None:
            self.unreadable.append((result.document.source, result.document.display_source, problem.message))
        if result.standing is not None:
            self.standings[result.standing] += 1
        self.count(result.findings, result.suppressed, result.baselined)

    def count(self, findings: Iterable[Finding], suppressed: list[Finding] = (), baselined: list[Finding] = ()
              ) -> None:
        for finding in findings:
            self.severities[finding.severity.label] += 1
            self.categories[finding.category] += 1
            self.rules[finding.rule] += 1
            worst = self.worst.get(finding.rule)
            if worst is None or finding.severity > worst:
                self.worst[finding.rule] = finding.severity
            if finding.rule == INTERNAL_ERROR:
                self.internal_errors.append(finding.message)
            elif finding.rule in DUPLICATE_RULES:
                self.groups[finding.rule, str(finding.value)] += 1
        self.suppressed += len(suppressed)
        self.baselined += len(baselined)

    def merge(self, other: Totals) -> Totals:
        """Add the counts of another run's documents (a partition of a Dask audit)."""
        self.documents += other.documents
        self.unreadable += other.unreadable
        self.severities += other.severities
        self.categories += other.categories
        self.rules += other.rules
        for rule, severity in other.worst.items():
            if rule not in self.worst or severity > self.worst[rule]:
                self.worst[rule] = severity
        self.suppressed += other.suppressed
        self.baselined += other.baselined
        self.internal_errors += other.internal_errors
        return self

    @classmethod
    def of(cls, results: Iterable[DocumentResult]) -> Totals:
        totals = cls()
        for result in results:
            totals.add(result)
        return totals

    @property
    def findings(self) -> int:
        return sum(self.severities.values())

    def max_severity(self) -> Severity | None:
        return max(self.worst.values(), default=None)

    def summary(self, interrupted: bool = False) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "unreadable": len(self.unreadable),
            "findings": self.findings,
            "by_severity": {s.label: self.severities.get(s.label, 0) for s in sorted(Severity, reverse=True)},
            "by_category": {c: self.categories[c] for c in CATEGORIES if self.categories.get(c)},
            "by_rule": dict(sorted(self.rules.items())),
            "suppressed": self.suppressed,
            "baselined": self.baselined,
            "site": self.site(),
            **({"interrupted": True} if interrupted else {}),
        }

    def site(self) -> dict[str, Any]:
        """The run as a site: what its documents are to search engines, how far its sitemaps cover its pages
        (when the run holds sitemaps), and its largest groups of documents sharing a title or description."""
        site: dict[str, Any] = {standing: self.standings.get(standing, 0) for standing in STANDINGS[:3]}
        if self.standings.get("sitemap"):
            site["sitemaps"] = {"files": self.standings["sitemap"],
                                "pages_not_listed": self.rules.get("sitemap/page-not-listed", 0)}
        largest = sorted(self.groups.items(), key=lambda item: (-item[1], item[0]))[:LARGEST_GROUPS]
        site["largest_duplicate_groups"] = [{"rule": rule, "value": value, "documents": count}
                                            for (rule, value), count in largest if count > 1]
        return site


def site_line(summary: dict[str, Any]) -> str | None:
    """The site summary in words, for the text formats; None when the run holds fewer than two published pages
    (one page is no site)."""
    site = summary["site"]
    if site["indexable"] + site["noindex"] + site["canonicalised"] < 2:
        return None
    text = (f"site: {site['indexable']} indexable, {site['noindex']} noindex, {site['canonicalised']} canonicalised "
            "to another page")
    if "sitemaps" in site:
        files, missing = site["sitemaps"]["files"], site["sitemaps"]["pages_not_listed"]
        pages = f"{missing} indexable page{'s' if missing != 1 else ''}"
        text += f"; {files} sitemap{'s' if files != 1 else ''}, {pages} in none"
    groups = site["largest_duplicate_groups"]
    if groups:
        text += "; largest duplicate groups: " + ", ".join(
            f"{g['rule'].split('/')[0]} {_clip(g['value'])!r} ({g['documents']} documents)" for g in groups)
    return text


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class Report:
    """What every formatter takes: the results of one run, in input order, and their totals.

    `documents` is a list (the Python API), or for the CLI a view of the run's spool that reads the results
    back from disk each time it is iterated; either way each is a `DocumentResult`, with the findings of the
    rules that compare documents in place.
    """

    def __init__(self, documents: Iterable[DocumentResult], interrupted: bool = False, totals: Totals | None = None):
        self.documents = documents
        self.interrupted = interrupted  # Ctrl-C or SIGTERM: `documents` are those audited before it
        self._totals = totals

    @property
    def totals(self) -> Totals:
        if self._totals is None:
            self._totals = Totals.of(self.documents)
        return self._totals

    @property
    def findings(self) -> Iterator[Finding]:
        for result in self.documents:
            yield from result.findings

    def summary(self) -> dict[str, Any]:
        return self.totals.summary(self.interrupted)

    def max_severity(self) -> Severity | None:
        return self.totals.max_severity()

    def fails(self, level: Severity | None) -> bool:
        """A finding at or above `level` (None: never fails on findings)."""
        worst = self.max_severity()
        return level is not None and worst is not None and worst >= level

    @property
    def unreadable(self) -> list[tuple[str, str, str]]:
        """(source, display source, message) of every document that could not be read."""
        return self.totals.unreadable

    @property
    def internal_errors(self) -> list[str]:
        """The messages of seoaudit's own failures (`input/internal-error`): the audit is incomplete."""
        return self.totals.internal_errors
