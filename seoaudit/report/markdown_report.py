"""Markdown: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY` (GitLab and Gitea render it too).

A verdict line against the fail level, counts by severity, a table of findings per rule, then per
document with findings a collapsed `<details>` table (severity, rule, location, message). At most
`MAX_FINDINGS` findings are listed (GitHub caps a step summary at 1 MiB); the counts are always complete.
"""

from __future__ import annotations

from ..model import Severity
from ..registry import all_rules
from ..results import Report, site_line
from . import Formatter, RenderOptions, shown
from . import render as _render

MAX_FINDINGS = 300
ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


class MarkdownFormatter(Formatter):
    def finish(self, report: Report) -> None:
        self.write(_markdown(report, self.options))


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(MarkdownFormatter, report, options)


def _markdown(report: Report, options: RenderOptions) -> str:
    summary = report.summary()
    counts = summary["by_severity"]
    failed = report.fails(options.fail_on) or bool(summary["unreadable"])
    verdict = "❌ **Failed**" if failed else "✅ **Passed**"
    level = options.fail_on.label if options.fail_on is not None else "never"
    out = ["## seoaudit", "",
           f"{verdict} (fails on {level}): {summary['documents']} document{_s(summary['documents'])}, "
           f"{counts['error']} error{_s(counts['error'])}, {counts['warning']} warning{_s(counts['warning'])}, "
           f"{counts['info']} info" + (f", {summary['unreadable']} unreadable" if summary["unreadable"] else "")
           + _extra(summary), ""]
    site = site_line(summary)
    if site:
        out += [site[0].upper() + site[1:] + ".", ""]
    if not summary["findings"]:
        return "\n".join(out)
    rules = all_rules()
    severity_of = report.totals.worst
    out += ["| rule | severity | findings | what it checks |", "|---|---|--:|---|"]
    for rule_id, count in sorted(summary["by_rule"].items(), key=lambda item: (-severity_of[item[0]], item[0])):
        about = rules[rule_id].summary if rule_id in rules else ""
        out.append(f"| `{rule_id}` | {ICON[severity_of[rule_id]]} {severity_of[rule_id].label} | {count} | "
                   f"{_cell(about)} |")
    out.append("")
    listed = 0
    for result in report.documents:  # read until MAX_FINDINGS are listed, no further
        room = MAX_FINDINGS - listed
        if room <= 0:
            break
        findings = shown(result.findings, options)
        if not findings:
            continue
        n = len(findings)
        out += ["<details>", f"<summary><code>{_html(result.document.display_source)}</code>: "
                f"{n} finding{_s(n)}</summary>", "", "| | rule | location | message |", "|---|---|---|---|"]
        for finding in findings[:room]:
            out.append(f"| {ICON[finding.severity]} | `{finding.rule}` | {_code(finding.location.describe())} | "
                       f"{_cell(finding.message)} |")
        listed += min(n, room)
        out += ["", "</details>", ""]
    if listed < summary["findings"]:
        out += [f"… and {summary['findings'] - listed} more findings: see the full report.", ""]
    return "\n".join(out)


def _extra(summary: dict) -> str:
    parts = [f"{summary[key]} {key}" for key in ("suppressed", "baselined") if summary.get(key)]
    return f" ({', '.join(parts)})" if parts else ""


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    # Escape HTML outside `code spans` only: inside them GitHub shows `&lt;` literally.
    parts = text.split("`")
    text = "`".join(part if i % 2 else _html(part) for i, part in enumerate(parts))
    return " ".join(text.replace("|", "\\|").split())


def _code(text: str) -> str:
    text = text.replace("`", "").replace("|", "\\|")
    return f"`{text}`" if text else ""
