"""One line per finding, `path:line:col: severity rule message`, as ruff's `concise` and yamllint's `parsable`:
for grep, editors' quickfix lists and terminals that make `path:line` clickable.

The line is the HTML line, or for WordPress JSON the line of the finding's JSON pointer in the file (the
same lookup as SARIF's `startLine`), and the column when the parser knows it; a finding about a whole file
has neither (`path: …`). A JSON location is appended to the message. Streams a line per finding as
documents finish, then the findings of the rules across documents, then the summary line. Unreadable
input is a line too (`input/…`). `--min-severity` leaves out the findings below it (not from the counts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Finding
from ..results import DocumentResult, Report, site_line
from . import Formatter, RenderOptions, plain_summary, shown
from . import render as _render


class ConciseFormatter(Formatter):
    NEEDS = frozenset({"lines"})
    spooled = False

    def document(self, result: DocumentResult) -> None:
        self._lines(result.document.source, result.findings, result.line)

    def late(self, items: Iterable) -> None:
        for item in items:
            self._lines(item.document.source, item.findings, item.line)

    def finish(self, report: Report) -> None:
        site = site_line(report.summary())
        # one last line, after the lines that each start with a path (editors and grep read those)
        self.write(plain_summary(report) + (f"; {site}" if site else "") + "\n")

    def _lines(self, source: str, findings: list[Finding], line_of: Callable[[Finding], int | None]) -> None:
        found = shown(findings, self.options)
        if found:
            self.write("".join(finding_line(source, f, line_of(f)) + "\n" for f in found))


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(ConciseFormatter, report, options)


def finding_line(source: str, finding: Finding, line: int | None) -> str:
    """`path:line:col: severity rule message (at location)` (JUnit's failure text uses it too)."""
    where = source
    if line is not None:
        where += f":{line}"
        if finding.location.pointer is None and finding.location.line == line and finding.location.column:
            where += f":{finding.location.column}"
    message = " ".join(finding.message.split())
    if finding.location.pointer is not None or finding.location.path:
        message += f" (at {finding.location.describe()})"
    return f"{where}: {finding.severity.label} {finding.rule} {message}"
