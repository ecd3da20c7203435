"""report: one module per output format. Formatters never exit, print or read files: they write text.

Each format module has a `Formatter` (the protocol below) and `render(report, options) -> str`, which runs
it over a whole `Report` (the Python API). In a run, the CLI drives formatters as documents finish:

- `start()`, then `document(result)` for each result as it comes (a streamed format writes it now);
- `late(items)`: the findings of the rules that compare documents, known only at the end (`run.LateFindings`,
  in input order), which a streamed format writes after the documents;
- `finish(report)`: the end (a summary line), or for a `spooled` format everything: `report.documents`
  then reads the results back from the run's spool on disk, in input order with the late findings in
  place, so a whole-file report (JSON, SARIF, JUnit, Markdown, HTML) costs the same memory for ten
  documents or a hundred thousand.

A live run also calls `live(session)` before the first document: the HTML report fetches the images the run
probed through the same session options (its address policy), and an offline run never fetches.

`NEEDS` names what a format needs beyond the findings, so that the engine computes nothing else:
`metadata` (the extracted metadata of the JSON report), `headline` (a document's title and URL),
`lines` (the file line of each JSON pointer), `rules` (the rules that ran on each document), `images` (the
sizes of the images a live run probed, for the HTML report's previews), `fingerprints` (the baseline's name
of the document in the findings of the rules across documents, for a streamed report's late fingerprints).
Machine formats carry no colour and no banners. `RenderOptions` holds what a format may need beyond the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

from ..model import Finding, Severity

if TYPE_CHECKING:
    from ..results import DocumentResult, Report
    from ..run import LateFindings

FORMATS = ("rich", "concise", "json", "ndjson", "sarif", "junit", "github", "markdown", "html")
MACHINE_FORMATS = frozenset(FORMATS) - {"rich", "concise"}
SHOWN_FORMATS = frozenset({"rich", "concise", "github", "markdown"})  # what --min-severity filters: for people
_MODULES = {name: f"{__name__}.{name}_report" for name in FORMATS}
_CLASSES = {"rich": "RichFormatter", "concise": "ConciseFormatter", "json": "JsonFormatter",
            "ndjson": "NdjsonFormatter", "sarif": "SarifFormatter", "junit": "JunitFormatter",
            "github": "GithubFormatter", "markdown": "MarkdownFormatter", "html": "HtmlFormatter"}


@dataclass(frozen=True)
class RenderOptions:
    fail_on: Severity | None = Severity.INFO  # JUnit: findings at or above are failures; markdown: the verdict
    quiet: bool = False  # rich: the summary line only
    statistics: bool = False  # rich: counts per rule instead of every finding
    root: Path | None = None  # the project root: fingerprints (baseline.py) and SARIF paths are relative to it
    min_severity: Severity | None = None  # rich, concise, github, markdown list only findings at or above this
    full: bool = False  # rich: every finding with its value, expected value and fix, and no cap
    full_metadata: bool = False  # json, ndjson: the JSON-LD graph, microdata and RDFa in each document's metadata
    rule_options: dict = field(default_factory=dict)  # html: the width rules' options, where previews cut


class Formatter:
    """The protocol every format implements (a base class, so a format defines only what it uses)."""

    NEEDS: ClassVar[frozenset[str]] = frozenset()
    spooled = True  # everything is written in `finish`, from `report.documents`
    # A spooled format may render each document where it is audited (in a worker process, in parallel): a
    # picklable function of a result, with a `name`, whose value reaches `finish` in `result.rendered[name]`
    # (run.Rendering). None: `finish` renders everything.
    renderer: Any = None

    def __init__(self, write: Callable[[str], Any], options: RenderOptions | None = None):
        self.write = write
        self.options = options or RenderOptions()

    def start(self) -> None:
        """Before the first document."""

    def live(self, session: Any) -> None:
        """The run fetches its documents through `session` (a `live.run.Session`); called before any document."""

    def document(self, result: DocumentResult) -> None:
        """One document, as soon as it is audited (streamed formats)."""

    def late(self, items: Iterable[LateFindings]) -> None:
        """The findings of the rules across documents, by document, once every document is in."""

    def finish(self, report: Report) -> None:
        raise NotImplementedError


def shown(findings: list[Finding], options: RenderOptions) -> list[Finding]:
    """The findings a report for people lists (`--min-severity`); counts and the exit code keep them all."""
    level = options.min_severity
    return findings if level is None else [f for f in findings if f.severity >= level]


def formatter(name: str) -> ModuleType:
    """The module of a format, imported on use so that start-up stays light."""
    return importlib.import_module(_MODULES[name])


def formatter_class(name: str) -> type[Formatter]:
    return getattr(formatter(name), _CLASSES[name])


def render(kind: type[Formatter], report: Report, options: RenderOptions | None = None) -> str:
    """A whole report through one formatter (whose documents already hold their late findings)."""
    parts: list[str] = []
    out = kind(parts.append, options)
    out.start()
    if not out.spooled:
        for result in report.documents:
            out.document(result)
    out.finish(report)
    return "".join(parts)


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}  # rich styles


def summary_pieces(report: Report) -> list[tuple[str, str | None]]:
    """The summary line ("518 documents: 63 errors, 1176 warnings, 2104 info") as (text, rich style or None)
    pieces: rich_report colours them; plain text is their concatenation, which needs no rich."""
    summary = report.summary()
    counts = summary["by_severity"]
    pieces: list[tuple[str, str | None]] = [
        (f"{summary['documents']} document{'s' if summary['documents'] != 1 else ''}: ", None)]
    for index, (count, label, severity) in enumerate([(counts["error"], "error", Severity.ERROR),
                                                       (counts["warning"], "warning", Severity.WARNING),
                                                       (counts["info"], "info", Severity.INFO)]):
        if index:
            pieces.append((", ", None))
        plural = "s" if count != 1 and label != "info" else ""
        pieces.append((f"{count} {label}{plural}", STYLE[severity] if count else None))
    if summary["unreadable"]:
        pieces.append((f", {summary['unreadable']} unreadable", "bold red"))
    hidden = [f"{summary[key]} {key}" for key in ("suppressed", "baselined") if summary[key]]
    if hidden:
        pieces.append((f" ({', '.join(hidden)})", "dim"))
    return pieces


def plain_summary(report: Report) -> str:
    return "".join(text for text, _ in summary_pieces(report))
