"""The command line: glue between typer, the engine and the formatters. The only module that exits."""

# No `from __future__ import annotations` here: typer reads the annotations of every command on every run, and
# evaluating them from strings (twice a command) cost a cold `seoaudit check` some 10 ms. So the option types
# (`JobsOpt`…) are defined before the commands that use them.

import gc
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
from .cli_values import Command, Group
from .status import ExitStatus

app = typer.Typer(
    name="seoaudit",
    cls=Group,
    help="Audit the search and social metadata of WordPress posts (REST JSON, Yoast heads) and HTML pages.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


class ShowLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    def parse(self):
        from .model import Severity

        return Severity.parse(self.value)


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


FORMAT_HELP = ("Output format: rich, concise, json, ndjson, sarif, junit, github, markdown or html; FORMAT:FILE "
               "writes it to FILE. Repeat for several reports. Default: rich.")


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


JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", metavar="N", min=1,
    help="Audit in this many processes (default: the usable CPUs; 1: in this process).")]

# -- live mode: URLs, sitemaps, WordPress REST (seoaudit/live, imported only when a URL is given) -------------

InsecureOpt = Annotated[bool, typer.Option("--insecure", help="Do not verify TLS certificates.")]
TimeoutOpt = Annotated[float, typer.Option(
    "--timeout", metavar="SECONDS", min=0.1, help="Seconds one request may take in all (DNS, connect, headers and "
    "body); a URL with its redirects and retries gets twice that.")]
MaxTimeOpt = Annotated[float | None, typer.Option(
    "--max-time", metavar="SECONDS", min=1, help="Seconds the whole live run may take; then fetching stops, what was "
    "audited is reported, and the run exits 2.")]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", metavar="N", min=1, max=64,
                                             help="Requests in flight at most.")]
PerHostOpt = Annotated[int, typer.Option("--per-host", metavar="N", min=1, max=64,
                                         help="Requests in flight per host at most.")]
MaxUrlsOpt = Annotated[int, typer.Option(
    "--max-urls", metavar="N", min=1, help="Audit at most this many URLs of sitemaps and items of REST collections.")]
NoFollowOpt = Annotated[bool, typer.Option(
    "--no-follow", help="Fetch only the URLs given: not a REST post's link, the canonical target or the images.")]
RobotsOpt = Annotated[bool, typer.Option("--respect-robots", help="Skip URLs that robots.txt disallows.")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Also fetch loopback and private addresses that pages, sitemaps and redirects name "
    "(by default only the hosts given on the command line may be; link-local needs allow-private-hosts).")]
AllowHttpAuthOpt = Annotated[bool, typer.Option(
    "--allow-http-auth", help="Send the application password over plain http to a host that is not loopback "
    "(a warning says so).")]


@app.command(cls=Command, short_help="Audit files, folders, URLs and sitemaps.")
def check(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", show_default=False,
        help="Files (also crawl archives, .warc, and NDJSON, .ndjson or .jsonl, each maybe .gz), folders (every post, "
        "page, sitemap and .warc below, see --show-files), URLs, or - for stdin.")],
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]", help=FORMAT_HELP)] = None,
    output: Annotated[list[Path] | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE (- for stdout); the n-th --output goes "
        "with the n-th --format that has no :FILE.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", metavar="[error|warning|info|never]",
            help="Exit 1 when a finding is at or above this (default: error, or fail-on of the config).")
    ] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="RULES",
            help="Only these rules or categories (replaces select and extend-select of the config).")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(
        "--extend-select", metavar="RULES", help="Also these rules or categories.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="RULES", help="Skip these rules or categories (added to ignore of the config).")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", metavar="URL",
        help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option(
        "--config", metavar="FILE",
            help="Read this config file instead of looking for .seoaudit.toml / pyproject.toml.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", metavar="FILE", help="Only findings this baseline does not hold count (and are shown).")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", metavar="FILE",
            help="Record today's findings in this file (then exit 0 unless input is unreadable).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (rich).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print counts per rule, not each finding.")] = (
        False),
    color: Annotated[Color, typer.Option("--color", metavar="[auto|always|never]",
        help="Colour the terminal report.")] = Color.auto,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="GLOB", help="Skip these files and folders when walking (replaces exclude of the config "
        "and its defaults: hidden folders, node_modules, …).")] = None,
    extend_exclude: Annotated[list[str] | None, typer.Option(
        "--extend-exclude", metavar="GLOB", help="Also skip these files and folders (added to exclude).")] = None,
    force_exclude: Annotated[bool | None, typer.Option(
        "--force-exclude/--no-force-exclude", show_default=False,
        help="Apply exclude to the paths named here too (for pre-commit's file lists).")] = None,
    respect_gitignore: Annotated[bool | None, typer.Option(
        "--respect-gitignore/--no-respect-gitignore", show_default=False,
        help="Skip what .gitignore and .ignore files ignore (default: yes).")] = None,
    show_files: Annotated[bool, typer.Option(
        "--show-files", help="List the files that would be audited and those skipped (and why), then exit.")] = False,
    min_severity: Annotated[ShowLevel | None, typer.Option(
        "--min-severity", metavar="[error|warning|info]", help="List only findings at or above this in the "
        "terminal, concise, github and markdown reports; the counts and the exit code keep them all.")] = None,
    full: Annotated[bool, typer.Option(
        "--full", help="rich: list every finding, with its value, expected value and fix.")] = False,
    full_metadata: Annotated[bool, typer.Option(
        "--full-metadata", help="json, ndjson: put each document's JSON-LD graph, microdata and RDFa in its "
        "metadata.")] = False,
    skip_non_inputs: Annotated[bool, typer.Option(
        "--skip-non-inputs", help="Skip named files that are no post, page or sitemap (package.json) as a folder "
        "walk does, instead of exiting 2 (for pre-commit's file lists).")] = False,
    jobs: JobsOpt = None,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    max_urls: MaxUrlsOpt = 1000,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
    max_time: MaxTimeOpt = None,
    allow_private: AllowPrivateOpt = False,
    wp_origin: Annotated[str | None, typer.Option(
        "--wp-origin", metavar="URL", help="The WordPress site that gets the application password of "
        "SEOAUDIT_WP_USER / SEOAUDIT_WP_APP_PASSWORD (no other host ever does; without it, none does).")] = None,
    allow_http_auth: AllowHttpAuthOpt = False,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", help="Audit on a Dask cluster: its scheduler's address (tcp://host:8786), "
        "or local for a LocalCluster of --jobs processes. Needs seoaudit[dask]; results go to --results-dir.")] = None,
    results_dir: Annotated[Path, typer.Option(
        "--results-dir", metavar="DIR", help="With --scheduler: where the NDJSON results (one file per partition), "
        "the cross-document findings and the summary are written.")] = Path("seoaudit-results"),
    partition_records: Annotated[int | None, typer.Option(
        "--partition-records", min=1, metavar="N", help="With --scheduler: a partition per N records of a WARC or "
        "NDJSON file (default: one per file).")] = None,
) -> None:
    """Audit posts and pages, URLs, sitemaps and WordPress REST URLs; exit 0 (clean), 1 (findings at
    --fail-on or above), 2 (usage, config or unreadable input, or an internal error), 130 or 143 (Ctrl-C or
    SIGTERM, after reporting what was audited) or 141 (standard output closed)."""
    if scheduler is not None:
        if format or output or write_baseline:
            raise _usage_error("--scheduler writes its results as NDJSON to --results-dir: --format, --output and "
                               "--write-baseline are for a run on this machine")
        _dask_check(paths, scheduler, results_dir, partition_records, jobs, _dask_config(
            fail_on, select, extend_select, ignore, site_url, config_file, isolated, baseline), color)
    live = _LiveArgs(insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots, max_time,
                     allow_private, allow_http_auth)
    if wp_origin is not None:
        if not _is_url(wp_origin):
            raise _usage_error(f"--wp-origin {wp_origin!r} is not an http(s) URL")
        live.credentials_for(wp_origin)
    files = _FileArgs(_split(exclude) if exclude is not None else None, _split(extend_exclude), force_exclude,
                      respect_gitignore, show_files, skip_non_inputs)
    _audit_run(lambda inputs: _check_documents(paths, live, inputs), format, output, fail_on, select, extend_select,
               ignore, site_url, config_file, isolated, baseline, write_baseline, quiet, statistics, color, jobs,
               files, _ViewArgs(min_severity and min_severity.parse(), full, full_metadata))


class _FileArgs:
    """The command line's say on which files a run reads (seoaudit/discovery.py)."""

    def __init__(self, exclude=None, extend_exclude=(), force_exclude=None, respect_gitignore=None, show=False,
                 skip_non_inputs=False):
        self.exclude, self.extend_exclude = exclude, extend_exclude
        self.force_exclude, self.respect_gitignore, self.show = force_exclude, respect_gitignore, show
        self.skip_non_inputs = skip_non_inputs


class _ViewArgs:
    """What the reports show: `--min-severity`, `--full`, `--full-metadata`."""

    def __init__(self, min_severity=None, full=False, full_metadata=False):
        self.min_severity, self.full, self.full_metadata = min_severity, full, full_metadata


class _Inputs:
    """What reading the inputs of a run needs: the run's settings (limits, live mode's address policy), the
    settings of each folder, seoaudit's own files (never read), and the `Intake` that records what was skipped;
    `config`, the run's engine config, once the baseline is loaded."""

    def __init__(self, settings, resolver, own, intake, skip_non_inputs=False):
        self.settings, self.resolver, self.own, self.intake = settings, resolver, own, intake
        self.limits = settings.config.limits
        self.skip_non_inputs = skip_non_inputs
        self.config = settings.config


def _audit_run(documents, format, output, fail_on, select, extend_select, ignore, site_url, config_file, isolated,
               baseline, write_baseline, quiet, statistics, color, jobs, files: _FileArgs | None = None,
               view: _ViewArgs | None = None) -> None:
    """Load the config, audit what `documents(inputs)` returns ((inputs, live session or None, order)), route
    each result to the reports as it comes, and exit. Shared by `check` and `site`."""
    from . import baseline as baselines
    from .config import ConfigError, Overrides, Resolver, load
    from .engine import Auditor
    from .load import Intake
    from .report.spool import Spool, SpoolView
    from .results import Report
    from .run import Run

    files = files or _FileArgs()
    view = view or _ViewArgs()
    destinations = _destinations(format or [], output or [])
    overrides = Overrides(select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
                          site_url=site_url, fail_on=fail_on.value if fail_on else None, baseline=baseline,
                          exclude=files.exclude, extend_exclude=files.extend_exclude,
                          force_exclude=files.force_exclude, respect_gitignore=files.respect_gitignore)
    try:
        settings = load(Path.cwd(), config_file, isolated, overrides)
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    # extruct's microdata and RDFa only on request; identities relative to the project root
    config = replace(settings.config, structured_data=view.full_metadata, root=settings.root)
    own = [path for _, path in destinations if path is not None]
    own += [path for path in (settings.baseline, write_baseline) if path is not None]
    inputs = _Inputs(settings, Resolver(settings, overrides, hierarchical=not (isolated or config_file)), own,
                     Intake(), files.skip_non_inputs)
    if files.show:
        _show_files(documents, inputs)
    if settings.baseline is not None and not (write_baseline and not settings.baseline.exists()):
        try:
            config = replace(config, baseline=baselines.load(settings.baseline, settings.root))
        except baselines.BaselineError as exc:
            raise _usage_error(str(exc)) from None
    inputs.config = config
    outputs = _open(destinations, color, quiet, statistics, settings.fail_on, settings.root, view, config)
    streamed = [out.formatter for out in outputs if not out.formatter.spooled]
    needs = frozenset().union(*(out.formatter.NEEDS for out in outputs))
    spool = Spool() if write_baseline is not None or len(streamed) < len(outputs) else None
    run = Run(Auditor.compile(config, needs), jobs=jobs or usable_cpus(), rendering=_rendering(outputs, spool))
    _started()
    interrupted: int | None = None  # the exit status, once Ctrl-C or SIGTERM stopped the audit
    try:
        for out in outputs:
            out.formatter.start()
        sources, session, order = documents(inputs)
        if session is not None:
            for out in outputs:
                out.formatter.live(session)
        try:
            for result in run.audit(sources, order):
                with _signals_deferred():  # a document is in every report and in the summary, or in none
                    if result.document.problem is not None:
                        print(f"seoaudit: error: {result.document.display_source}: "
                              f"{result.document.problem.message}", file=sys.stderr)
                    run.add(result)
                    if spool is not None:
                        spool.add(result)
                    for formatter in streamed:
                        formatter.document(result)
        except (KeyboardInterrupt, Interrupted) as exc:  # stop fetching, report what was audited, exit 130/143
            interrupted = exc.status if isinstance(exc, Interrupted) else ExitStatus.INTERRUPTED
            count = run.totals.documents
            print(f"seoaudit: interrupted: reporting the {count} document{'s' if count != 1 else ''} audited so far",
                  file=sys.stderr)
        run.stop()  # no worker outlives the documents (a no-op when every one is done)
        if session is not None:
            sources.close()  # stop fetching now (a no-op when every URL is done)
            for note in session.notes:
                print(f"seoaudit: note: {note}", file=sys.stderr)
        _print_intake(run.intake)
        # Rules that compare documents (duplicate titles…) speak once every document is in: streamed
        # reports get their findings at the end; the others see them in place.
        late = run.finish()
        report = Report(SpoolView(spool, late) if spool is not None else (), interrupted is not None, run.totals)
        with _signals_deferred():  # a second Ctrl-C waits until the reports are whole
            for out in outputs:
                if not out.formatter.spooled:
                    out.formatter.late(late)
                out.formatter.finish(report)
                out.sink.commit()
        if write_baseline is not None and interrupted is None:  # half a baseline would hide nothing it lacks
            from .report.sink import atomic_write

            atomic_write(write_baseline, baselines.render(report.documents, settings.root))
    except BrokenPipeError:  # `seoaudit check … | head`: the reader is gone, end quietly
        raise _broken_pipe() from None
    except ConfigError as exc:  # a config file met while walking a folder named on the command line
        raise _usage_error(str(exc)) from None
    except OSError as exc:
        raise _usage_error(f"cannot write {exc.filename or 'the report'}: {exc.strerror or exc}") from None
    finally:
        for out in outputs:
            out.sink.abort()  # a no-op for reports already committed; never leave half a report behind
        run.close()
        if spool is not None:
            spool.close()
    try:
        _terminal_summary(report, outputs, color, statistics)
    except BrokenPipeError:
        raise _broken_pipe() from None
    for message in report.internal_errors:
        print(f"seoaudit: error: internal error: {message}", file=sys.stderr)
    if write_baseline is not None and interrupted is not None:
        print(f"seoaudit: interrupted: the baseline {write_baseline} was not written", file=sys.stderr)
    elif write_baseline is not None:
        count = run.totals.findings + run.totals.baselined
        print(f"seoaudit: wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline}",
              file=sys.stderr)
    if interrupted is not None:
        raise typer.Exit(interrupted)
    if report.unreadable or report.internal_errors:  # either way, part of the input was not audited
        raise typer.Exit(ExitStatus.USAGE)
    if write_baseline is None and report.fails(settings.fail_on):
        raise typer.Exit(ExitStatus.FINDINGS)
    raise typer.Exit(ExitStatus.OK)


def _rendering(outputs, spool):
    """The run.Rendering of the reports: what they make of each document where it is audited (their text, the
    spool's record), and who still reads its metadata."""
    from .report.spool import record
    from .run import Rendering

    formatters = [out.formatter for out in outputs]
    renderers = {f.renderer.name: f.renderer for f in formatters if f.spooled and f.renderer is not None}
    reads_metadata = [f for f in formatters if f.NEEDS & {"metadata", "headline"}]
    return Rendering(tuple(renderers.values()), any(f.renderer is None or not f.spooled for f in reads_metadata),
                     record if spool is not None else None, any(not f.spooled for f in reads_metadata))


def _dask_config(fail_on, select, extend_select, ignore, site_url, config_file, isolated, baseline):
    """The settings and engine config of a `--scheduler` run (its baseline read)."""
    from . import baseline as baselines
    from .config import ConfigError, Overrides, load

    overrides = Overrides(select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
                          site_url=site_url, fail_on=fail_on.value if fail_on else None, baseline=baseline)
    try:
        settings = load(Path.cwd(), config_file, isolated, overrides)
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    config = replace(settings.config, root=settings.root)
    if settings.baseline is not None:
        try:
            config = replace(config, baseline=baselines.load(settings.baseline, settings.root))
        except baselines.BaselineError as exc:
            raise _usage_error(str(exc)) from None
    return settings, config


def _dask_check(paths: list[str], scheduler: str, results: Path, partition_records: int | None, jobs: int | None,
                configured, color: Color) -> None:
    """`check --scheduler`: the audit on a Dask cluster (seoaudit/dask.py), its results written to `results`;
    the summary line printed, and the exit status as for a local run."""
    from . import dask as on_dask

    settings, config = configured
    problem = on_dask.missing()
    if problem is not None:
        raise _usage_error(problem)
    urls = [p for p in paths if _is_url(p) or p == "-"]
    if urls:
        raise _usage_error(f"--scheduler audits files (shards), not {urls[0]!r}")
    missing = next((p for p in paths if not Path(p).exists()), None)
    if missing is not None:
        raise _usage_error(f"{missing}: no such file or directory")
    from .report import rich_report
    from .results import Report

    try:
        with on_dask.cluster_client(scheduler, jobs or usable_cpus()) as client:
            print(f"seoaudit: note: the Dask dashboard is at {client.dashboard_link}", file=sys.stderr)
            audit = on_dask.audit_shards(paths, results, config, client, partition_records)
    except OSError as exc:
        raise _usage_error(f"the Dask scheduler {scheduler}: {exc}") from None
    report = Report((), totals=audit.totals)
    for _source, display, message in audit.totals.unreadable:
        print(f"seoaudit: error: {display}: {message}", file=sys.stderr)
    print(f"seoaudit: results in {results}/results/ ({len(audit.results)} parts), cross-document findings in "
          f"{audit.late}, summary in {audit.summary}", file=sys.stderr)
    _console(sys.stdout, color).print(rich_report.summary_line(report))
    for message in report.internal_errors:
        print(f"seoaudit: error: internal error: {message}", file=sys.stderr)
    if report.unreadable or report.internal_errors:
        raise typer.Exit(ExitStatus.USAGE)
    raise typer.Exit(ExitStatus.FINDINGS if report.fails(settings.fail_on) else ExitStatus.OK)


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _LiveArgs:
    def __init__(self, insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots, max_time,
                 allow_private, allow_http_auth):
        self.insecure, self.timeout, self.concurrency, self.per_host = insecure, timeout, concurrency, per_host
        self.max_urls, self.no_follow, self.respect_robots = max_urls, no_follow, respect_robots
        self.max_time, self.allow_private, self.allow_http_auth = max_time, allow_private, allow_http_auth
        self.auth_origin: str | None = None
        self.auth = None

    def credentials_for(self, site: str) -> None:
        """Send the environment's application password to `site`'s origin, and only there: refused (exit 2)
        over plain http to a host that is not loopback, unless --allow-http-auth (then a warning)."""
        from .live.fetch import origin
        from .live.wordpress import credentials_from_env, plain_http_refusal

        credentials = credentials_from_env()
        if credentials is None:
            return
        refusal = plain_http_refusal(origin(site))
        if refusal is not None:
            if not self.allow_http_auth:
                raise _usage_error(f"{refusal}: use https, or --allow-http-auth to send it anyway")
            print(f"seoaudit: warning: {refusal} (--allow-http-auth)", file=sys.stderr)
        self.auth, self.auth_origin = credentials, origin(site)

    def session(self, settings):
        from urllib.parse import urlsplit

        from .live.fetch import FetchOptions
        from .live.policy import AddressPolicy
        from .live.run import LiveOptions, Session

        policy = AddressPolicy.from_entries(settings.allow_private_hosts, allow_private=self.allow_private)
        if self.auth_origin:  # the user named it
            policy.allow(urlsplit(self.auth_origin).hostname or "")
        fetch = FetchOptions(timeout=self.timeout, max_time=self.max_time, concurrency=self.concurrency,
                             per_host=min(self.per_host, self.concurrency), insecure=self.insecure,
                             respect_robots=self.respect_robots, auth=self.auth, auth_origin=self.auth_origin,
                             policy=policy)
        return Session(LiveOptions(fetch=fetch, follow=not self.no_follow, max_urls=self.max_urls,
                                   limits=settings.config.limits))


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _check_documents(paths: list[str], live: _LiveArgs, run: _Inputs):
    """Files first (as before), then every URL through one live session: (inputs, session or None, order)."""
    from .discovery import discover
    from .load import entry_inputs

    found = [p for p in paths if _is_url(p)]
    entries = discover([p for p in paths if not _is_url(p)], run.resolver, run.own)
    files = entry_inputs(entries, run.limits, run.skip_non_inputs, _config_chooser(run))
    if not found:
        return files, None, None
    from .live.wordpress import PASSWORD_ENV, credentials_from_env, is_rest_url

    if live.auth is None and credentials_from_env() is not None and any(is_rest_url(u) for u in found):
        print(f"seoaudit: note: {PASSWORD_ENV} is set but not sent: name the WordPress site that may have it with "
              "--wp-origin", file=sys.stderr)
    session = live.session(run.settings)
    live_documents = session.check(found)

    def chained():
        yield from files
        yield from live_documents  # closing `chained` closes the live run too

    def order(position: int, item) -> tuple[int, ...]:  # files in input order, then URLs in the session's
        place = session.order.get(id(item))  # the session places every document it yields (files come first)
        return (0, position) if place is None else (1, *place)

    return chained(), session, order


@app.command(cls=Command, short_help="Audit a whole WordPress site through its REST API.")
def site(
    url: Annotated[str, typer.Argument(metavar="URL", help="The WordPress site, e.g. https://example.com.")],
    type_: Annotated[list[str] | None, typer.Option(
        "--type", metavar="TYPES",
            help="REST types to enumerate (posts, pages, or a custom type's rest_base). Default: posts,pages.")
    ] = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", metavar="STATUSES",
            help="Statuses (publish, draft, pending, future, private). Default: publish; with credentials "
        "also draft, pending, future and private.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE",
        help="Only items modified after this date (YYYY-MM-DD).")
                     ] = None,
    limit: Annotated[int | None, typer.Option("--limit", metavar="N", min=1,
        help="At most this many items per type.")] = None,
    per_page: Annotated[int, typer.Option("--per-page", metavar="N", min=1, max=100,
        help="REST (or GraphQL) page size.")] = 100,
    graphql: Annotated[bool, typer.Option(
        "--graphql", help="Read the site through WPGraphQL (/graphql, or /?graphql) and its SEO extension "
        "(wp-graphql-yoast-seo or wp-graphql-rank-math) instead of REST; implied by a URL that ends in /graphql."
    )] = False,
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]", help=FORMAT_HELP)] = None,
    output: Annotated[list[Path] | None, typer.Option("--output", "-o", metavar="FILE", help="See check.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", metavar="[error|warning|info|never]",
        help="See check.")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", metavar="RULES", help="See check.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", metavar="RULES",
        help="See check.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="RULES", help="See check.")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", metavar="URL",
        help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", metavar="FILE", help="See check.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", metavar="FILE", help="See check.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", metavar="FILE", help="See check.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line (rich).")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print counts per rule.")] = False,
    color: Annotated[Color, typer.Option("--color", metavar="[auto|always|never]",
        help="Colour the terminal report.")] = Color.auto,
    jobs: JobsOpt = None,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
    max_time: MaxTimeOpt = None,
    allow_private: AllowPrivateOpt = False,
    allow_http_auth: AllowHttpAuthOpt = False,
    save: Annotated[Path | None, typer.Option(
        "--save", metavar="FILE", help="Also write what was fetched to FILE (NDJSON, gzip-compressed if it ends "
        ".gz): `seoaudit check FILE` audits it again offline, with the same findings.")] = None,
) -> None:
    """Audit every post and page of a WordPress site through its REST API (`_embed`; with SEOAUDIT_WP_USER and
    SEOAUDIT_WP_APP_PASSWORD in the environment also drafts, pending and scheduled posts, via context=edit).
    Each published item's served page is fetched and compared with the REST head. With --graphql, the same through
    WPGraphQL and its SEO fields (cursor pagination). Exit codes as for check."""
    if not _is_url(url):
        raise _usage_error(f"{url!r} is not an http(s) URL")
    if since is not None:
        import datetime

        try:
            datetime.date.fromisoformat(since[:10])
        except ValueError:
            raise _usage_error(f"--since {since!r}: give a date as YYYY-MM-DD") from None
    from .live.wordpress import Listing

    live = _LiveArgs(insecure, timeout, concurrency, per_host, 10**9, no_follow, respect_robots, max_time,
                     allow_private, allow_http_auth)
    live.credentials_for(url)
    listing = Listing(base=url, types=_split(type_) or ("posts", "pages"), statuses=_split(status), since=since,
                      limit=limit, per_page=per_page, edit=live.auth is not None)

    from .live.graphql import is_graphql_url

    def documents(inputs: _Inputs):
        session = live.session(inputs.settings)
        order = lambda position, item: session.order.get(id(item), ())  # noqa: E731
        found = session.site_graphql(listing) if graphql or is_graphql_url(url) else session.site(listing)
        return (_saved(found, save) if save is not None else found), session, order

    _audit_run(documents, format, output, fail_on, select, extend_select, ignore, site_url, config_file, isolated,
               baseline, write_baseline, quiet, statistics, color, jobs)


def _config_chooser(run: _Inputs):
    """A file's `load.FileInput.config`: None under the run's own config; under a nested config file (ruff's
    hierarchical configs) that file's path and engine config, with the run's baseline, root and metadata choice."""
    chosen: dict[int, tuple[str, object] | None] = {id(run.settings): None}

    def config_of(entry):
        found = entry.settings if entry.settings is not None else run.settings
        if id(found) not in chosen:
            config = run.config
            chosen[id(found)] = (str(found.source), replace(found.config, baseline=config.baseline, root=config.root,
                                                            structured_data=config.structured_data))
        return chosen[id(found)]

    return config_of


def _show_files(documents, inputs: _Inputs) -> None:
    """`--show-files`: every path the run would read (with what it holds) or skip (and why); exit 0."""
    from .work import documents_of

    sources, session, _ = documents(inputs)
    if session is not None:
        sources.close()
        raise _usage_error("--show-files lists files: give no URL")
    kinds: dict[str, list[str]] = {}
    for item in sources:
        for document in documents_of(item, inputs.limits):
            if not inputs.intake.take(document):
                kinds.setdefault(document.source, []).append(document.kind)
    for source, found in kinds.items():
        print(f"audit {source} ({', '.join(sorted(set(found)))})")
    for source, why in inputs.intake.skipped:
        print(f"skip  {source}: {why}")
    for note in inputs.intake.notes:
        print(f"note  {note}")
    raise typer.Exit(ExitStatus.OK)


def _print_intake(intake) -> None:
    """One note for what walking skipped for its content or as seoaudit's own file (exclusions are silent,
    as ruff's are: `--show-files` lists them), and the reading notes (an empty collection)."""
    from .discovery import OWN_FILE
    from .documents import NOT_OURS_JSON
    from .load import NOT_OURS_XML

    skipped = [source for source, why in intake.skipped if why in (NOT_OURS_JSON, NOT_OURS_XML, OWN_FILE)]
    if skipped:
        shown = ", ".join(skipped[:3]) + (", …" if len(skipped) > 3 else "")
        print(f"seoaudit: note: skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} that "
              f"{'are' if len(skipped) != 1 else 'is'} no post, page or sitemap, or seoaudit's own ({shown}); "
              "--show-files lists them", file=sys.stderr)
    for note in intake.notes:
        print(f"seoaudit: note: {note}", file=sys.stderr)


def _saved(documents, path: Path):
    """`documents`, each also written to the snapshot `path` as it passes (a run cut short leaves a snapshot of
    what was fetched)."""
    from .inputs.snapshot import SnapshotWriter

    try:
        writer = SnapshotWriter(path)
    except OSError as exc:
        raise _usage_error(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        for document in documents:
            writer.add(document)
            yield document
    finally:
        writer.close()
        documents.close()


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
    for name, path in destinations:
        if path is not None and (path.is_dir() or str(path).endswith(("/", os.sep))):
            raise _usage_error(f"--format {name}: {path} is a folder: give the report a file name")
    if sum(path is None for _, path in destinations) > 1:
        raise _usage_error("only one report can go to stdout: give the others a file (--format json:report.json)")
    return destinations


class _Output:
    """One report being written: its formatter, and the sink (a file or stdout) it writes to. The terminal
    report is printed through rich as documents finish."""

    def __init__(self, name: str, path: Path | None, options, color: Color):
        from .report import formatter_class
        from .report.sink import Sink

        self.sink = Sink(path)
        kind = formatter_class(name)
        self.terminal = name == "rich" and path is None
        if self.terminal:
            self.formatter = kind(self.sink.write, options, console=_console(sys.stdout, color))
        else:
            self.formatter = kind(self.sink.write, options)


def _open(destinations, color: Color, quiet: bool, statistics: bool, fail_on, root: Path, view: _ViewArgs,
          config) -> list[_Output]:
    from .report import RenderOptions

    widths = {}
    if any(name == "html" for name, _ in destinations):
        from .preview import rule_options

        widths = rule_options(config)
    options = RenderOptions(fail_on=fail_on, quiet=quiet, statistics=statistics, root=root,
                            min_severity=view.min_severity, full=view.full, full_metadata=view.full_metadata,
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


def _console(stream, color: Color = Color.auto):
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:  # rich exits 1 here; `| head` is 141, the same for every format
            self.quiet = True
            raise BrokenPipeError

    no_color = True if color is Color.never else None  # None: rich decides (NO_COLOR, a terminal or not)
    if stream is sys.stderr:
        return PipeConsole(stderr=True, highlight=False, no_color=no_color)
    if color is Color.always:
        return PipeConsole(highlight=False, force_terminal=True)
    return PipeConsole(highlight=False, no_color=no_color)


def _unstyled(stream, color: Color) -> bool:
    """Whether rich would print to `stream` without colour or style (its Console.is_terminal is False): no
    terminal, and neither --color always nor the environment rich reads (FORCE_COLOR, TTY_COMPATIBLE, a
    Jupyter kernel) says to style it. When unsure, False: rich decides."""
    if color is Color.always or "FORCE_COLOR" in os.environ or os.environ.get("TTY_COMPATIBLE", "") == "1":
        return False
    if "IPython" in sys.modules or stream is None:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed stream: rich treats it as no terminal too
        return True


def _terminal_summary(report, outputs: list[_Output], color: Color, statistics: bool) -> None:
    """When every report went to a file, stdout still says how the run went; `--statistics` beside a
    machine report on stdout goes to stderr. rich is imported only then: a JSON report on stdout needs none of it."""
    if not any(out.sink.is_stdout for out in outputs):
        if not statistics and _unstyled(sys.stdout, color):  # what rich would print: no need to import it
            from .report import plain_summary

            sys.stdout.write(plain_summary(report) + "\n")
            return
        from .report import rich_report

        console = _console(sys.stdout, color)
    elif statistics and not any(out.terminal for out in outputs):
        from .report import rich_report

        console = _console(sys.stderr, color)
        for line in rich_report.statistics_lines(report):
            console.print(line, soft_wrap=True)
        return
    else:
        return
    if statistics:
        for line in rich_report.statistics_lines(report):
            console.print(line, soft_wrap=True)
    console.print(rich_report.summary_line(report), soft_wrap=True)


@app.command(cls=Command, short_help="Show each page as Google and the social networks show it.")
def preview(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", show_default=False,
                                               help="Posts, pages, folders, URLs or - for stdin.")],
    site_url: Annotated[str | None, typer.Option("--site-url", metavar="URL",
        help="The site's public origin (headless).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", metavar="FILE", help="See check.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    color: Annotated[Color, typer.Option("--color", metavar="[auto|always|never]",
        help="Colour the previews.")] = Color.auto,
    insecure: InsecureOpt = False,
    timeout: TimeoutOpt = 15.0,
    concurrency: ConcurrencyOpt = 8,
    per_host: PerHostOpt = 4,
    max_urls: MaxUrlsOpt = 1000,
    no_follow: NoFollowOpt = False,
    respect_robots: RobotsOpt = False,
    max_time: MaxTimeOpt = None,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Show how each post or page looks in Google (desktop and phone) and when shared on Facebook, LinkedIn,
    X, Slack and Discord, with each finding beside what it concerns. Exit 0, or 2 on unreadable input."""
    from .config import ConfigError, Overrides, load
    from .engine import IMAGES, METADATA, Auditor
    from .preview import of_result
    from .preview.terminal import render
    from .run import Run

    try:
        settings = load(Path.cwd(), config_file, isolated, Overrides(site_url=site_url))
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    live = _LiveArgs(insecure, timeout, concurrency, per_host, max_urls, no_follow, respect_robots, max_time,
                     allow_private, False)
    from .config import Resolver
    from .load import Intake

    run_inputs = _Inputs(settings, Resolver(settings, Overrides(site_url=site_url), hierarchical=not (isolated or
                                                                                                    config_file)),
                         [], Intake())
    inputs, session, order = _check_documents(paths, live, run_inputs)
    run = Run(Auditor.compile(settings.config, {METADATA, IMAGES}), jobs=usable_cpus())
    _started()
    try:
        results = list(run.results(inputs, order))
        run.finish().join(results)  # the findings across documents (duplicate titles…) beside the others
    finally:
        run.close()
    if session is not None:
        for note in session.notes:
            print(f"seoaudit: note: {note}", file=sys.stderr)
    console = _console(sys.stdout, color)
    unreadable = False
    for result in sorted(results, key=lambda r: r.key):
        if result.document.problem is not None:
            unreadable = True
            print(f"seoaudit: error: {result.document.display_source}: {result.document.problem.message}",
                  file=sys.stderr)
            continue
        render(console, result.document.display_source, result.document.kind, of_result(result, settings.config),
               result.findings)
    raise typer.Exit(ExitStatus.USAGE if unreadable else ExitStatus.OK)


DIFF_FORMATS = ("rich", "markdown", "json", "html")


@app.command(cls=Command, short_help="Compare two JSON reports: new, fixed and unchanged findings.")
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="The earlier run's JSON report.")],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="The later run's JSON report.")],
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", metavar="FORMAT[:FILE]",
        help="rich, markdown, json or html; FORMAT:FILE writes it to FILE. Repeat for several. Default: rich.")] = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", metavar="[error|warning|info|never]",
        help="Exit 1 when a new finding is at or above this.")] = FailOn.error,
    color: Annotated[Color, typer.Option("--color", metavar="[auto|always|never]",
        help="Colour the terminal diff.")] = Color.auto,
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
    _started()
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


@app.command("rules", cls=Command, short_help="List every rule.")
def list_rules(
    category: Annotated[str | None, typer.Argument(metavar="[CATEGORY]", help="Only this category.")] = None,
    format: Annotated[RulesFormat, typer.Option(
        "--format", "-f", metavar="[text|json]", help="text: one line per rule; json: every field, with the "
        "documentation.")] = RulesFormat.text,
) -> None:
    """List every rule, one line each: id, default severity (with its aggravated / mild cases, and opt-in) and
    what it checks."""
    from .registry import all_rules

    shown = [r for r in all_rules().values() if category in (None, r.category)]
    if not shown:
        raise _usage_error(f"no rules in category {category!r}")
    if format is RulesFormat.json:
        import json

        _print_text(json.dumps([rule_dict(rule) for rule in shown], indent=2, ensure_ascii=False) + "\n")
        return
    width = max(len(rule.id) for rule in shown)
    severity = max(len(rule.severity_text) for rule in shown)
    _print_text("".join(f"{rule.id:<{width}}  {rule.severity_text:<{severity}}  {rule.summary}\n" for rule in shown))


def rule_dict(rule) -> dict:
    """A rule as `seoaudit rules --format json` lists it."""
    from .registry import rule_url

    cases = {case: level.label for case, level in (("aggravated", rule.aggravated), ("mild", rule.mild)) if level}
    return {"id": rule.id, "category": rule.category, "severity": rule.severity.label, "severity_cases": cases,
            "opt_in": rule.opt_in, "summary": rule.summary,
            "options": rule.options, "requires": sorted(rule.requires), "cross_document": rule.is_batch,
            "help_uri": rule_url(rule.id), "doc": rule.doc}


def _print_text(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise _broken_pipe() from None


@app.command(cls=Command, short_help="Print a rule's documentation.")
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. canonical/missing.")]) -> None:
    """Print a rule's full documentation."""
    from rich.markdown import Markdown

    from .registry import _suggest, all_rules

    rules = all_rules()
    rule = rules.get(rule_id)
    if rule is None:
        raise _usage_error(f"unknown rule {rule_id!r}" + _suggest(rule_id, list(rules)))
    try:
        _console(sys.stdout).print(Markdown(f"# {rule.id}\n\n*{rule.severity_text} · category {rule.category}*\n\n"
                                            + rule.doc + _options_text(rule)))
    except BrokenPipeError:
        raise _broken_pipe() from None


def _options_text(rule) -> str:
    """The table of the rule's options (type, default, range, meaning), as its page in docs/rules/ has it."""
    from .options import markdown_table

    if not rule.declared_options:
        return ""
    return "\n\n## Options\n\n" + "\n".join(markdown_table((rule.id, name, option)
                                                              for name, option in rule.declared_options.items()))


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


def _started() -> None:
    """Start-up is over: the cyclic garbage collector that `main` paused runs again, blind to what start-up made.

    Start-up (typer, the config, the engine, some 200 rule modules) makes objects that live as long as the process,
    and the collector's passes over them cost a cold `seoaudit check post.json` some 8 ms; frozen (`gc.freeze`),
    they are not traversed again by the collections of a long run either. Nothing to do where `main` did not pause
    it (tests call the typer app)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main() -> None:
    gc.disable()  # until the command's start-up is over (`_started`); a command that audits nothing ends first
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    try:
        status = app(standalone_mode=False, prog_name="seoaudit")
    except (Interrupted, KeyboardInterrupt) as exc:  # before or after the audit: nothing to report
        print("seoaudit: interrupted", file=sys.stderr)
        sys.exit(exc.status if isinstance(exc, Interrupted) else ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        _broken_pipe()
        sys.exit(ExitStatus.BROKEN_PIPE)
    except Exception as exc:  # click's usage errors (typer vendors click): one line, like every other error
        if not hasattr(exc, "format_message") or not hasattr(exc, "exit_code"):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":  # `seoaudit` alone: the help, as ruff prints it
            print(exc.format_message())
        else:
            command = getattr(getattr(exc, "ctx", None), "command_path", "seoaudit")
            print(f"seoaudit: error: {exc.format_message()} (see {command} -h)", file=sys.stderr)
        sys.exit(exc.exit_code)
    sys.exit(status if isinstance(status, int) else ExitStatus.OK)
