"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

`::error file=PATH,line=N,col=C,title=RULE::MESSAGE` (warning → `::warning`, info → `::notice`).
PATH is relative to the working directory (run from the repository root); the line is the HTML line or
the line of the finding's JSON pointer in the file; a JSON location is appended to the message.
Values are escaped as the runner expects (`%`, CR, LF; and `:` `,` in properties). GitHub shows at most
10 annotations of each kind per step: pair this with `--format markdown:$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from ..baseline import relative_source
from ..engine import Report
from ..model import Severity
from . import RenderOptions, file_line, shown

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    lines = []
    for result in report.documents:
        path = relative_source(result.document.source)
        for finding in shown(result.findings, options):
            props = [f"file={_property(path)}"]
            line = file_line(options, result.document, finding)
            if line is not None:
                props.append(f"line={line}")
                if finding.location.pointer is None and finding.location.column:
                    props.append(f"col={finding.location.column}")
            props.append(f"title={_property(finding.rule)}")
            message = finding.message
            if finding.location.pointer is not None or finding.location.path:
                message += f" (at {finding.location.describe()})"
            lines.append(f"::{COMMAND[finding.severity]} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
