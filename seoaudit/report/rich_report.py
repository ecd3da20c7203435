"""The terminal report: per document a header, findings grouped by category, a summary line.

Rich honours NO_COLOR and narrow terminals by itself; every line wraps with a hanging indent.
"""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from ..engine import DocumentResult, Report
from ..model import Finding, Severity

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
MAX_VALUE = 160


def render(report: Report, console: Console, quiet: bool = False) -> None:
    if not quiet:
        for result in report.documents:
            console.print(_document(result))
    console.print(summary_line(report))


def _document(result: DocumentResult) -> Group:
    doc = result.document
    meta = result.metadata
    title = meta.get("title") or (meta.get("post") or {}).get("title")
    url = meta.get("canonical") or (meta.get("post") or {}).get("link")
    parts: list = [Rule(Text(f"{doc.display_source} · {doc.kind}", style="bold"), align="left")]
    if title:
        parts.append(Padding(Text(_clip(title)), (0, 0, 0, 2), expand=False))
    if url:
        parts.append(Padding(Text(url, style="dim"), (0, 0, 0, 2), expand=False))
    if not result.findings:
        parts.append(Text("  ✔ no findings", style="green"))
    ordered = sorted(result.findings, key=lambda f: (f.category, f.sort_key()))
    for category, findings in groupby(ordered, key=lambda f: f.category):
        findings = list(findings)
        parts.append(Text(f"  {category} ({len(findings)})", style="bold underline"))
        parts.extend(_finding(f) for f in findings)
    parts.append(Text(""))
    return Group(*parts)


def _finding(finding: Finding) -> Padding:
    style = STYLE[finding.severity]
    lines = Text()
    lines.append(f"{MARK[finding.severity]} {finding.severity.label:<7} ", style=style)
    lines.append(finding.rule, style="bold")
    lines.append(f"\n{finding.message}")
    details = []
    if finding.value is not None:
        details.append(("value", _clip(str(finding.value))))
    if finding.expected is not None:
        details.append(("expected", _clip(str(finding.expected))))
    where = finding.location.describe()
    details.append(("at", f"{finding.view} {where}" if finding.view else where))
    if finding.fix:
        details.append(("fix", finding.fix))
    for label, text in details:
        lines.append(f"\n{label}: ", style="dim")
        lines.append(text)
    return Padding(lines, (0, 0, 0, 4), expand=False)


def summary_line(report: Report) -> Text:
    summary = report.summary()
    counts = summary["by_severity"]
    text = Text()
    text.append(f"{summary['documents']} document{'s' if summary['documents'] != 1 else ''}: ")
    pieces = [(counts["error"], "error", Severity.ERROR), (counts["warning"], "warning", Severity.WARNING),
              (counts["info"], "info", Severity.INFO)]
    for index, (count, label, severity) in enumerate(pieces):
        if index:
            text.append(", ")
        plural = "s" if count != 1 and label != "info" else ""
        text.append(f"{count} {label}{plural}", style=STYLE[severity] if count else None)
    if summary["unreadable"]:
        text.append(f", {summary['unreadable']} unreadable", style="bold red")
    return text


def _clip(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
