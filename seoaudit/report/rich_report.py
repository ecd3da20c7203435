"""The terminal report: per document with findings, a header and a line or two per finding; then, when the
run is large, the findings per rule; then a summary line.

On a terminal each document is printed as it finishes, then the findings of the rules across documents,
then the summary; to a file (plain text) the documents are written at the end, from the run's spool, with
those findings in place. A finding is its severity, rule and message (which states the value and the limit)
and where it is; `--full` adds the value, the expected value and the fix. At most `MAX_FINDINGS` findings
are listed (`--full` lists all): past that, the table by rule (with each rule's fix, once) says what the
run found, as `--statistics` does. `--quiet` keeps the summary line; `--min-severity` hides the findings
below it (not from the counts).

Lines are never wrapped or padded by rich (`soft_wrap`): piped output has no trailing spaces and a URL is
never cut in two; a terminal wraps long lines itself. Without colour the lines are written as plain text,
never through rich's renderer, so the report of a large run costs what its JSON report does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console
from rich.text import Text

from ..model import Finding, Severity
from ..results import DocumentResult, Report, site_line
from . import STYLE, Formatter, RenderOptions, shown, summary_pieces
from . import render as _render

MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
MAX_VALUE = 160
MAX_FINDINGS = 200  # listed one by one; past that, the table by rule speaks for the run


class RichFormatter(Formatter):
    """`console`: a terminal to print to as documents finish; None: plain text, written at the end."""

    NEEDS = frozenset({"headline", "lines"})

    def __init__(self, write: Callable[[str], Any], options: RenderOptions | None = None,
                 console: Console | None = None):
        super().__init__(write, options)
        self.console = console
        self.spooled = console is None
        self.shows_documents = not (self.options.quiet or self.options.statistics)
        self.listed = 0
        self.held_back = 0
        self.fixes: dict[str, str] = {}  # rule id → the fix of its first finding (the table by rule shows it)

    def document(self, result: DocumentResult) -> None:
        self._note_fixes(result.findings)
        if not self.shows_documents:
            return
        findings = self._take(result.findings)
        if findings or result.unreadable:
            self._print(_document(result, findings, self.options))

    def late(self, items: Iterable) -> None:
        blocks = []
        for item in items:
            self._note_fixes(item.findings)
            if self.shows_documents and (found := self._take(item.findings)):
                blocks.append((item, found))
        if not blocks:
            return
        lines = [Text("across documents", style="bold")]
        for item, found in blocks:
            lines.append(Text(f"  {item.document.display_source}", style="bold"))
            for finding in found:
                lines += _finding(finding, self.options, item.document.source, item.line(finding))
        self._print([*lines, Text("")])

    def finish(self, report: Report) -> None:
        if self.console is None:
            for result in report.documents:  # late findings are in place: no `late` call
                self.document(result)
        lines = []
        if not self.options.quiet and (self.options.statistics or self.held_back):
            lines += statistics_lines(report, self.fixes if not self.options.statistics else None)
        if self.held_back and not self.options.quiet and not self.options.statistics:
            lines.append(Text(f"{self.held_back} more finding{'s' if self.held_back != 1 else ''} not listed (the "
                              f"first {MAX_FINDINGS} are): --full lists every one, -f concise one line each.",
                              style="dim"))
        site = site_line(report.summary()) if not self.options.quiet else None
        self._print([*lines, *([Text(site, style="dim")] if site else []), summary_line(report)])

    def _note_fixes(self, findings: list[Finding]) -> None:
        for finding in findings:
            self.fixes.setdefault(finding.rule, finding.fix or "")

    def _take(self, findings: list[Finding]) -> list[Finding]:
        """The findings to list, against the cap."""
        wanted = shown(findings, self.options)
        room = len(wanted) if self.options.full else max(0, MAX_FINDINGS - self.listed)
        self.listed += min(room, len(wanted))
        self.held_back += max(0, len(wanted) - room)
        return wanted[:room]

    def _print(self, lines: list[Text]) -> None:
        if self.console is None or self.console.color_system is None:
            text = "".join(line.plain.rstrip() + "\n" for line in lines)
            (self.write if self.console is None else self.console.file.write)(text)
            return
        for line in lines:
            self.console.print(line, soft_wrap=True)


def render(report: Report, options: RenderOptions | None = None) -> str:
    """The report as plain text (no colour), for `--output FILE` and golden tests."""
    return _render(RichFormatter, report, options)


def statistics_lines(report: Report, fixes: dict[str, str] | None = None) -> list[Text]:
    """Findings per rule, most severe then most frequent first (ruff's --statistics), one line each, with
    each rule's fix when `fixes` are given: aligned columns, never padded at the end of a line."""
    worst = report.totals.worst
    rows = sorted(report.summary()["by_rule"].items(), key=lambda item: (-worst[item[0]], -item[1], item[0]))
    if not rows:
        return []
    count_width = max(5, *(len(str(count)) for _, count in rows))
    rule_width = max(len(rule_id) for rule_id, _ in rows)
    header = f"{'count':>{count_width}}  severity  rule" + (f"{'':<{rule_width - 4}}  fix" if fixes is not None else "")
    lines = [Text(header, style="bold")]
    for rule_id, count in rows:
        line = Text(f"{count:>{count_width}}  ")
        line.append(f"{worst[rule_id].label:<8}", style=STYLE[worst[rule_id]])
        fix = f"{'':<{rule_width - len(rule_id)}}  {fixes.get(rule_id, '')}" if fixes is not None else ""
        line.append(f"  {rule_id}{fix}")
        line.rstrip()
        lines.append(line)
    return lines


def _document(result: DocumentResult, findings: list[Finding], options: RenderOptions) -> list[Text]:
    doc = result.document
    meta = result.metadata
    title = meta.get("title") or (meta.get("post") or {}).get("title")
    url = meta.get("canonical") or (meta.get("post") or {}).get("link")
    plugins = ", ".join(" ".join(filter(None, (p["name"], p.get("version")))) for p in meta.get("seo_plugins", ()))
    lines = [Text(" · ".join(filter(None, (doc.display_source, doc.kind, plugins))), style="bold")]
    if title:
        lines.append(Text(f"  {_clip(title)}"))
    if url:
        lines.append(Text(f"  {url}", style="dim"))
    for finding in findings:
        lines += _finding(finding, options, doc.source, result.line(finding))
    hidden = len(result.findings) - len(findings)
    if hidden:
        lines.append(Text(f"  … {hidden} more finding{'s' if hidden != 1 else ''} not listed", style="dim"))
    lines.append(Text(""))
    return lines


def _finding(finding: Finding, options: RenderOptions, source: str, line: int | None) -> list[Text]:
    """Severity, rule and message; then where (for JSON, `path:line` first: clickable in a terminal)."""
    head = Text("  ")
    head.append(f"{MARK[finding.severity]} {finding.severity.label:<7} ", style=STYLE[finding.severity])
    head.append(finding.rule, style="bold")
    head.append(f" {' '.join(finding.message.split())}")
    where = finding.location.describe()
    where = f"{finding.view} {where}" if finding.view else where
    at = f"    at {source}:{line} {where}" if line and finding.location.pointer is not None else f"    at {where}"
    lines = [head, Text(at, style="dim")]
    if options.full:
        for label, value in (("value", finding.value), ("expected", finding.expected), ("fix", finding.fix)):
            if value is not None:
                text = Text(f"    {label}: ", style="dim")
                text.append(_clip(_plain(value)) if label != "fix" else value)
                lines.append(text)
    return lines


def _plain(value) -> str:
    """A value as a person reads it: JSON for lists and objects, not a Python repr."""
    if isinstance(value, (dict, list, tuple)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def summary_line(report: Report) -> Text:
    text = Text()
    for piece, style in summary_pieces(report):
        text.append(piece, style=style)
    return text


def _clip(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
