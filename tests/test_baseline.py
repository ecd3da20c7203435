"""Baselines: record today's findings, fail only on new ones; fingerprints that survive unrelated edits."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from seoaudit.baseline import Baseline, document_key, fingerprint
from seoaudit.cli import app
from seoaudit.model import Document, Finding, Location, Severity

from .conftest import EXAMPLES

runner = CliRunner()


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A project with copies of the examples, as the working directory (document paths are relative)."""
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("ci"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args):
    result = runner.invoke(app, ["check", "--isolated", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else None, result.stderr


def new_rules(report) -> list[str]:
    return sorted(f["rule"] for d in report["documents"] for f in d["findings"])


def test_a_baseline_covers_every_finding_of_the_day(work):
    code, report, stderr = check("examples", "--write-baseline", "baseline.json")
    assert code == 0, "writing a baseline accepts today's findings"
    total = report["summary"]["findings"]
    assert f"wrote {total} findings to the baseline baseline.json" in stderr
    stored = json.loads((work / "baseline.json").read_text())
    assert stored["version"] == 1 and sum(e["count"] for e in stored["findings"]) == total
    assert all(e["document"].startswith("examples/") for e in stored["findings"])  # relative paths
    for fail_on in ("error", "warning", "info"):
        code, report, _ = check("examples", "--baseline", "baseline.json", "--fail-on", fail_on)
        assert code == 0 and new_rules(report) == []
        assert report["summary"]["baselined"] == total


def test_baseline_is_independent_of_how_the_path_is_spelt(work):
    check("examples", "--write-baseline", "baseline.json")
    code, report, _ = check("./examples/", "--baseline", "baseline.json")
    assert code == 0 and new_rules(report) == []
    code, report, _ = check(work / "examples", "--baseline", "baseline.json")
    assert code == 0 and new_rules(report) == []


def test_lines_inserted_above_do_not_make_findings_new(work):
    page = work / "examples" / "broken-page.html"
    check(page.relative_to(work), "--write-baseline", "baseline.json")
    text = page.read_text()
    inserted = "<head>\n<!-- a new comment -->\n<meta name='author' content='x'>\n\n\n"
    page.write_text(text.replace("<head>\n", inserted, 1))
    code, report, _ = check("examples/broken-page.html", "--baseline", "baseline.json")
    assert code == 0 and new_rules(report) == []


def test_a_new_problem_is_new(work):
    page = work / "examples" / "broken-page.html"
    check("examples/broken-page.html", "--write-baseline", "baseline.json")
    page.write_text(page.read_text().replace("</head>", '<meta property="og:image" content="/new.png">\n</head>', 1))
    code, report, _ = check("examples/broken-page.html", "--baseline", "baseline.json")
    assert code == 1
    findings = report["documents"][0]["findings"]
    assert "image/og-not-absolute" in {f["rule"] for f in findings}
    assert all("/new.png" in json.dumps(f) for f in findings), findings  # only what the edit added
    assert report["summary"]["baselined"] >= 6


def test_a_fixed_problem_that_comes_back_elsewhere_is_new(work):
    # Same rule, different value: a new problem even at the same place.
    page = work / "examples" / "broken-page.html"
    check("examples/broken-page.html", "--write-baseline", "baseline.json")
    page.write_text(page.read_text().replace('href="/spring-sale/"', 'href="/autumn-sale/"', 1))
    code, report, _ = check("examples/broken-page.html", "--baseline", "baseline.json")
    assert code == 1 and "canonical/relative" in new_rules(report)


def test_reordered_posts_of_a_collection_keep_their_fingerprints(work):
    path = work / "examples" / "posts-collection.json"
    check("examples/posts-collection.json", "--write-baseline", "baseline.json")
    path.write_text(json.dumps(list(reversed(json.loads(path.read_text()))), indent=1))
    code, report, _ = check("examples/posts-collection.json", "--baseline", "baseline.json")
    assert code == 0 and new_rules(report) == []
    assert report["documents"][0]["source"].endswith("#/0")  # the broken post moved to the front


def test_reordered_schema_graph_keeps_fingerprints(work):
    path = work / "examples" / "broken-canonical.json"
    check("examples/broken-canonical.json", "--write-baseline", "baseline.json")
    data = json.loads(path.read_text())
    graph = data["yoast_head_json"]["schema"]["@graph"]
    data["yoast_head_json"]["schema"]["@graph"] = graph[::-1]
    path.write_text(json.dumps(data, indent=4))  # every line moves too
    code, report, _ = check("examples/broken-canonical.json", "--baseline", "baseline.json")
    assert code == 0 and new_rules(report) == []


def test_rewriting_the_baseline_keeps_what_it_held(work):
    check("examples", "--write-baseline", "baseline.json")
    before = json.loads((work / "baseline.json").read_text())
    code, _, _ = check("examples", "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    assert code == 0 and json.loads((work / "baseline.json").read_text()) == before


def test_baseline_from_the_config_file(work):
    (work / ".seoaudit.toml").write_text('baseline = "ci/baseline.json"\n')
    runner.invoke(app, ["check", "examples", "--write-baseline", "ci/baseline.json", "-q"])
    result = runner.invoke(app, ["check", "examples", "-q"])
    assert result.exit_code == 0 and "baselined" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    (None, "baseline file not found"),
    ("{not json", "the baseline is not JSON"),
    ('{"version": 9, "findings": []}', "not a seoaudit baseline"),
    ('{"version": 1, "findings": [{"count": 1}]}', "a baseline entry has no fingerprint"),
])
def test_a_bad_baseline_is_exit_2(work, content, message):
    if content is not None:
        (work / "baseline.json").write_text(content)
    code, _, stderr = check("examples/clean-post.json", "--baseline", "baseline.json")
    assert code == 2 and message in stderr and len(stderr.strip().splitlines()) == 1


# -- fingerprints -------------------------------------------------------------------------------------


def finding(rule="image/too-small", pointer=None, line=None, value=None, message="m 12") -> Finding:
    return Finding(rule, rule.split("/")[0], Severity.ERROR, message, Location(pointer=pointer, line=line), value)


def test_fingerprint_ignores_lines_and_indices_but_not_what_is_wrong():
    doc = Document("a.html", "html")
    base = fingerprint(doc, finding(line=3, value="/x.png"))
    assert fingerprint(doc, finding(line=30, value="/x.png")) == base
    assert fingerprint(doc, finding(line=3, value="/y.png")) != base
    assert fingerprint(doc, finding(rule="image/og-missing", line=3, value="/x.png")) != base
    assert fingerprint(Document("b.html", "html"), finding(line=3, value="/x.png")) != base
    post = Document("p.json", "wp-post", data={})
    assert (fingerprint(post, finding(pointer="/yoast_head_json/schema/@graph/3/@id", value="u"))
            == fingerprint(post, finding(pointer="/yoast_head_json/schema/@graph/0/@id", value="u")))
    assert (fingerprint(post, finding(pointer="/yoast_head_json/og_image/0/width", value="u"))
            != fingerprint(post, finding(pointer="/yoast_head_json/og_image/0/height", value="u")))
    # No value: the message counts, without its numbers (which are often line numbers).
    assert fingerprint(doc, finding(message="at line 4")) == fingerprint(doc, finding(message="at line 9"))


def test_identity_of_a_post_in_a_collection_is_its_type_and_id():
    one = Document("posts.json", "wp-post", data={"id": 7, "type": "page"}, pointer="/3")
    assert document_key(one) == "posts.json#page:7"
    assert document_key(Document("posts.json", "wp-post", data={"link": "https://x/"}, pointer="/0")) == "posts.json#https://x/"
    assert document_key(Document("post.json", "wp-post", data={"id": 7})) == "post.json"
    assert document_key(Document("-", "html")) == "-"


def test_identical_findings_are_told_apart_by_count():
    doc = Document("a.html", "html")
    twice = [finding(line=3, value="/x.png"), finding(line=9, value="/x.png")]
    baseline = Baseline({fingerprint(doc, twice[0]): 1})
    new, known = baseline.split(doc, twice)
    assert len(new) == 1 and len(known) == 1
    new, known = Baseline({fingerprint(doc, twice[0]): 2}).split(doc, twice)
    assert new == [] and len(known) == 2


# -- portability: paths relative to the project root, not the working directory ------------------------------


def test_a_config_baseline_matches_from_a_subfolder(tmp_path, monkeypatch):
    # The review's M3: the same files and baseline passed from the root and failed from `content/`.
    content = tmp_path / "content"
    content.mkdir()
    for example in EXAMPLES.glob("broken-*.json"):
        shutil.copy(example, content)
    (tmp_path / "pyproject.toml").write_text('[tool.seoaudit]\nbaseline = "seoaudit-baseline.json"\n')
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["check", "content", "--write-baseline", "seoaudit-baseline.json", "-q"]).exit_code == 0
    documents = {e["document"] for e in json.loads((tmp_path / "seoaudit-baseline.json").read_text())["findings"]}
    assert documents == {f"content/{p.name}" for p in EXAMPLES.glob("broken-*.json")}
    assert runner.invoke(app, ["check", "content", "-q"]).exit_code == 0
    monkeypatch.chdir(content)
    result = runner.invoke(app, ["check", ".", "-q"])
    assert result.exit_code == 0 and "baselined" in result.stdout, result.output


def test_a_baseline_matches_in_another_checkout_of_the_repository(tmp_path, monkeypatch):
    first, second = tmp_path / "ci-runner-1" / "site", tmp_path / "elsewhere" / "site"
    shutil.copytree(EXAMPLES, first / "examples", ignore=shutil.ignore_patterns("ci"))
    (first / ".seoaudit.toml").write_text('baseline = "baseline.json"\n')
    monkeypatch.chdir(first)
    assert runner.invoke(app, ["check", "examples", "--write-baseline", "baseline.json", "-q"]).exit_code == 0
    shutil.copytree(first, second)
    monkeypatch.chdir(second / "examples")
    result = runner.invoke(app, ["check", str(second / "examples"), "-q"])
    assert result.exit_code == 0 and "baselined" in result.stdout, result.output


def test_without_a_config_the_git_work_tree_is_the_project_root(tmp_path, monkeypatch):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copytree(EXAMPLES, tmp_path / "content", ignore=shutil.ignore_patterns("ci"))
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["check", ".", "--write-baseline", "b.json", "-q"]).exit_code == 0
    assert all(e["document"].startswith("content/") for e in json.loads((tmp_path / "b.json").read_text())["findings"])
    monkeypatch.chdir(tmp_path / "content")
    result = runner.invoke(app, ["check", ".", "--baseline", "../b.json", "-q"])
    assert result.exit_code == 0 and "baselined" in result.stdout, result.output


@pytest.mark.parametrize("root", [None, "/", "/work", "/work/site", "/work/site/", "//work", "/tmp", "rel", ".."])
@pytest.mark.parametrize("source", ["a.html", "./a/b.html", "../x/y.html", "/work/site/a", "/work/site", "/",
                                    "//x/y", "a//b/./c/../d.json", "/work/siteX/a", "..", ".", "/work/", "ü/ß.html"])
def test_relative_source_is_what_relpath_and_purepath_make(source, root):
    # relative_source compares normalised paths as strings: the answer of the general formula it replaced.
    import os
    from pathlib import Path, PurePath

    from seoaudit.baseline import relative_source

    path, base = os.path.abspath(source), os.path.abspath(root) if root is not None else os.getcwd()
    inside = os.path.commonpath([path, base]) == base
    wanted = PurePath(os.path.relpath(path, base) if inside else path).as_posix()
    assert relative_source(source, Path(root) if root is not None else None) == wanted
