"""report: one module per output format. Formatters take a `Report` and never exit, print or read files.

Every format module has `render(report, options) -> str`; the streaming ones (`ndjson`, `rich`) also
render one `DocumentResult` at a time, so a long batch shows results as documents finish, and `html` has a
`Formatter` written piece by piece (`start`, `document`, `late`, `finish`), so a whole-file report is never
held in memory. Machine
formats carry no colour and no banners. `RenderOptions` holds what a format may need beyond the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from ..model import Document, Finding, Severity

FORMATS = ("rich", "json", "ndjson", "sarif", "junit", "github", "markdown", "html")
MACHINE_FORMATS = frozenset(FORMATS) - {"rich", "html"}
_MODULES = {name: f"{__name__}.{name}_report" for name in FORMATS}

LineLookup = Callable[[Document, Finding], "int | None"]


@dataclass(frozen=True)
class RenderOptions:
    fail_on: Severity | None = Severity.INFO  # JUnit: findings at or above are failures; markdown: the verdict
    lines: LineLookup | None = None  # the file line of a finding (see positions.FileLines); None: HTML lines only
    quiet: bool = False  # rich: the summary line only
    statistics: bool = False  # rich: counts per rule instead of every finding
    rule_options: dict = field(default_factory=dict)  # html: the width rules' options, where previews cut


def formatter(name: str) -> ModuleType:
    """The module of a format, imported on use so that start-up stays light."""
    return importlib.import_module(_MODULES[name])


def file_line(options: RenderOptions, document: Document, finding: Finding) -> int | None:
    if options.lines is not None:
        return options.lines(document, finding)
    return finding.location.line if finding.location.pointer is None else None
