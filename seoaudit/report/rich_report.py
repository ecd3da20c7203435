"""The terminal report: per document a header, findings grouped by category, a summary line.

On a terminal each document is printed as it finishes, then the findings of the rules across documents,
then the summary line; to a file (plain text, 100 columns) the documents are written at the end, from the
run's spool, with those findings in place. `--quiet` keeps only the summary line and `--statistics`
replaces the findings by a count per rule.

Rich honours NO_COLOR and narrow terminals by itself; every line wraps with a hanging indent.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import Finding, Severity
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
MAX_VALUE = 160
WIDTH = 100  # of the plain-text report


class RichFormatter(Formatter):
    """`console`: a terminal to print to as documents finish; None: plain text, written at the end."""

    NEEDS = frozenset({"headline"})

    def __init__(self, write: Callable[[str], Any], options: RenderOptions | None = None,
                 console: Console | None = None):
        super().__init__(write, options)
        self.console = console
        self.spooled = console is None
        self.shows_documents = not (self.options.quiet or self.options.statistics)

    def document(self, result: DocumentResult) -> None:
        if not self.shows_documents:
            return
        text = _plain_document(result, self.console.width) if self.console.color_system is None else None
        if text is None:
            self.console.print(_document(result))
        else:
            self.console.file.write(text)

    def late(self, items: Iterable) -> None:
        if not self.shows_documents:
            return
        heading = False
        for item in items:
            if not heading:
                self.console.print(Rule(Text("across documents", style="bold"), align="left"))
                heading = True
            self.console.print(Text(f"  {item.document.display_source}", style="bold"))
            for finding in item.findings:
                self.console.print(_finding(finding))
        if heading:
            self.console.print(Text(""))

    def finish(self, report: Report) -> None:
        if self.console is not None:
            self._end(self.console, report)
            return
        buffer = io.StringIO()
        console = Console(file=buffer, width=WIDTH, no_color=True, highlight=False, force_terminal=False,
                          legacy_windows=False)
        for result in report.documents if self.shows_documents else ():
            text = _plain_document(result, WIDTH)
            if text is None:
                console.print(_document(result))
                text = _plain(buffer)
            self.write(text)
        self._end(console, report)
        self.write(_plain(buffer))

    def _end(self, console: Console, report: Report) -> None:
        if self.options.statistics and not self.options.quiet:
            console.print(statistics_table(report))
        console.print(summary_line(report))


def render(report: Report, options: RenderOptions | None = None) -> str:
    """The report as plain text (no colour), for `--output FILE` and golden tests."""
    return _render(RichFormatter, report, options)


def _plain(buffer: io.StringIO) -> str:
    """What the console wrote since last asked, without the spaces rich pads lines with."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def statistics_table(report: Report) -> Table:
    """Findings per rule, most first (ruff's --statistics)."""
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for column, justify in (("count", "right"), ("rule", "left"), ("severity", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    worst = report.totals.worst
    for rule_id, count in sorted(report.summary()["by_rule"].items(), key=lambda item: (-item[1], item[0])):
        table.add_row(str(count), rule_id, Text(worst[rule_id].label, style=STYLE[worst[rule_id]]))
    return table


# A document as blocks: (left indent, [(text, style)]), or (None, title) for its header rule. `_document` makes them
# rich renderables; `_plain_document` lays them out itself, as rich would, some fifty times faster.
Block = tuple[int | None, Any]


def _blocks(result: DocumentResult) -> list[Block]:
    doc = result.document
    meta = result.metadata
    title = meta.get("title") or (meta.get("post") or {}).get("title")
    url = meta.get("canonical") or (meta.get("post") or {}).get("link")
    plugins = ", ".join(" ".join(filter(None, (p["name"], p.get("version")))) for p in meta.get("seo_plugins", ()))
    blocks: list[Block] = [(None, " · ".join(filter(None, (doc.display_source, doc.kind, plugins))))]
    if title:
        blocks.append((2, [(_clip(title), None)]))
    if url:
        blocks.append((2, [(url, "dim")]))
    hidden = [f"{len(found)} {label}" for label, found in (("suppressed", result.suppressed),
                                                           ("baselined", result.baselined)) if found]
    if not result.findings:
        blocks.append((0, [("  ✔ no new findings (" + ", ".join(hidden) + ")" if hidden else "  ✔ no findings",
                            "green")]))
    ordered = sorted(result.findings, key=lambda f: (f.category, f.sort_key()))
    for category, findings in groupby(ordered, key=lambda f: f.category):
        findings = list(findings)
        blocks.append((0, [(f"  {category} ({len(findings)})", "bold underline")]))
        blocks.extend((4, _finding(f)) for f in findings)
    blocks.append((0, []))
    return blocks


def _finding(finding: Finding) -> list[tuple[str, str | None]]:
    parts = [(f"{MARK[finding.severity]} {finding.severity.label:<7} ", STYLE[finding.severity]),
             (finding.rule, "bold"), (f"\n{finding.message}", None)]
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
        parts += [(f"\n{label}: ", "dim"), (text, None)]
    return parts


def _document(result: DocumentResult) -> Group:
    renderables = []
    for indent, content in _blocks(result):
        if indent is None:
            renderables.append(Rule(Text(content, style="bold"), align="left"))
            continue
        text = Text()
        for part, style in content:
            text.append(part, style=style)
        renderables.append(Padding(text, (0, 0, 0, indent), expand=False) if indent else text)
    return Group(*renderables)


def _plain_document(result: DocumentResult, width: int) -> str | None:
    """The document as `_document` prints on a console of `width` columns without colour, or None when some
    text holds what only rich measures right (wide or zero-width characters, tabs, control characters)."""
    lines = []
    for indent, content in _blocks(result):
        if indent is None:
            if len(content) > width - 2 or not _ONE_CELL.issuperset(content):
                return None
            lines.append(f"{content} {'─' * (width - len(content) - 1)}")
            continue
        text = "".join(part for part, _ in content)
        if not _ONE_CELL.issuperset(text.replace("\n", " ")):
            return None
        pad = " " * indent
        lines += [(pad + line).rstrip() for line in _wrap(text, width - indent)]
    return "\n".join(lines) + "\n"


def _one_cell() -> frozenset[str]:
    """Printable characters rich measures as one cell, in the ranges reports use (Latin, Greek, Cyrillic,
    punctuation, arrows, mathematical operators, box drawing, dingbats). Its only space is " "."""
    from rich.cells import cell_len

    ranges = ((0x20, 0x7E), (0xA0, 0x52F), (0x2010, 0x205E), (0x2190, 0x22FF), (0x2500, 0x27BF))
    return frozenset(c for start, end in ranges for c in map(chr, range(start, end + 1))
                     if c.isprintable() and not (c.isspace() and c != " ") and cell_len(c) == 1)


_ONE_CELL = _one_cell()


def _wrap(text: str, width: int) -> list[str]:
    """Lines of one-cell text wrapped at `width` columns exactly as rich wraps them (rich._wrap.divide_line with
    overflow "fold": words are a run of non-spaces and the spaces after it; a word that does not fit goes
    to the next line; one longer than a line is cut in pieces of `width`), a line at a time rather than a
    word at a time. tests/test_formats.py checks it against rich."""
    lines = []
    for line in text.split("\n"):
        end = len(line.rstrip(" "))  # spaces past the width stay on a line (and are stripped)
        lead = len(line) - len(line.lstrip(" "))  # the first word starts at 0, its spaces included
        start = 0
        while end - start > width:
            cut = start + width
            if line[cut] == " " and not (start == 0 and cut < lead):  # a word fits; the next starts after these spaces
                after = len(line) - len(line[cut:].lstrip(" "))
                lines.append(line[start:after])
                start = after
                continue
            word = line.rfind(" ", start, cut) + 1
            if word > start and not (start == 0 and word <= lead):
                lines.append(line[start:word])
                start = word
                continue
            # A word longer than a line, from `start`: cut it (and the spaces after it) in pieces of `width`.
            first = len(line) - len(line[start:].lstrip(" "))  # its first non-space
            after = line.find(" ", first)
            after = len(line) if after == -1 else len(line) - len(line[after:].lstrip(" "))
            while after - start > width:
                lines.append(line[start:start + width])
                start += width
        lines.append(line[start:])
    return lines


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
