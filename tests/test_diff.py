"""`seoaudit diff` on two runs of the examples: one defect fixed (a relative og:image made absolute) and one
added (an emptied meta description), in every format; and the `fingerprint` it matches by."""

from __future__ import annotations

import json
import shutil
from importlib import resources

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.diff import DiffError, compare, load_report
from tests.conftest import EXAMPLES

runner = CliRunner()


def schema(name: str) -> dict:
    return json.loads(resources.files("seoaudit").joinpath(f"schemas/{name}").read_text("utf-8"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(old.json, new.json) of the examples, audited from their folder, before and after the edits."""
    root = tmp_path_factory.mktemp("runs")
    shutil.copytree(EXAMPLES, root / "examples")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert runner.invoke(app, ["check", "--isolated", "examples", "-f", "json:old.json"]).exit_code == 1
        page = root / "examples/broken-page.html"
        page.write_text(page.read_text().replace(
            'content="/wp-content/uploads/2026/03/sale-banner.png"',
            'content="http://shop.example.com/wp-content/uploads/2026/03/sale-banner.png"'))
        post = json.loads((root / "examples/clean-post.json").read_text())
        post["yoast_head_json"]["description"] = ""
        (root / "examples/clean-post.json").write_text(json.dumps(post, indent=2))
        assert runner.invoke(app, ["check", "--isolated", "examples", "-f", "json:new.json"]).exit_code == 1
    return root / "old.json", root / "new.json"


def rules(findings) -> list[tuple[str, str]]:
    return sorted((source, finding["rule"]) for source, finding in findings)


def test_the_fixed_and_the_added_defect_are_told_apart(runs):
    diff = compare(load_report(runs[0]), load_report(runs[1]))
    assert rules(diff.findings("fixed")) == [
        ("examples/broken-page.html", "image/og-not-absolute"),
        # the og:image's URL is part of what its alt finding is about: the old URL's finding is fixed …
        ("examples/broken-page.html", "opengraph/image-alt-missing")]
    # (clean-post.json and clean-page.html share their canonical: one page saved twice, whose one description
    # was never a duplicate to fix)
    assert rules(diff.findings("new")) == [
        ("examples/broken-page.html", "opengraph/image-alt-missing"),  # … and the new URL's is new
        ("examples/clean-post.json", "description/empty")]
    old = json.loads(runs[0].read_text())
    assert len(diff.findings("unchanged")) == old["summary"]["findings"] - 2
    statuses = {d.source: d.status for d in diff.documents}
    assert statuses["examples/clean-post.json"] == statuses["examples/broken-page.html"] == "changed"
    assert list(statuses.values()).count("unchanged") == len(statuses) - 2


def test_a_run_against_itself_has_only_unchanged_findings(runs):
    report = load_report(runs[0])
    diff = compare(report, report)
    assert not diff.findings("new") and not diff.findings("fixed")
    assert len(diff.findings("unchanged")) == report["summary"]["findings"]


def test_repeated_fingerprints_are_matched_by_count():
    finding = {"rule": "title/duplicate", "category": "title", "severity": "warning", "message": "m",
               "location": {}, "fingerprint": "0" * 32}
    old = {"documents": [{"source": "a.html", "findings": [finding, finding, finding]}]}
    new = {"documents": [{"source": "a.html", "findings": [finding, finding]},
                         {"source": "b.html", "findings": [finding]}]}
    diff = compare(old, new)
    a, b = diff.documents
    assert (len(a.unchanged), len(a.fixed), len(a.new), a.status) == (2, 1, 0, "changed")
    assert (len(b.new), b.status) == (1, "added")


def test_exit_code_follows_fail_on(runs):
    old, new = map(str, runs)
    assert runner.invoke(app, ["diff", old, new]).exit_code == 0  # the new findings are a warning and an info
    assert runner.invoke(app, ["diff", old, new, "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["diff", old, new, "--fail-on", "info"]).exit_code == 1
    assert runner.invoke(app, ["diff", new, old, "--fail-on", "error"]).exit_code == 1  # backwards: the error is new
    assert runner.invoke(app, ["diff", new, old, "--fail-on", "never"]).exit_code == 0


def test_every_format(runs, tmp_path):
    old, new = map(str, runs)
    result = runner.invoke(app, ["diff", old, new, "-f", f"json:{tmp_path}/d.json", "-f", f"markdown:{tmp_path}/d.md",
                                 "-f", f"html:{tmp_path}/d.html", "-f", "rich", "--color", "never"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "d.json").read_text())
    jsonschema.validate(data, schema("diff.schema.json"))
    assert data["summary"]["new"] == 2 and data["summary"]["fixed"] == 2
    assert data["summary"]["fixed_by_severity"] == {"error": 1, "warning": 0, "info": 1}
    markdown = (tmp_path / "d.md").read_text()
    assert "✅ **No new findings at or above error**" in markdown
    unchanged_errors = data["summary"]["unchanged_by_severity"]["error"]
    assert f"| 🔴 error | 0 | 1 | {unchanged_errors} |" in markdown and "`description/empty`" in markdown
    assert "2 new (1 warning, 1 info), 2 fixed (1 error, 1 info)" in result.stdout
    assert "− fixed ✖ error   image/og-not-absolute" in result.stdout
    html = (tmp_path / "d.html").read_text()
    assert html.startswith("<!doctype html>") and "http" not in html.split("<script", 1)[0].replace(
        "http-equiv", "")  # no resource from the network in the head
    embedded = html.split('id="seoaudit-diff">', 1)[1].split("</script>", 1)[0]
    assert json.loads(embedded)["summary"] == data["summary"]
    assert runner.invoke(app, ["diff", old, new, "-f", "markdown", "--fail-on", "warning"]).stdout.startswith(
        "## seoaudit diff\n\n❌ **1 new finding at or above warning**")


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ("{not json", "not JSON (line 1"),
    ('{"version": "1.3", "documents": []}', "not a seoaudit JSON report"),
    ('{"version": "1.2", "tool": {"name": "seoaudit"}, "documents": [{"source": "a", "findings": '
     '[{"rule": "x/y", "severity": "error"}]}]}', "findings have no `fingerprint` (report version 1.2"),
])
def test_unreadable_reports_are_one_line_errors_with_exit_2(tmp_path, runs, content, message):
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content)
    with pytest.raises(DiffError, match=message.replace("(", r"\(")):
        load_report(bad)
    result = runner.invoke(app, ["diff", str(bad), str(runs[1])])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"seoaudit: error: {bad}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_report_fingerprints_are_the_baseline_and_sarif_fingerprints(runs, tmp_path, monkeypatch):
    monkeypatch.chdir(runs[0].parent)
    report = json.loads(runs[1].read_text())
    jsonschema.validate(report, schema("report.schema.json"))
    sarif = json.loads(runner.invoke(app, ["check", "--isolated", "examples", "-f", "sarif"]).stdout)
    sarif_prints = sorted(r["partialFingerprints"]["seoaudit/v1"].split(":")[0] for r in sarif["runs"][0]["results"])
    report_prints = sorted(f["fingerprint"] for d in report["documents"] for f in d["findings"])
    assert report_prints == sarif_prints
    runner.invoke(app, ["check", "--isolated", "examples", "--write-baseline", str(tmp_path / "b.json")])
    baseline = json.loads((tmp_path / "b.json").read_text())
    assert sorted(set(report_prints)) == sorted(e["fingerprint"] for e in baseline["findings"])
