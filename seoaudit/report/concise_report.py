"""One line per finding, `path:line:col: severity rule message`, as ruff's `concise` and yamllint's `parsable`:
for grep, editors' quickfix lists and terminals that make `path:line` clickable.

The line is the HTML line, or for WordPress JSON the line of the finding's JSON pointer in the file (the
same lookup as SARIF's `startLine`), and the column when the parser knows it; a finding about a whole file
has neither (`path: …`). A JSON location is appended to the message. Streams a line per finding as
documents finish, then the findings of the rules across documents, then the summary line. Unreadable
input is a line too (`input/…`). `--min-severity` leaves out the findings below it (not from the counts).
"""

from __future__ import annotations

from ..engine import DocumentResult, Report
from ..model import Document, Finding
from . import RenderOptions, file_line, shown


def render_document(result: DocumentResult, options: RenderOptions | None = None) -> str:
    return _lines(result, result.findings, options or RenderOptions())


def render_late(late: list[tuple[DocumentResult, list[Finding]]], options: RenderOptions | None = None) -> str:
    return "".join(_lines(result, found, options or RenderOptions()) for result, found in late)


def render_end(report: Report, options: RenderOptions | None = None) -> str:
    from .rich_report import summary_line

    return summary_line(report).plain + "\n"


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    return "".join(render_document(r, options) for r in report.documents) + render_end(report, options)


def _lines(result: DocumentResult, findings: list[Finding], options: RenderOptions) -> str:
    return "".join(finding_line(result.document, finding, options) + "\n" for finding in shown(findings, options))


def finding_line(document: Document, finding: Finding, options: RenderOptions) -> str:
    """`path:line:col: severity rule message (at location)` (JUnit's failure text uses it too)."""
    line = file_line(options, document, finding)
    where = document.source
    if line is not None:
        where += f":{line}"
        if finding.location.pointer is None and finding.location.line == line and finding.location.column:
            where += f":{finding.location.column}"
    message = " ".join(finding.message.split())
    if finding.location.pointer is not None or finding.location.path:
        message += f" (at {finding.location.describe()})"
    return f"{where}: {finding.severity.label} {finding.rule} {message}"
