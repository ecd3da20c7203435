"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

`::error file=PATH,line=N,col=C,title=RULE::MESSAGE` (warning → `::warning`, info → `::notice`).
PATH is relative to the working directory (run from the repository root); the line is the HTML line or
the line of the finding's JSON pointer in the file; a JSON location is appended to the message.
Values are escaped as the runner expects (`%`, CR, LF; and `:` `,` in properties). Annotations are
written as documents finish; those of the rules that compare documents follow the others. GitHub shows
at most 10 annotations of each kind per step: pair this with `--format markdown:$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..baseline import relative_source
from ..model import Finding, Severity
from ..results import DocumentResult, Report, site_line
from . import Formatter, RenderOptions, shown
from . import render as _render

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubFormatter(Formatter):
    NEEDS = frozenset({"lines"})
    spooled = False

    def document(self, result: DocumentResult) -> None:
        self._annotate(result.document.source, result.findings, result.line)

    def late(self, items: Iterable) -> None:
        for item in items:
            self._annotate(item.document.source, item.findings, item.line)

    def finish(self, report: Report) -> None:
        site = site_line(report.summary())
        if site:  # the workflow run's summary shows a notice without a file
            self.write(f"::notice title=seoaudit site::{_data(site)}\n")

    def _annotate(self, source: str, findings: list[Finding], line_of) -> None:
        findings = shown(findings, self.options)
        if not findings:
            return
        path = _property(relative_source(source))
        lines = []
        for finding in findings:
            props = [f"file={path}"]
            line = line_of(finding)
            if line is not None:
                props.append(f"line={line}")
                if finding.location.pointer is None and finding.location.column:
                    props.append(f"col={finding.location.column}")
            props.append(f"title={_property(finding.rule)}")
            message = finding.message
            if finding.location.pointer is not None or finding.location.path:
                message += f" (at {finding.location.describe()})"
            lines.append(f"::{COMMAND[finding.severity]} {','.join(props)}::{_data(message)}\n")
        self.write("".join(lines))


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(GithubFormatter, report, options)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
