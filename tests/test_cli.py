"""End to end: the CLI on the bundled examples and on inputs users get wrong."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.registry import all_rules

from .conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data"
runner = CliRunner()


@cache
def report_schema() -> dict:
    return json.loads((ROOT / "seoaudit" / "schemas" / "report.schema.json").read_text())


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=stdin)


def run_json(*args: str, stdin: str | None = None) -> tuple[int, dict, str]:
    result = run("check", "--format", "json", *args, stdin=stdin)
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    return result.exit_code, report, result.stderr


def findings_of(report: dict, index: int = 0) -> list[dict]:
    return report["documents"][index]["findings"]


def test_clean_post_exits_zero_with_metadata():
    code, report, stderr = run_json(EXAMPLES / "clean-post.json", "--full-metadata")
    assert code == 0, findings_of(report)
    assert stderr == ""
    doc = report["documents"][0]
    assert doc["kind"] == "wp-post"
    assert [f for f in doc["findings"] if f["severity"] == "error"] == []
    meta = doc["metadata"]
    assert meta["canonical"] == "https://blog.example.com/2026/03/how-to-audit-seo-metadata/"
    assert meta["og"]["og:type"] == "article"
    assert meta["twitter"]["twitter:card"] == "summary_large_image"
    assert meta["jsonld"][0]["@context"] == "https://schema.org"
    assert meta["producers"] == ["yoast_head_json", "yoast_head"]


def test_clean_page_exits_zero():
    code, report, _ = run_json(EXAMPLES / "clean-page.html")
    assert code == 0, findings_of(report)
    assert report["documents"][0]["metadata"]["title"].startswith("Field notes")


def test_collection_gives_one_document_per_post():
    _, report, _ = run_json(EXAMPLES / "posts-collection.json")
    sources = [d["source"] for d in report["documents"]]
    assert sources == [f"{EXAMPLES / 'posts-collection.json'}#/0", f"{EXAMPLES / 'posts-collection.json'}#/1"]


def test_directory_audits_every_example():
    code, report, _ = run_json(EXAMPLES)
    names = {d["source"].split("#")[0].split("/")[-1] for d in report["documents"]}
    expected = {p.name for p in EXAMPLES.iterdir() if p.suffix in (".json", ".html")}
    assert names == expected
    assert code == 1  # the broken examples carry errors


def test_stdin_is_read_as_a_document():
    text = (EXAMPLES / "clean-post.json").read_text()
    code, report, _ = run_json("-", stdin=text)
    assert report["documents"][0]["source"] == "-"
    assert report["documents"][0]["kind"] == "wp-post"
    assert code == 0


@pytest.mark.parametrize(
    ("name", "rule", "cause"),
    [
        ("truncated.json", "input/invalid-json", "invalid JSON at line 3, column 1"),
        ("rest-error.json", "input/rest-error", "rest_forbidden (HTTP 401)"),
        ("image.json", "input/unreadable", "binary file"),
        ("empty.json", "input/empty", "file is empty"),
        ("package.json", "input/not-a-post", "no `link`"),
        ("latin.json", "input/unreadable", "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_the_batch_goes_on(name, rule, cause):
    code, report, stderr = run_json(DATA / name, EXAMPLES / "clean-post.json")
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and cause in lines[0], stderr
    assert "Traceback" not in stderr
    bad, good = report["documents"]
    assert bad["kind"] == "invalid" and [f["rule"] for f in bad["findings"]] == [rule]
    assert good["kind"] == "wp-post" and good["metadata"]["title"]
    assert report["summary"]["unreadable"] == 1


def test_missing_path_is_exit_2_and_named():
    code, report, stderr = run_json("no/such/post.json", EXAMPLES / "clean-page.html")
    assert code == 2
    assert "no/such/post.json: no such file or directory" in stderr
    assert report["documents"][1]["kind"] == "html"


def test_item_of_a_collection_that_is_no_post():
    code, report, stderr = run_json(DATA / "mixed-collection.json")
    assert code == 2
    assert "mixed-collection.json#/0: a JSON number is not a WordPress REST object" in stderr
    assert report["documents"][1]["kind"] == "wp-post"
    assert findings_of(report)[0]["location"] == {"pointer": "/0"}


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_levels_on_the_draft(fail_on, expected):
    # The draft's ?p= URLs are reported as info (and nothing worse): only --fail-on info/warning trips on it.
    code, report, _ = run_json("--fail-on", fail_on, EXAMPLES / "draft-post.json")
    severities = {f["severity"] for f in findings_of(report)}
    assert "error" not in severities
    if fail_on == "warning":
        expected = 1 if "warning" in severities else 0
    assert code == expected


def test_fail_on_never_still_exits_2_on_unreadable_input():
    assert run("check", "--fail-on", "never", DATA / "truncated.json").exit_code == 2


def test_unknown_rule_in_select_is_a_usage_error():
    result = run("check", "--select", "canonical/mising", EXAMPLES / "clean-post.json")
    assert result.exit_code == 2
    assert "unknown rule or category 'canonical/mising' (did you mean 'canonical/missing'?)" in result.stderr


def test_select_a_category_limits_the_rules():
    _, report, _ = run_json("--select", "schema", EXAMPLES / "broken-canonical.json")
    assert {f["category"] for f in findings_of(report)} <= {"schema", "input"}


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.exit_code == 0
    for rule_id in all_rules():
        assert rule_id in result.stdout


def test_explain_prints_the_docstring():
    result = run("explain", "canonical/missing")
    assert result.exit_code == 0
    assert "Why it matters" in result.stdout and "canonical/missing" in result.stdout


def test_explain_unknown_rule_suggests():
    result = run("explain", "canonical/missin")
    assert result.exit_code == 2
    assert "did you mean 'canonical/missing'" in result.stderr


def test_piped_rich_report_is_not_padded_and_never_cuts_a_url():
    result = subprocess.run([sys.executable, "-m", "seoaudit", "check", str(EXAMPLES)], capture_output=True,
                            text=True, env={"COLUMNS": "80", "PATH": ""}, cwd=ROOT)
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    urls = {u for d in run_json(EXAMPLES)[1]["documents"] for f in d["findings"] for u in re.findall(r"https?://\S+",
                                                                                                   f["message"])}
    assert urls and all(url in result.stdout for url in urls)  # each whole, on one line
    assert "documents:" in lines[-1]


def test_min_severity_hides_findings_but_not_their_counts_or_the_exit_code():
    all_lines = run("check", EXAMPLES, "-f", "concise").stdout.splitlines()
    errors = run("check", EXAMPLES, "-f", "concise", "--min-severity", "error")
    assert errors.exit_code == 1 and errors.stdout.splitlines()[-1] == all_lines[-1]  # the same summary
    assert [line for line in all_lines[:-1] if ": error " in line] == errors.stdout.splitlines()[:-1]
    warned = run("check", EXAMPLES / "draft-post.json", "--min-severity", "warning", "--fail-on", "info")
    assert warned.exit_code == 1 and "canonical/draft-placeholder" not in warned.stdout


# -- the small things of the usability review -------------------------------------------------------------


def seoaudit(*args: str, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "seoaudit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={"NO_COLOR": "1", "COLUMNS": "80", "PATH": ""}, **kwargs)


@pytest.mark.parametrize("args", [["check", "x", "--fial-on", "warning"], ["check"],
                                  ["check", "examples", "--fail-on", "sometimes"], ["explain"]])
def test_usage_errors_are_one_line_like_every_other_error(args):
    result = seoaudit(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("seoaudit: error: "), result.stderr
    assert "╭" not in result.stderr


def test_short_help_and_no_type_placeholders():
    for command in ("check", "site", "rules", "explain"):
        result = seoaudit(command, "-h")
        assert result.returncode == 0 and result.stdout.startswith(f"Usage: seoaudit {command} [OPTIONS]")
        assert not any(token in result.stdout for token in ("<bool>", "<list[str]>", "<str>", "<path>", "{")), command
    top = seoaudit("-h").stdout
    commands = top.split("Commands:\n")[1]
    assert "check    Audit files, folders, URLs and sitemaps.\n" in commands and "..." not in commands


@pytest.mark.parametrize("fmt", ["rich", "ndjson", "github"])
def test_a_closed_pipe_exits_141_for_every_format(tmp_path, fmt):
    for n in range(40):  # enough output to fill the pipe before the reader goes
        shutil.copytree(EXAMPLES, tmp_path / f"copy{n}", ignore=shutil.ignore_patterns("ci"))
    script = f'{sys.executable} -m seoaudit check {tmp_path} -f {fmt} | head -1 >/dev/null; echo "${{PIPESTATUS[0]}}"'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=ROOT, env={"NO_COLOR": "1"})
    assert result.stdout.strip() == "141", result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_rules_is_one_line_per_rule_and_json():
    text = seoaudit("rules").stdout
    assert len(text.splitlines()) == len(all_rules())
    first = next(iter(all_rules().values()))
    assert text.splitlines()[0].split()[:2] == [first.id, first.severity.label]
    listed = json.loads(seoaudit("rules", "--format", "json").stdout)
    assert [r["id"] for r in listed] == list(all_rules())
    assert {"id", "category", "severity", "summary", "options", "help_uri", "doc"} <= set(listed[0])
    assert [r["id"] for r in json.loads(seoaudit("rules", "sitemap", "-f", "json").stdout)] == [
        r for r in all_rules() if r.startswith("sitemap/")]


def test_the_python_api_takes_a_decoded_json_value():
    import seoaudit as api

    report = api.audit(json.loads((EXAMPLES / "clean-post.json").read_text()))
    assert [(r.document.source, r.document.kind) for r in report.documents] == [("<json>", "wp-post")]
    assert len(api.audit(json.loads((EXAMPLES / "posts-collection.json").read_text())).documents) == 2
    assert api.audit([]).documents == []


def test_shell_completion_is_available():
    # typer's --show-completion is a flag that asks shellingham for the calling shell, which is not there when
    # the tests run without a shell among their parents; typer's own switch makes it take the shell named.
    shown = subprocess.run([sys.executable, "-m", "seoaudit", "--show-completion", "bash"], capture_output=True,
                           text=True, cwd=ROOT, env={"PATH": "", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert "_SEOAUDIT_COMPLETE" in shown.stdout, (shown.returncode, shown.stderr)
    env = {"_SEOAUDIT_COMPLETE": "complete_bash", "COMP_WORDS": "seoaudit check --fa", "COMP_CWORD": "2", "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "seoaudit"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.stdout.split() == ["--fail-on"]


def test_a_report_path_that_is_a_folder_is_named(tmp_path):
    result = seoaudit("check", "examples/clean-post.json", "-f", f"json:{tmp_path}/")
    assert result.returncode == 2 and f"{tmp_path}" in result.stderr and ".tmp" not in result.stderr
