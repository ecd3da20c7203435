"""The diff for people: `rich` in the terminal, `markdown` for a pull-request comment (GitHub, GitLab)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from ..model import Severity
from ..report.markdown_report import ICON, _cell, _code, _html
from . import SEVERITIES, Diff

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MARK = {"error": "✖", "warning": "▲", "info": "●"}
SIGN = {"new": ("+", "new", "bold"), "fixed": ("−", "fixed", "green")}
MAX_FINDINGS = 300  # listed in markdown (GitHub caps a comment at 65,536 characters); counts stay complete


def summary_line(diff: Diff) -> str:
    counts = diff.counts()
    parts = []
    for status in ("new", "fixed"):
        by = counts[f"{status}_by_severity"]
        detail = ", ".join(f"{by[s]} {s}" for s in SEVERITIES if by[s])
        parts.append(f"{counts[status]} {status}" + (f" ({detail})" if detail else ""))
    parts.append(f"{counts['unchanged']} unchanged")
    docs = counts["documents"]
    return "; ".join([", ".join(parts), ", ".join(f"{docs[k]} {k}" for k in ("added", "removed", "changed")
                                                  ) + " document" + ("s" if sum(docs.values()) != 1 else "")])


def render_rich(diff: Diff, console: Console) -> None:
    console.print(Text(f"seoaudit diff: {diff.old} → {diff.new}", style="bold"))
    console.print(Text(summary_line(diff)))
    for document in diff.documents:
        if document.status == "unchanged":
            continue
        console.print(Rule(Text(f"{document.source} · {document.status}", style="bold"), align="left"))
        for status in ("new", "fixed"):
            sign, label, style = SIGN[status]
            for finding in getattr(document, status):
                line = Text(f"{sign} {label:<5} ", style=style)
                line.append(f"{MARK[finding['severity']]} {finding['severity']:<7} ", style=STYLE[finding["severity"]])
                line.append(finding["rule"], style="bold")
                line.append(f"\n{finding['message']}")
                console.print(Padding(line, (0, 0, 0, 2), expand=False))
        if document.unchanged:
            console.print(Text(f"  = {len(document.unchanged)} unchanged", style="dim"))


def render_rich_text(diff: Diff, width: int = 100) -> str:
    """The terminal diff as plain text (for `--format rich:FILE`)."""
    buffer = io.StringIO()
    render_rich(diff, Console(file=buffer, width=width, no_color=True, highlight=False, force_terminal=False))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def render_markdown(diff: Diff, fail_on: Severity | None) -> str:
    counts = diff.counts()
    level = fail_on.label if fail_on is not None else "never"
    new_failing = [f for _, f in diff.findings("new")
                   if fail_on is not None and Severity.parse(f["severity"]) >= fail_on]
    if fail_on is None:
        verdict = "✅ **Passed** (--fail-on never)"
    elif new_failing:
        verdict = f"❌ **{len(new_failing)} new finding{'s' if len(new_failing) != 1 else ''} at or above {level}**"
    else:
        verdict = f"✅ **No new findings at or above {level}**"
    out = ["## seoaudit diff", "", f"{verdict}: {_html(summary_line(diff))}", "",
           "| | new | fixed | unchanged |", "|---|--:|--:|--:|"]
    for s in SEVERITIES:
        out.append(f"| {ICON[Severity.parse(s)]} {s} | {counts['new_by_severity'][s]} | "
                   f"{counts['fixed_by_severity'][s]} | {counts['unchanged_by_severity'][s]} |")
    out.append(f"| **total** | **{counts['new']}** | **{counts['fixed']}** | **{counts['unchanged']}** |")
    out.append("")
    room = MAX_FINDINGS
    for status, heading, is_open in (("new", "New findings", " open"), ("fixed", "Fixed findings", "")):
        documents = [d for d in diff.documents if getattr(d, status)]
        if not documents:
            continue
        out += [f"### {heading}", ""]
        for document in documents:
            found = getattr(document, status)
            shown = found[:max(room, 0)]
            room -= len(shown)
            out += [f"<details{is_open}>", f"<summary><code>{_html(document.source)}</code>: {len(found)} {status}"
                    f"{' (document ' + document.status + ')' if document.status in ('added', 'removed') else ''}"
                    "</summary>", "", "| | rule | location | message |", "|---|---|---|---|"]
            for finding in shown:
                out.append(f"| {ICON[Severity.parse(finding['severity'])]} | `{finding['rule']}` | "
                           f"{_code(_where(finding))} | {_cell(finding['message'])} |")
            if len(shown) < len(found):
                out.append(f"| | | | … and {len(found) - len(shown)} more: see the full diff |")
            out += ["", "</details>", ""]
    return "\n".join(out)


def _where(finding: dict) -> str:
    location = finding.get("location") or {}
    line = f"line {location['line']}" if location.get("line") else None
    parts = [location.get("pointer"), line, location.get("path")]
    return " ".join(p for p in parts if p) or "document"
