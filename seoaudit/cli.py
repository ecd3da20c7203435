"""The command line: glue between typer, the engine and the formatters. The only module that exits."""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from dataclasses import replace
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


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


FORMAT_HELP = ("Output format: rich, json, ndjson, sarif, junit, github, markdown or html; FORMAT:FILE writes it to "
               "FILE. Repeat for several reports. Default: rich.")


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
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]", help=FORMAT_HELP)] = None,
    output: Annotated[list[Path] | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE (- for stdout); the n-th --output goes "
        "with the n-th --format that has no :FILE.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this (default: error, or fail-on of the config).")
    ] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rules or categories (replaces select and extend-select of the config).")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(
        "--extend-select", help="Also these rules or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rules or categories (added to ignore of the config).")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option(
        "--config", help="Read this config file instead of looking for .seoaudit.toml / pyproject.toml.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Only findings this baseline does not hold count (and are shown).")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Record today's findings in this file (then exit 0 unless input is unreadable).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (rich).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print counts per rule, not each finding.")] = (
        False),
    color: Annotated[Color, typer.Option("--color", help="Colour the terminal report.")] = Color.auto,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    max_urls: MaxUrlsOpt = 1000,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
) -> None:
    """Audit posts and pages, URLs, sitemaps and WordPress REST URLs; exit 0 (clean), 1 (findings at
    --fail-on or above), 2 (usage, config or unreadable input, or an internal error), 130 or 143 (Ctrl-C or
    SIGTERM, after reporting what was audited) or 141 (standard output closed)."""
    live = _LiveArgs(insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots)
    _audit_run(lambda limits: _check_documents(paths, live, limits), format, output, fail_on, select, extend_select,
               ignore, site_url, config_file, isolated, baseline, write_baseline, quiet, statistics, color)


def _audit_run(documents, format, output, fail_on, select, extend_select, ignore, site_url, config_file, isolated,
               baseline, write_baseline, quiet, statistics, color) -> None:
    """Load the config, audit what `documents(limits)` returns ((documents, live session or None)), write the
    reports and exit. Shared by `check` and `site`."""
    from . import baseline as baselines
    from .config import ConfigError, Overrides, load
    from .engine import Report, add_batch_findings, iter_audit

    destinations = _destinations(format or [], output or [])
    overrides = Overrides(select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
                          site_url=site_url, fail_on=fail_on.value if fail_on else None, baseline=baseline)
    try:
        settings = load(Path.cwd(), config_file, isolated, overrides)
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    config = settings.config
    if settings.baseline is not None and not (write_baseline and not settings.baseline.exists()):
        try:
            config = replace(config, baseline=baselines.load(settings.baseline))
        except baselines.BaselineError as exc:
            raise _usage_error(str(exc)) from None
    outputs = _open(destinations, color, quiet, statistics, settings.fail_on, config)
    interrupted: int | None = None  # the exit status, once Ctrl-C or SIGTERM stopped the audit
    try:
        results = []
        sources, session = documents(config.limits)
        try:
            for result in iter_audit(sources, config):
                with _signals_deferred():  # a document is in every report and in the summary, or in none
                    if result.document.problem is not None:
                        print(f"seoaudit: error: {result.document.display_source}: "
                              f"{result.document.problem.message}", file=sys.stderr)
                    results.append(result)
                    for out in outputs:
                        out.document(result)
        except (KeyboardInterrupt, Interrupted) as exc:  # stop fetching, report what was audited, exit 130/143
            interrupted = exc.status if isinstance(exc, Interrupted) else ExitStatus.INTERRUPTED
            print(f"seoaudit: interrupted: reporting the {len(results)} document"
                  f"{'s' if len(results) != 1 else ''} audited so far", file=sys.stderr)
        if session is not None:
            sources.close()  # stop fetching now (a no-op when every URL is done)
            results.sort(key=lambda r: session.order.get(id(r.document), ()))  # input order, not arrival
            for note in session.notes:
                print(f"seoaudit: note: {note}", file=sys.stderr)
        # Rules that compare documents (duplicate titles…) speak once every document is in: streamed
        # reports get their findings at the end; the others see them in place.
        batch_ids = {rule.id for rule in config.rules() if rule.is_batch}
        add_batch_findings(results, config)
        late = [(r, [f for f in r.findings if f.rule in batch_ids]) for r in results] if batch_ids else []
        late = [(r, found) for r, found in late if found]
        report = Report(results, interrupted=interrupted is not None)
        with _signals_deferred():  # a second Ctrl-C waits until the reports are whole
            for out in outputs:
                out.finish(report, late)
        if write_baseline is not None and interrupted is None:  # half a baseline would hide nothing it lacks
            from .report.sink import atomic_write

            atomic_write(write_baseline, baselines.render(report.documents))
    except BrokenPipeError:  # `seoaudit check … | head`: the reader is gone, end quietly
        raise _broken_pipe() from None
    except OSError as exc:
        raise _usage_error(f"cannot write {exc.filename or 'the report'}: {exc.strerror or exc}") from None
    finally:
        for out in outputs:
            out.sink.abort()  # a no-op for reports already committed; never leave half a report behind
    try:
        _terminal_summary(report, outputs, color, statistics)
    except BrokenPipeError:
        raise _broken_pipe() from None
    for finding in report.internal_errors:
        print(f"seoaudit: error: internal error: {finding.message}", file=sys.stderr)
    if write_baseline is not None and interrupted is not None:
        print(f"seoaudit: interrupted: the baseline {write_baseline} was not written", file=sys.stderr)
    elif write_baseline is not None:
        count = sum(len(r.findings) + len(r.baselined) for r in report.documents)
        print(f"seoaudit: wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline}",
              file=sys.stderr)
    if interrupted is not None:
        raise typer.Exit(interrupted)
    if report.unreadable or report.internal_errors:  # either way, part of the input was not audited
        raise typer.Exit(ExitStatus.USAGE)
    if write_baseline is None and report.fails(settings.fail_on):
        raise typer.Exit(ExitStatus.FINDINGS)
    raise typer.Exit(ExitStatus.OK)


# -- live mode: URLs, sitemaps, WordPress REST (seoaudit/live, imported only when a URL is given) -------------

InsecureOpt = Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each answer.")]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", min=1, max=64, help="Requests in flight at most.")]
PerHostOpt = Annotated[int, typer.Option("--per-host", min=1, max=64, help="Requests in flight per host at most.")]
MaxUrlsOpt = Annotated[int, typer.Option("--max-urls", min=1, help="Audit at most this many URLs of sitemaps.")]
NoFollowOpt = Annotated[bool, typer.Option(
    "--no-follow", help="Fetch only the URLs given: not a REST post's link, the canonical target or the images.")]
RobotsOpt = Annotated[bool, typer.Option("--respect-robots", help="Skip URLs that robots.txt disallows.")]


class _LiveArgs:
    def __init__(self, insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots):
        self.insecure, self.timeout, self.concurrency, self.per_host = insecure, timeout, concurrency, per_host
        self.max_urls, self.no_follow, self.respect_robots = max_urls, no_follow, respect_robots

    def session(self, auth_origin: str | None = None):
        from .live.fetch import FetchOptions
        from .live.run import LiveOptions, Session
        from .live.wordpress import credentials_from_env

        auth = credentials_from_env() if auth_origin else None
        fetch = FetchOptions(timeout=self.timeout, concurrency=self.concurrency,
                             per_host=min(self.per_host, self.concurrency), insecure=self.insecure,
                             respect_robots=self.respect_robots, auth=auth, auth_origin=auth_origin if auth else None)
        return Session(LiveOptions(fetch=fetch, follow=not self.no_follow, max_urls=self.max_urls))


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _check_documents(paths: list[str], live: _LiveArgs, limits=None):
    """Files first (as before), then every URL through one live session; (documents, session or None)."""
    from .load import load_paths

    found = [p for p in paths if _is_url(p)]
    files = [p for p in paths if not _is_url(p)]
    if not found:
        return load_paths(files, limits), None
    from .live.fetch import origin
    from .live.wordpress import is_rest_url

    # Credentials go to the origin of the first REST URL only (never to another host, even after a redirect).
    rest = [u for u in found if is_rest_url(u)]
    session = live.session(origin(rest[0]) if rest else None)
    live_documents = session.check(found)

    def chained():
        yield from load_paths(files, limits)
        yield from live_documents  # closing `chained` closes the live run too

    return chained(), session


@app.command()
def site(
    url: Annotated[str, typer.Argument(help="The WordPress site, e.g. https://example.com (or its folder).")],
    type_: Annotated[list[str] | None, typer.Option(
        "--type", help="REST types to enumerate (posts, pages, or a custom type's rest_base). Default: posts,pages.")
    ] = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", help="Statuses (publish, draft, pending, future, private). Default: publish; with credentials "
        "also draft, pending, future and private.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only items modified after this date (YYYY-MM-DD).")
                     ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many items per type.")] = None,
    per_page: Annotated[int, typer.Option("--per-page", min=1, max=100, help="REST page size.")] = 100,
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]", help=FORMAT_HELP)] = None,
    output: Annotated[list[Path] | None, typer.Option("--output", "-o", metavar="FILE", help="See check.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="See check.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="See check.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", help="See check.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="See check.")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="See check.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="See check.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="See check.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (rich).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print counts per rule.")] = False,
    color: Annotated[Color, typer.Option("--color", help="Colour the terminal report.")] = Color.auto,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
) -> None:
    """Audit every post and page of a WordPress site through its REST API (`_embed`; with SEOAUDIT_WP_USER and
    SEOAUDIT_WP_APP_PASSWORD in the environment also drafts, pending and scheduled posts, via context=edit).
    Each published item's served page is fetched and compared with the REST head. Exit codes as for check."""
    if not _is_url(url):
        raise _usage_error(f"{url!r} is not an http(s) URL")
    if since is not None:
        import datetime

        try:
            datetime.date.fromisoformat(since[:10])
        except ValueError:
            raise _usage_error(f"--since {since!r}: give a date as YYYY-MM-DD") from None
    from .live.fetch import origin
    from .live.wordpress import Listing, credentials_from_env

    live = _LiveArgs(insecure, timeout, concurrency, per_host, 10**9, no_follow, respect_robots)
    credentials = credentials_from_env()
    listing = Listing(base=url, types=_split(type_) or ("posts", "pages"), statuses=_split(status), since=since,
                      limit=limit, per_page=per_page, edit=credentials is not None)

    def documents(limits=None):
        session = live.session(origin(url))
        return session.site(listing), session

    _audit_run(documents, format, output, fail_on, select, extend_select, ignore, site_url, config_file, isolated,
               baseline, write_baseline, quiet, statistics, color)


def _destinations(formats: list[str], outputs: list[Path]) -> list[tuple[str, Path | None]]:
    """Pair formats with files: `--format sarif:a.sarif`, or `--format sarif --output a.sarif` (the n-th
    --output goes with the n-th --format that has no :FILE). `-` is stdout; at most one report goes there."""
    from .registry import _suggest
    from .report import FORMATS

    parsed: list[tuple[str, str | None]] = []
    for spec in formats or ["rich"]:
        name, colon, file = spec.partition(":")
        if name not in FORMATS:
            raise _usage_error(f"unknown format {name!r}" + (_suggest(name, list(FORMATS))
                                                              or f" (choose from {', '.join(FORMATS)})"))
        if colon and not file:
            raise _usage_error(f"--format {spec}: give a file after the colon, or drop the colon for stdout")
        parsed.append((name, file if colon else None))
    bare = [i for i, (_, file) in enumerate(parsed) if file is None]
    if outputs:
        if len(outputs) != len(bare):
            raise _usage_error(f"{len(outputs)} --output for {len(bare)} --format without a file: give each "
                               "--format its own --output, or write --format FORMAT:FILE")
        for i, path in zip(bare, outputs, strict=True):
            parsed[i] = (parsed[i][0], str(path))
    destinations = [(name, None if file in (None, "-") else Path(file)) for name, file in parsed]
    if sum(path is None for _, path in destinations) > 1:
        raise _usage_error("only one report can go to stdout: give the others a file (--format json:report.json)")
    return destinations


class _Output:
    """One report being written. The terminal report is printed through rich as documents finish;
    `ndjson` streams a line per document; every other report is rendered as text at the end."""

    def __init__(self, name: str, path: Path | None, options, color: Color):
        from .report import formatter
        from .report.sink import Sink

        self.name = name
        self.module = formatter(name)
        self.sink = Sink(path)
        self.options = options
        self.console = _console(sys.stdout, color) if name == "rich" and path is None else None
        # A format written piece by piece (html): start, a part per document, the late findings, the end.
        self.writer = self.module.Formatter(options) if hasattr(self.module, "Formatter") else None
        if self.writer is not None:
            self.sink.write(self.writer.start())
        if self.console is not None:
            self.streams = not (options.quiet or options.statistics)
        else:
            self.streams = name != "rich" and (hasattr(self.module, "render_document") or self.writer is not None)

    def document(self, result) -> None:
        if not self.streams:
            return
        if self.writer is not None:
            self.sink.write(self.writer.document(result))
        elif self.console is not None:
            self.module.render_document(result, self.console)
        else:
            self.sink.write(self.module.render_document(result, self.options))

    def finish(self, report, late) -> None:
        """`late`: (result, findings) of the rules across documents, which streamed documents lack."""
        if self.console is not None:
            if self.streams:
                self.module.render_late(late, self.console)
                self.module.render_end(report, self.console, self.options)
            else:
                self.module.render_to(self.console, report, self.options)
        elif self.writer is not None:
            self.sink.write(self.writer.late(late) + self.writer.finish(report))
        elif self.streams:
            self.sink.write(self.module.render_late(late, self.options) + self.module.render_end(report, self.options))
        else:
            self.sink.write(self.module.render(report, self.options))
        self.sink.commit()


def _open(destinations, color: Color, quiet: bool, statistics: bool, fail_on, config=None) -> list[_Output]:
    from .report import RenderOptions
    from .report.positions import FileLines

    widths = {}
    if config is not None and any(name == "html" for name, _ in destinations):
        from .preview import rule_options

        widths = rule_options(config)
    options = RenderOptions(fail_on=fail_on, lines=FileLines(), quiet=quiet, statistics=statistics,
                            rule_options=widths)
    outputs: list[_Output] = []
    try:
        for name, path in destinations:
            outputs.append(_Output(name, path, options, color))
    except OSError as exc:
        for out in outputs:
            out.sink.abort()
        raise _usage_error(f"cannot write {exc.filename}: {exc.strerror or exc}") from None
    return outputs


def _console(stream, color: Color):
    from rich.console import Console

    no_color = True if color is Color.never else None  # None: rich decides (NO_COLOR, a terminal or not)
    if stream is sys.stderr:
        return Console(stderr=True, highlight=False, no_color=no_color)
    if color is Color.always:
        return Console(highlight=False, force_terminal=True)
    return Console(highlight=False, no_color=no_color)


def _terminal_summary(report, outputs: list[_Output], color: Color, statistics: bool) -> None:
    """When every report went to a file, stdout still says how the run went; `--statistics` beside a
    machine report on stdout goes to stderr."""
    from .report import rich_report

    if not any(out.sink.is_stdout for out in outputs):
        console = _console(sys.stdout, color)
    elif statistics and not any(out.console is not None for out in outputs):
        console = _console(sys.stderr, color)
        console.print(rich_report.statistics_table(report))
        return
    else:
        return
    if statistics:
        console.print(rich_report.statistics_table(report))
    console.print(rich_report.summary_line(report))


@app.command()
def preview(
    paths: Annotated[list[str], typer.Argument(help="Posts, pages, directories, URLs or - for stdin.")],
    site_url: Annotated[str | None, typer.Option("--site-url", help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="See check.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    color: Annotated[Color, typer.Option("--color", help="Colour the previews.")] = Color.auto,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    max_urls: MaxUrlsOpt = 1000,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
) -> None:
    """Show how each post or page looks in Google (desktop and phone) and when shared on Facebook, LinkedIn,
    X, Slack and Discord, with each finding beside what it concerns. Exit 0, or 2 on unreadable input."""
    from .config import ConfigError, Overrides, load
    from .engine import add_batch_findings, iter_audit
    from .preview import of_result
    from .preview.terminal import render

    try:
        settings = load(Path.cwd(), config_file, isolated, Overrides(site_url=site_url))
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    live = _LiveArgs(insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots)
    documents, session = _check_documents(paths, live, settings.config.limits)
    results = list(iter_audit(documents, settings.config))
    if session is not None:
        results.sort(key=lambda r: session.order.get(id(r.document), ()))
    add_batch_findings(results, settings.config)
    console = _console(sys.stdout, color)
    unreadable = False
    for result in results:
        if result.document.problem is not None:
            unreadable = True
            print(f"seoaudit: error: {result.document.display_source}: {result.document.problem.message}",
                  file=sys.stderr)
            continue
        render(console, result.document.display_source, result.document.kind, of_result(result, settings.config),
               result.findings)
    raise typer.Exit(ExitStatus.USAGE if unreadable else ExitStatus.OK)


DIFF_FORMATS = ("rich", "markdown", "json", "html")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="The earlier run's JSON report.")],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="The later run's JSON report.")],
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]",
        help="rich, markdown, json or html; FORMAT:FILE writes it to FILE. Repeat for several. Default: rich.")] = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit 1 when a new finding is at or above this.")] = FailOn.error,
    color: Annotated[Color, typer.Option("--color", help="Colour the terminal diff.")] = Color.auto,
) -> None:
    """Compare two JSON reports (`check --format json`): new, fixed and unchanged findings by fingerprint, per
    document and in total. Exit 0, 1 (new findings at or above --fail-on) or 2 (a report cannot be read)."""
    from .diff import DiffError, compare, load_report
    from .model import Severity
    from .report.sink import Sink

    outputs = []
    for spec in format or ["rich"]:
        name, colon, file = spec.partition(":")
        if name not in DIFF_FORMATS:
            raise _usage_error(f"unknown diff format {name!r} (choose from {', '.join(DIFF_FORMATS)})")
        if colon and not file:
            raise _usage_error(f"--format {spec}: give a file after the colon, or drop the colon for stdout")
        outputs.append((name, Path(file) if colon and file != "-" else None))
    if sum(path is None for _, path in outputs) > 1:
        raise _usage_error("only one diff can go to stdout: give the others a file (--format json:diff.json)")
    try:
        result = compare(load_report(old), load_report(new), str(old), str(new))
    except DiffError as exc:
        raise _usage_error(str(exc)) from None
    level = None if fail_on is FailOn.never else Severity.parse(fail_on.value)
    try:
        for name, path in outputs:
            if name == "rich" and path is None:
                from .diff.text_diff import render_rich

                render_rich(result, _console(sys.stdout, color))
                continue
            sink = Sink(path)
            try:
                sink.write(_diff_text(name, result, level, fail_on.value))
                sink.commit()
            finally:
                sink.abort()
    except BrokenPipeError:
        raise _broken_pipe() from None
    except OSError as exc:
        raise _usage_error(f"cannot write {exc.filename or 'the diff'}: {exc.strerror or exc}") from None
    raise typer.Exit(ExitStatus.FINDINGS if result.fails(level) else ExitStatus.OK)


def _diff_text(name: str, result, level, fail_on: str) -> str:
    if name == "json":
        from .diff.json_diff import render

        return render(result)
    if name == "html":
        from .diff.html_diff import render

        return render(result, fail_on)
    from .diff.text_diff import render_markdown, render_rich_text

    return render_markdown(result, level) if name == "markdown" else render_rich_text(result)


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


class Interrupted(BaseException):
    """Raised by the SIGINT and SIGTERM handlers `main` installs. A BaseException (as KeyboardInterrupt is)
    so that no `except Exception` swallows it, and not a KeyboardInterrupt, which click would turn into
    "Aborted!" and exit 1. `_audit_run` catches it, reports the documents audited so far and exits `status`."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.status = ExitStatus.TERMINATED if signum == signal.SIGTERM else ExitStatus.INTERRUPTED


_deferring = False  # inside _signals_deferred(): a signal is remembered, not raised
_pending: int | None = None


def _on_signal(signum: int, frame) -> None:
    global _pending
    if _deferring:
        _pending = signum
        return
    raise Interrupted(signum)


@contextmanager
def _signals_deferred():
    """Hold SIGINT/SIGTERM (as handled by `main`) while a document's report lines are written, so that a
    stream never ends in half a line and the summary counts exactly the documents the reports hold."""
    global _deferring, _pending
    outer, _deferring = _deferring, True
    try:
        yield
    finally:
        _deferring = outer
        if not outer and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)


def _broken_pipe() -> typer.Exit:
    """Standard output's reader has gone: point stdout at /dev/null so that the final flush cannot fail
    ("Exception ignored … BrokenPipeError"), and exit 141 as a process killed by SIGPIPE would."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (tests): nothing to flush
        pass
    return typer.Exit(ExitStatus.BROKEN_PIPE)


def main() -> None:
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    try:
        app()
    except (Interrupted, KeyboardInterrupt) as exc:  # before or after the audit: nothing to report
        print("seoaudit: interrupted", file=sys.stderr)
        sys.exit(exc.status if isinstance(exc, Interrupted) else ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        _broken_pipe()
        sys.exit(ExitStatus.BROKEN_PIPE)
