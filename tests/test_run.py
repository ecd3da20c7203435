"""The engine-owned run: light results in input order, totals as it goes, and the same report whatever the number
of worker processes; a worker that dies or hangs costs only its document."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from dataclasses import replace

import pytest

import seoaudit.pool
import seoaudit.run
from seoaudit.engine import Auditor, Config
from seoaudit.limits import Limits
from seoaudit.load import documents_from_json, inputs, load_paths
from seoaudit.model import Severity
from seoaudit.registry import all_rules
from seoaudit.report import formatter
from seoaudit.results import Report
from seoaudit.run import Run

from .conftest import CORPUS, EXAMPLES, ROOT, needs_corpus


@pytest.fixture
def pool_at_once(monkeypatch):
    """A pool from the first input (a run starts in-process, and keeps to it when it is short), whose workers
    audit every document (this process waits for them to start rather than audit meanwhile)."""
    monkeypatch.setattr(seoaudit.run, "POOL_FROM", 0)
    monkeypatch.setattr(seoaudit.pool, "HELP_WHILE_STARTING", False)


def _post(i: int, title: str) -> dict:
    return {"link": f"https://example.com/{i}/", "title": {"rendered": title}, "status": "publish",
            "yoast_head_json": {"title": title, "canonical": f"https://example.com/{i}/"}}


def _collections(tmp_path, files: int, posts: int, title=lambda f, p: f"Post {f}-{p}") -> list[str]:
    paths = []
    for f in range(files):
        path = tmp_path / f"c{f:02}.json"
        path.write_text(json.dumps([_post(f * 100 + p, title(f, p)) for p in range(posts)]))
        paths.append(str(path))
    return paths


def test_a_result_is_light_and_names_its_document():
    document = next(load_paths([str(EXAMPLES / "posts-collection.json")]))
    result = Auditor.compile(Config(), needs=()).audit(document, (3, 0))
    assert result.key == (3, 0) and result.document.display_source.endswith("posts-collection.json#/0")
    assert not hasattr(result.document, "data") and not hasattr(result.document, "html")  # no bytes, no tree
    assert result.metadata == {} and result.rules == () and result.lines is None  # nothing a report did not ask for
    full = Auditor.compile(Config()).audit(document, (3, 0))
    assert full.metadata["title"] and full.rules and all(p in full.lines for f in full.findings
                                                         if (p := f.location.pointer) and p.startswith("/0/"))


def test_the_auditor_is_compiled_once_and_pickles():
    import pickle

    auditor = Auditor.compile(Config(ignore=("image",), severities={"title/missing": Severity.ERROR}))
    copy = pickle.loads(pickle.dumps(auditor))
    assert [s.rule.id for s in copy.steps] == [s.rule.id for s in auditor.steps]
    assert {s.rule.id: s.severities for s in copy.steps} == {s.rule.id: s.severities for s in auditor.steps}
    document = next(load_paths([str(EXAMPLES / "broken-page.html")]))
    assert copy.audit(document).findings == auditor.audit(document).findings


def test_a_result_travels_to_the_parent_as_it_was():
    import pickle

    document = next(load_paths([str(EXAMPLES / "broken-page.html")]))
    result = Auditor.compile(Config()).audit(document, (2, 0))
    copy = pickle.loads(pickle.dumps(result, -1))
    assert copy == result and copy.findings
    assert all(type(finding.severity) is Severity for finding in copy.findings)  # not the number it travels as


def test_totals_count_as_results_come_and_the_late_findings_join():
    posts = [_post(i, "Same title" if i < 3 else f"Title {i}") for i in range(6)]
    run = Run(Auditor.compile(Config()))
    results = list(run.results(documents_from_json(posts, "site.json")))
    before = run.totals.rules.get("title/duplicate", 0)
    late = run.finish()
    assert before == 0 and run.totals.rules["title/duplicate"] == 3 and run.totals.documents == 6
    # Each document given is an input of its own: keys (input, document of the input).
    assert [item.key for item in late if any(f.rule == "title/duplicate" for f in item.findings)] == [
        (0, 0), (1, 0), (2, 0)]
    joined = late.join(results)
    assert Report(joined).summary() == run.totals.summary()


def test_results_come_in_input_order_from_a_pool(tmp_path, pool_at_once):
    paths = _collections(tmp_path, files=9, posts=5)
    run = Run(Auditor.compile(Config(), needs=()), jobs=2)
    try:
        keys = [r.key for r in run.results(inputs(paths))]
    finally:
        run.close()
    assert keys == [(f, p) for f in range(9) for p in range(5)]


# The test's process, as its workers (which import this module afresh) inherit it from the environment.
TEST_PROCESS = int(os.environ.setdefault("SEOAUDIT_TEST_PROCESS", str(os.getpid())))


def _in_a_worker() -> bool:
    return os.getpid() != TEST_PROCESS  # never this process: the test would die with it


def _titled(page, word: str) -> bool:
    title = page.primary.title if page.primary is not None else None
    return _in_a_worker() and title is not None and word in title.value


def _crash_on_boom(page, options):
    if _titled(page, "BOOM"):
        os._exit(3)  # as a segfault in C code would end the worker
    return iter(())


def _hang_on_stuck(page, options):
    if _titled(page, "STUCK"):
        time.sleep(3600)
    return iter(())


def _with_rule(check, config: Config) -> Auditor:
    rule = replace(all_rules()["title/missing"], check=check)
    return Auditor.compile(config, rules=[*(r for r in config.rules() if r.id != "title/missing"), rule])


@pytest.mark.slow  # waits out a hung worker
@pytest.mark.timeout(120)
@pytest.mark.parametrize(("check", "word", "value"), [(_crash_on_boom, "BOOM", "WorkerDied"),
                                                      (_hang_on_stuck, "STUCK", "WorkerHung")])
def test_a_worker_that_dies_or_hangs_costs_only_its_document(tmp_path, pool_at_once, check, word, value):
    paths = _collections(tmp_path, files=40, posts=4, title=lambda f, p: f"{word} here" if (f, p) == (30, 1)
                         else f"Post {f}-{p}")
    config = Config(limits=Limits(document_timeout=0.2))  # a worker silent for 5 s is stuck
    run = Run(_with_rule(check, config), jobs=2)

    try:
        results = list(run.results(inputs(paths)))
    finally:
        run.close()
    assert [r.key for r in results] == [(f, p) for f in range(40) for p in range(4)]  # none lost, none twice
    failed = [r for r in results if any(f.rule == "input/internal-error" for f in r.findings)]
    assert [r.key for r in failed] == [(30, 1)]
    (finding,) = failed[0].findings
    assert finding.value == value and f"auditing {paths[30]}#/1 failed: its worker process" in finding.message
    assert failed[0].document.display_source == f"{paths[30]}#/1"
    assert run.totals.internal_errors == [finding.message]


@needs_corpus
@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_corpus_report_is_the_same_with_one_or_two_processes_and_any_batch_order(tmp_path):
    def check(jobs: int) -> bytes:
        out = tmp_path / f"report-{jobs}.json"
        subprocess.run([sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never", "--jobs",
                        str(jobs), "--format", f"json:{out}", str(CORPUS / "html"), str(CORPUS / "wp")],
                       cwd=ROOT, check=True, capture_output=True)
        return out.read_bytes()

    one = check(1)
    assert check(2) == one
    # The rules across documents fed in shuffled order give the same report.
    run = Run(Auditor.compile(Config(), needs={"metadata"}))
    results = list(run.audit(inputs([str(CORPUS / "html"), str(CORPUS / "wp")])))
    shuffled = results[:]
    random.Random(5).shuffle(shuffled)
    for result in shuffled:
        run.add(result)
    report = Report(run.finish().join(results), totals=run.totals)
    assert json.loads(formatter("json").render(report)) == json.loads(one)


def test_live_fetching_feeds_the_pool(monkeypatch, pool_at_once):
    """A sitemap's pages, fetched by live mode's threads, audited by worker processes: the same report as in
    this process, in the sitemap's order."""
    from typer.testing import CliRunner

    from seoaudit.cli import app

    from .live_server import LiveServer, page

    monkeypatch.setenv("SEOAUDIT_LOOPBACK_ONLY", "1")
    with LiveServer("127.0.0.1") as server:
        for i in range(12):
            server.add(f"/p{i}/", body=page(f"Post {i % 3}", canonical=server.url(f"/p{i}/")))
        urls = "".join(f"<url><loc>{server.url(f'/p{i}/')}</loc></url>" for i in range(12))
        sitemap = server.add("/sitemap.xml", body=(f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                                                  f'schemas/sitemap/0.9">{urls}</urlset>').encode(),
                             content_type="application/xml")
        reports = [CliRunner().invoke(app, ["check", "--isolated", "-f", "json", "--no-follow", "--jobs", jobs,
                                            sitemap]).stdout for jobs in ("1", "2")]
    one, two = (json.loads(report) for report in reports)
    assert [d["source"] for d in two["documents"]] == [server.url(f"/p{i}/") for i in range(12)]
    assert two == one
    assert one["summary"]["by_rule"]["title/duplicate"] == 12


def test_a_document_that_cannot_travel_to_a_worker_is_audited_here(pool_at_once):
    import threading

    posts = [_post(i, f"Title {i}") for i in range(6)]
    posts[3]["x-lock"] = threading.Lock()  # an embedder's object that does not pickle
    documents = list(documents_from_json(posts, "site.json"))
    run = Run(Auditor.compile(Config(), needs=()), jobs=2)
    try:
        results = list(run.results(documents))
    finally:
        run.close()
    assert [r.key for r in results] == [(i, 0) for i in range(6)]
    assert not any(f.rule == "input/internal-error" for r in results for f in r.findings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_json_report_rendered_where_documents_are_audited_is_the_one_rendered_at_the_end(tmp_path, pool_at_once,
                                                                                           jobs):
    """Each document's JSON text made in the worker (and the spool's record), the late findings joined in at the
    end: the same text as a report rendered whole from plain results."""
    from seoaudit.report import RenderOptions, formatter_class
    from seoaudit.report.spool import Spool, SpoolView, record
    from seoaudit.run import Rendering

    paths = _collections(tmp_path, files=6, posts=4, title=lambda f, p: "Shared" if p < 2 else f"Post {f}-{p}")
    options = RenderOptions(root=tmp_path)
    json_formatter = formatter_class("json")
    plain = Run(Auditor.compile(Config(), needs=json_formatter.NEEDS))
    results = list(plain.results(inputs(paths)))
    expected = formatter("json").render(Report(plain.finish().join(results), totals=plain.totals), options)

    rendering = Rendering((json_formatter(print, options).renderer,), metadata=False, spool=record,
                          streamed_metadata=False)
    run = Run(Auditor.compile(Config(), needs=json_formatter.NEEDS), jobs=jobs, rendering=rendering)
    spool = Spool()
    try:
        for result in run.results(inputs(paths)):
            assert result.metadata == {} and result.rendered is None and result.spooled  # light, its text spooled
            spool.add(result)
        late = run.finish()
        parts: list[str] = []
        json_formatter(parts.append, options).finish(Report(SpoolView(spool, late), totals=run.totals))
    finally:
        run.close()
        spool.close()
    assert "title/duplicate" in expected and "".join(parts) == expected
