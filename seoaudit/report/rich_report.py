"""The terminal report: per document a header, findings grouped by category, a summary line.

The CLI prints each document as it finishes (`render_document`), then `render_end`; `--quiet` keeps
only the summary line and `--statistics` replaces the findings by a count per rule.

Rich honours NO_COLOR and narrow terminals by itself; every line wraps with a hanging indent.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..engine import DocumentResult, Report
from ..model import Finding, Severity
from . import RenderOptions

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
MAX_VALUE = 160


def render(report: Report, options: RenderOptions | None = None, width: int = 100) -> str:
    """The report as plain text (no colour), for `--output FILE` and golden tests."""
    buffer = io.StringIO()
    render_to(Console(file=buffer, width=width, no_color=True, highlight=False, force_terminal=False,
                      legacy_windows=False), report, options)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())  # rich pads lines


def render_to(console: Console, report: Report, options: RenderOptions | None = None) -> None:
    options = options or RenderOptions()
    if not (options.quiet or options.statistics):
        for result in report.documents:
            render_document(result, console)
    render_end(report, console, options)


def render_document(result: DocumentResult, console: Console) -> None:
    """One document, printed as soon as it is audited."""
    console.print(_document(result))


def render_late(late: list[tuple[DocumentResult, list[Finding]]], console: Console) -> None:
    """Findings of the rules across documents, printed after the streamed documents."""
    if not late:
        return
    console.print(Rule(Text("across documents", style="bold"), align="left"))
    for result, found in late:
        console.print(Text(f"  {result.document.display_source}", style="bold"))
        for finding in found:
            console.print(_finding(finding))
    console.print(Text(""))


def render_end(report: Report, console: Console, options: RenderOptions | None = None) -> None:
    if options is not None and options.statistics and not options.quiet:
        console.print(statistics_table(report))
    console.print(summary_line(report))


def statistics_table(report: Report) -> Table:
    """Findings per rule, most first (ruff's --statistics)."""
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for column, justify in (("count", "right"), ("rule", "left"), ("severity", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    worst: dict[str, Severity] = {}
    for finding in report.findings:
        worst[finding.rule] = max(worst.get(finding.rule, finding.severity), finding.severity)
    for rule_id, count in sorted(report.summary()["by_rule"].items(), key=lambda item: (-item[1], item[0])):
        table.add_row(str(count), rule_id, Text(worst[rule_id].label, style=STYLE[worst[rule_id]]))
    return table


def _document(result: DocumentResult) -> Group:
    doc = result.document
    meta = result.metadata
    title = meta.get("title") or (meta.get("post") or {}).get("title")
    url = meta.get("canonical") or (meta.get("post") or {}).get("link")
    plugins = ", ".join(" ".join(filter(None, (p["name"], p.get("version")))) for p in meta.get("seo_plugins", ()))
    header = " · ".join(filter(None, (doc.display_source, doc.kind, plugins)))
    parts: list = [Rule(Text(header, style="bold"), align="left")]
    if title:
        parts.append(Padding(Text(_clip(title)), (0, 0, 0, 2), expand=False))
    if url:
        parts.append(Padding(Text(url, style="dim"), (0, 0, 0, 2), expand=False))
    hidden = [f"{len(found)} {label}" for label, found in (("suppressed", result.suppressed),
                                                           ("baselined", result.baselined)) if found]
    if not result.findings:
        parts.append(Text("  ✔ no new findings (" + ", ".join(hidden) + ")" if hidden else "  ✔ no findings",
                          style="green"))
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
    hidden = [f"{summary[key]} {key}" for key in ("suppressed", "baselined") if summary[key]]
    if hidden:
        text.append(f" ({', '.join(hidden)})", style="dim")
    return text


def _clip(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
