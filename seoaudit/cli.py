"""The command line: glue between typer, the engine and the formatters. The only module that exits."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .status import ExitStatus

app = typer.Typer(
    name="seoaudit",
    help="Audit the search and social metadata of WordPress posts (REST JSON, Yoast heads) and HTML pages.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    rich = "rich"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        print(f"seoaudit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """seoaudit: canonical, Open Graph, X cards, images and JSON-LD graphs, checked before you publish."""


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or [] for part in value.split(",") if part.strip())


def _usage_error(message: str) -> typer.Exit:
    print(f"seoaudit: error: {message}", file=sys.stderr)
    return typer.Exit(ExitStatus.USAGE)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(
        help="Files, directories (every .json/.html/.htm below) or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.rich,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this.")] = (
        FailOn.error),
    select: Annotated[list[str] | None, typer.Option("--select", help="Only these rules or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules or categories.")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", help="The site's public origin (headless).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
) -> None:
    """Audit posts and pages; exit 0 (clean), 1 (findings at --fail-on or above) or 2 (unreadable input)."""
    from .engine import Config, audit
    from .load import load_paths
    from .model import Severity
    from .registry import RuleError

    config = Config(select=_split(select), ignore=_split(ignore), site_url=site_url)
    try:
        report = audit(load_paths(paths), config)
    except RuleError as exc:
        raise _usage_error(str(exc)) from None
    for result in report.documents:
        if result.document.problem is not None:
            print(f"seoaudit: error: {result.document.display_source}: {result.document.problem.message}",
                  file=sys.stderr)
    _write(report, format, output, quiet)
    if any(result.unreadable for result in report.documents):
        raise typer.Exit(ExitStatus.USAGE)
    worst = report.max_severity()
    if fail_on is not FailOn.never and worst is not None and worst >= Severity.parse(fail_on.value):
        raise typer.Exit(ExitStatus.FINDINGS)
    raise typer.Exit(ExitStatus.OK)


def _write(report, format: Format, output: Path | None, quiet: bool) -> None:
    if format is Format.json:
        from .report.json_report import render

        text = render(report)
        if output is None:
            sys.stdout.write(text)
        else:
            _atomic_write(output, text)
        return
    from rich.console import Console

    from .report import rich_report

    if output is None:
        rich_report.render(report, Console(highlight=False), quiet)
    else:
        with output.open("w", encoding="utf-8") as handle:
            rich_report.render(report, Console(file=handle, highlight=False, no_color=True, width=100), quiet)


def _atomic_write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


@app.command("rules")
def list_rules(
    category: Annotated[str | None, typer.Argument(help="Only this category.")] = None,
) -> None:
    """List every rule: id, default severity and what it checks."""
    from rich.console import Console
    from rich.table import Table

    from .registry import all_rules

    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for column in ("rule", "severity", "summary"):
        table.add_column(column, overflow="fold")
    shown = [r for r in all_rules().values() if category in (None, r.category)]
    if not shown:
        raise _usage_error(f"no rules in category {category!r}")
    for rule in shown:
        table.add_row(rule.id, rule.severity.label, rule.summary)
    Console(highlight=False).print(table)


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. canonical/missing.")]) -> None:
    """Print a rule's full documentation."""
    from rich.console import Console
    from rich.markdown import Markdown

    from .registry import _suggest, all_rules

    rules = all_rules()
    rule = rules.get(rule_id)
    if rule is None:
        raise _usage_error(f"unknown rule {rule_id!r}" + _suggest(rule_id, list(rules)))
    console = Console(highlight=False)
    console.print(Markdown(f"# {rule.id}\n\n*{rule.severity.label} · category {rule.category}*\n\n"
                           + rule.doc + _options_text(rule.options)))


def _options_text(options: dict) -> str:
    if not options:
        return ""
    return "\n\n**Defaults.** " + ", ".join(f"`{k} = {v!r}`" for k, v in options.items())


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("seoaudit: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitStatus.OK)
