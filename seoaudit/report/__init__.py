"""report: one module per output format. Formatters take a `Report` and never exit, print or read files.

Every format module has `render(report, options) -> str`; the streaming ones (`ndjson`, `concise`, `rich`)
also render one `DocumentResult` at a time, so a long batch shows results as documents finish. Machine
formats carry no colour and no banners. `RenderOptions` holds what a format may need beyond the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..model import Document, Finding, Severity

FORMATS = ("rich", "concise", "json", "ndjson", "sarif", "junit", "github", "markdown")
MACHINE_FORMATS = frozenset(FORMATS) - {"rich", "concise"}
SHOWN_FORMATS = frozenset({"rich", "concise", "github", "markdown"})  # what --min-severity filters: for people
_MODULES = {name: f"{__name__}.{name}_report" for name in FORMATS}

LineLookup = Callable[[Document, Finding], "int | None"]


@dataclass(frozen=True)
class RenderOptions:
    fail_on: Severity | None = Severity.INFO  # JUnit: findings at or above are failures; markdown: the verdict
    lines: LineLookup | None = None  # the file line of a finding (see positions.FileLines); None: HTML lines only
    quiet: bool = False  # rich: the summary line only
    statistics: bool = False  # rich: counts per rule instead of every finding
    root: Path | None = None  # the project root: fingerprints (baseline.py) and SARIF paths are relative to it
    min_severity: Severity | None = None  # rich, concise, github, markdown list only findings at or above this
    full: bool = False  # rich: every finding with its value, expected value and fix, and no cap
    full_metadata: bool = False  # json, ndjson: the JSON-LD graph, microdata and RDFa in each document's metadata


def formatter(name: str) -> ModuleType:
    """The module of a format, imported on use so that start-up stays light."""
    return importlib.import_module(_MODULES[name])


def shown(findings: list[Finding], options: RenderOptions) -> list[Finding]:
    """The findings a report for people lists (`--min-severity`); counts and the exit code keep them all."""
    level = options.min_severity
    return findings if level is None else [f for f in findings if f.severity >= level]


def file_line(options: RenderOptions, document: Document, finding: Finding) -> int | None:
    if options.lines is not None:
        return options.lines(document, finding)
    return finding.location.line if finding.location.pointer is None else None
