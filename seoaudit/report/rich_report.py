"""The terminal report: per document with findings, a header and a line or two per finding; then, when the
run is large, the findings per rule; then a summary line.

The CLI prints each document as it finishes (`render_document`), then `render_end`. A finding is its
severity, rule and message (which states the value and the limit) and where it is; `--full` adds the value,
the expected value and the fix. At most `MAX_FINDINGS` findings are listed (`--full` lists all): past that,
the table by rule (with each rule's fix, once) says what the run found, as `--statistics` does. `--quiet`
keeps the summary line; `--min-severity` hides the findings below it (not from the counts).

Lines are never wrapped or padded by rich (`soft_wrap`): piped output has no trailing spaces and a URL is
never cut in two; a terminal wraps long lines itself.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from ..engine import DocumentResult, Report
from ..model import Finding, Severity
from . import RenderOptions, file_line, shown

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
MAX_VALUE = 160
MAX_FINDINGS = 200  # listed one by one; past that, the table by rule speaks for the run


def render(report: Report, options: RenderOptions | None = None, width: int = 100) -> str:
    """The report as plain text (no colour), for `--output FILE` and golden tests."""
    buffer = io.StringIO()
    render_to(Console(file=buffer, width=width, no_color=True, highlight=False, force_terminal=False,
                      legacy_windows=False), report, options)
    return buffer.getvalue()


class Listing:
    """How many findings a run's terminal report has listed so far, against the cap."""

    def __init__(self, options: RenderOptions):
        self.options = options
        self.listed = 0
        self.held_back = 0

    def take(self, findings: list[Finding]) -> list[Finding]:
        wanted = shown(findings, self.options)
        room = len(wanted) if self.options.full else max(0, MAX_FINDINGS - self.listed)
        self.listed += min(room, len(wanted))
        self.held_back += max(0, len(wanted) - room)
        return wanted[:room]


def render_to(console: Console, report: Report, options: RenderOptions | None = None) -> None:
    options = options or RenderOptions()
    listing = Listing(options)
    if not (options.quiet or options.statistics):
        for result in report.documents:
            render_document(result, console, listing)
    render_end(report, console, options, listing)


def render_document(result: DocumentResult, console: Console, listing: Listing) -> None:
    """One document, printed as soon as it is audited: nothing when it has no finding to list."""
    findings = listing.take(result.findings)
    if findings or result.unreadable:
        for line in _document(result, findings, listing.options):
            console.print(line, soft_wrap=True)


def render_late(late: list[tuple[DocumentResult, list[Finding]]], console: Console, listing: Listing) -> None:
    """Findings of the rules across documents, printed after the streamed documents."""
    blocks = [(result, found) for result, found in ((r, listing.take(f)) for r, f in late) if found]
    if not blocks:
        return
    console.print(Text("across documents", style="bold"), soft_wrap=True)
    for result, found in blocks:
        console.print(Text(f"  {result.document.display_source}", style="bold"), soft_wrap=True)
        for finding in found:
            for line in _finding(finding, listing.options, result.document):
                console.print(line, soft_wrap=True)
    console.print()


def render_end(report: Report, console: Console, options: RenderOptions | None = None,
               listing: Listing | None = None) -> None:
    options = options or RenderOptions()
    held_back = listing.held_back if listing is not None else 0
    if not options.quiet and (options.statistics or held_back):
        for line in statistics_lines(report, with_fix=not options.statistics):
            console.print(line, soft_wrap=True)
    if held_back and not options.quiet and not options.statistics:
        console.print(Text(f"{held_back} more finding{'s' if held_back != 1 else ''} not listed (the first "
                           f"{MAX_FINDINGS} are): --full lists every one, -f concise one line each.", style="dim"),
                      soft_wrap=True)
    console.print(summary_line(report), soft_wrap=True)


def statistics_lines(report: Report, with_fix: bool = False) -> list[Text]:
    """Findings per rule, most severe then most frequent first (ruff's --statistics), one line each, with
    each rule's fix: aligned columns, never padded at the end of a line."""
    worst: dict[str, Severity] = {}
    fixes: dict[str, str] = {}
    for finding in report.findings:
        worst[finding.rule] = max(worst.get(finding.rule, finding.severity), finding.severity)
        fixes.setdefault(finding.rule, finding.fix or "")
    rows = sorted(report.summary()["by_rule"].items(), key=lambda item: (-worst[item[0]], -item[1], item[0]))
    if not rows:
        return []
    count_width = max(5, *(len(str(count)) for _, count in rows))
    rule_width = max(len(rule_id) for rule_id, _ in rows)
    lines = [Text(f"{'count':>{count_width}}  severity  rule" + (f"{'':<{rule_width - 4}}  fix" if with_fix else ""),
                  style="bold")]
    for rule_id, count in rows:
        line = Text(f"{count:>{count_width}}  ")
        line.append(f"{worst[rule_id].label:<8}", style=STYLE[worst[rule_id]])
        line.append(f"  {rule_id}" + (f"{'':<{rule_width - len(rule_id)}}  {fixes[rule_id]}" if with_fix else ""))
        line.rstrip()
        lines.append(line)
    return lines


def _document(result: DocumentResult, findings: list[Finding], options: RenderOptions) -> list[Text]:
    doc = result.document
    meta = result.metadata
    title = meta.get("title") or (meta.get("post") or {}).get("title")
    url = meta.get("canonical") or (meta.get("post") or {}).get("link")
    lines = [Text(f"{doc.display_source} · {doc.kind}", style="bold")]
    if title:
        lines.append(Text(f"  {_clip(title)}"))
    if url:
        lines.append(Text(f"  {url}", style="dim"))
    hidden = len(result.findings) - len(findings)
    for finding in findings:
        lines.extend(_finding(finding, options, doc))
    if hidden:
        lines.append(Text(f"  … {hidden} more finding{'s' if hidden != 1 else ''} not listed", style="dim"))
    lines.append(Text(""))
    return lines


def _finding(finding: Finding, options: RenderOptions, document) -> list[Text]:
    """Severity, rule and message; then where (for JSON, `path:line` first: clickable in a terminal)."""
    head = Text("  ")
    head.append(f"{MARK[finding.severity]} {finding.severity.label:<7} ", style=STYLE[finding.severity])
    head.append(finding.rule, style="bold")
    head.append(f" {' '.join(finding.message.split())}")
    where = finding.location.describe()
    where = f"{finding.view} {where}" if finding.view else where
    line = file_line(options, document, finding) if finding.location.pointer is not None else None
    lines = [head, Text(f"    at {document.source}:{line} {where}" if line else f"    at {where}", style="dim")]
    if options.full:
        for label, value in (("value", finding.value), ("expected", finding.expected), ("fix", finding.fix)):
            if value is not None:
                line = Text(f"    {label}: ", style="dim")
                line.append(_clip(_plain(value)) if label != "fix" else value)
                lines.append(line)
    return lines


def _plain(value) -> str:
    """A value as a person reads it: JSON for lists and objects, not a Python repr."""
    if isinstance(value, (dict, list, tuple)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


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
