"""Every output format on examples/: golden files, and the contracts each format promises.

The goldens in tests/golden/ are the CLI's output for `seoaudit check examples --isolated -f FORMAT`, run
from the repository root. Rule findings change as rules are added; regenerate them with

    SEOAUDIT_UPDATE_GOLDENS=1 pytest tests/test_formats.py

and review the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from functools import cache

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit import REPORT_VERSION
from seoaudit.cli import app
from seoaudit.engine import Config, audit
from seoaudit.load import load_paths
from seoaudit.positions import pointer_lines
from seoaudit.report import FORMATS, RenderOptions, formatter

from .conftest import ROOT, SHARED

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("SEOAUDIT_UPDATE_GOLDENS") == "1"
SUFFIX = {"rich": "txt", "concise": "txt", "json": "json", "ndjson": "ndjson", "sarif": "sarif", "junit": "xml",
          "github": "txt", "markdown": "md"}
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
runner = CliRunner()


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # sources relative to the repository, as in CI
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["check", "--isolated", *map(str, args)], input=stdin)


@cache
def report_schema() -> dict:
    return json.loads((ROOT / "seoaudit" / "schemas" / "report.schema.json").read_text())


def validate_sarif(text: str) -> dict:
    sarif = json.loads(text)
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    return sarif


def validate_ndjson(text: str) -> list[dict]:
    lines = [json.loads(line) for line in text.splitlines()]
    line_schema = {"$ref": "#/$defs/ndjsonLine", "$defs": report_schema()["$defs"],
                   "properties": report_schema()["properties"]}
    for line in lines:
        jsonschema.validate(line, line_schema)
    return lines


# html is left out: a golden would be a copy of its styles and script (test_html_report.py checks its output).
@pytest.mark.parametrize("name", [name for name in FORMATS if name != "html"])
def test_golden_output_on_the_examples(name, tmp_path):
    # Through a file, so that `rich` is its plain-text rendering (on a terminal it is coloured and padded).
    out = tmp_path / f"report.{SUFFIX[name]}"
    result = run("examples", "--format", f"{name}:{out}")
    assert result.exit_code == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    golden = GOLDEN / f"examples.{name}.{SUFFIX[name]}"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    if not golden.exists():
        pytest.skip(f"no golden yet: SEOAUDIT_UPDATE_GOLDENS=1 pytest {__file__}")
    assert text == golden.read_text(encoding="utf-8"), (
        f"{name} output changed: review, then SEOAUDIT_UPDATE_GOLDENS=1 pytest tests/test_formats.py")


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"rich"}))
def test_machine_formats_carry_no_colour_banner_or_absolute_path(name):
    result = runner.invoke(app, ["check", "--isolated", "examples", "--format", name, "--color", "always"])
    assert "\x1b[" not in result.stdout
    assert str(ROOT) not in result.stdout
    assert result.stderr == ""


def test_output_is_deterministic():
    first = run("examples", "-f", "sarif").stdout
    assert first == run("examples", "-f", "sarif").stdout


def test_json_validates_against_the_package_schema():
    report = json.loads(run("examples", "-f", "json").stdout)
    jsonschema.validate(report, report_schema())
    assert report["version"] == REPORT_VERSION
    assert report["summary"]["by_rule"] and sum(report["summary"]["by_rule"].values()) == report["summary"]["findings"]


def test_ndjson_is_one_document_per_line_then_late_findings_then_the_summary():
    lines = validate_ndjson(run("examples", "-f", "ndjson").stdout)
    report = json.loads(run("examples", "-f", "json").stdout)
    n = len(report["documents"])
    types = [line["type"] for line in lines]
    assert types[:n] == ["document"] * n and types[-1] == "summary" and set(types[n:-1]) <= {"late"}
    # A document line plus its late line (rules across documents) is the JSON report's document.
    late = {line["source"]: line["findings"] for line in lines if line["type"] == "late"}
    for line, document in zip(lines[:n], report["documents"], strict=True):
        merged = line["findings"] + late.get(line["source"], [])
        assert sorted(map(json.dumps, merged)) == sorted(map(json.dumps, document["findings"]))
        assert {k: v for k, v in line.items() if k not in ("type", "findings")} == {
            k: v for k, v in document.items() if k != "findings"}
    assert lines[-1]["summary"] == report["summary"]


def test_ndjson_render_of_a_whole_report_has_no_late_lines():
    report = audit(load_paths(["examples"]), Config())
    lines = validate_ndjson(formatter("ndjson").render(report, RenderOptions()))
    assert {line["type"] for line in lines} == {"document", "summary"}


def test_ndjson_streams_each_document_before_the_next_is_audited(capsys):
    from seoaudit.cli import Color, _Output
    from seoaudit.engine import Auditor
    from seoaudit.run import Run

    seen: list[str] = []
    output = _Output("ndjson", None, RenderOptions(), Color.never)

    def documents():
        for document in load_paths(["examples/clean-post.json", "examples/clean-page.html"]):
            seen.append(capsys.readouterr().out)  # what reached stdout before this document was read
            yield document

    for result in Run(Auditor.compile(Config())).results(documents()):
        output.formatter.document(result)
    assert seen[0] == ""
    assert json.loads(seen[1])["source"] == "examples/clean-post.json"


def test_sarif_is_valid_and_locates_every_result():
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is absent")
    sarif = validate_sarif(run("examples", "-f", "sarif").stdout)
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["ruleId"] for r in run_["results"]})
    for rule in rules:
        assert rule["shortDescription"]["text"] and "help" in rule and rule["help"]["markdown"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("examples/") and "#" not in uri
        assert location["physicalLocation"]["region"]["startLine"] >= 1  # code scanning needs a line
        if uri.endswith(".json"):
            pointer = location["logicalLocations"][0]["fullyQualifiedName"]
            assert pointer.startswith("/") and result["properties"]["location"]["pointer"] == pointer
        assert re.fullmatch(r"[0-9a-f]{32}:[1-9][0-9]*", result["partialFingerprints"]["seoaudit/v1"])
    prints = [r["partialFingerprints"]["seoaudit/v1"] for r in run_["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_region_of_a_json_pointer_is_its_line_in_the_file():
    sarif = json.loads(run("examples/posts-collection.json", "-f", "sarif").stdout)
    lines = pointer_lines((ROOT / "examples" / "posts-collection.json").read_text())
    for result in sarif["runs"][0]["results"]:
        pointer = result["properties"]["location"]["pointer"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == lines[pointer]


def test_sarif_of_unreadable_input_is_valid_and_says_so():
    result = run("tests/data/truncated.json", "-f", "sarif")
    assert result.exit_code == 2
    sarif = validate_sarif(result.stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "truncated.json" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert sarif["runs"][0]["results"][0]["ruleId"] == "input/invalid-json"


def test_junit_has_one_testcase_per_document():
    text = run("examples", "-f", "junit").stdout
    root = ET.fromstring(text.encode())
    report = json.loads(run("examples", "-f", "json").stdout)
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [d["source"] for d in report["documents"]]
    assert root.get("tests") == root.find("testsuite").get("tests") == str(len(report["documents"]))
    # Default --fail-on error: exactly the documents with an error fail, with every error in the failure text.
    failing = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    errors = {d["source"]: [f for f in d["findings"] if f["severity"] == "error"] for d in report["documents"]}
    assert set(failing) == {source for source, found in errors.items() if found}
    assert root.get("failures") == str(len(failing)) and root.get("errors") == "0" and root.get("skipped") == "0"
    for source, failure in failing.items():
        assert failure.get("type") == "error" and failure.get("message").startswith(f"{len(errors[source])} finding")
        assert [line.split()[2] for line in failure.text.splitlines()] == [f["rule"] for f in errors[source]]
    # No testcase per rule: a live-only rule is never reported as passed on a saved file.
    assert "url/redirect-chain" not in text


def test_junit_fail_on_decides_what_is_a_failure():
    only = ("examples/draft-post.json", "--select", "canonical/draft-placeholder", "-f", "junit")
    lenient = ET.fromstring(run(*only).stdout.encode())
    strict = ET.fromstring(run(*only, "--fail-on", "info").stdout.encode())
    assert lenient.get("failures") == "0" and strict.get("failures") == "1"
    assert "canonical/draft-placeholder" in lenient.find(".//system-out").text


def test_junit_unreadable_document_is_an_error():
    root = ET.fromstring(run("tests/data/truncated.json", "-f", "junit").stdout.encode())
    assert root.get("errors") == "1" and root.get("failures") == "0"
    assert root.find(".//error").get("message").startswith("invalid JSON at line 3")


def test_github_annotations_name_file_line_and_rule():
    *lines, site = run("examples", "-f", "github").stdout.splitlines()
    report = json.loads(run("examples", "-f", "json").stdout)
    assert site.startswith("::notice title=seoaudit site::site: 9 indexable, 0 noindex")  # the run as a site, last
    assert len(lines) == report["summary"]["findings"]
    assert all(line.startswith(("::error file=examples/", "::warning file=examples/", "::notice file=examples/"))
               for line in lines)
    # In any order (the rules across documents come last), a finding about a whole file has no line.
    located = sorted((d["source"].split("#")[0], f["rule"], bool(f["location"]))
                     for d in report["documents"] for f in d["findings"])
    annotated = sorted((re.search(r"file=([^,]+)", line).group(1), re.search(r"title=([^:]+)::", line).group(1),
                        ",line=" in line) for line in lines)
    assert annotated == located
    assert all(",title=" in line for line in lines)
    assert any(line.startswith("::warning file=examples/broken-page.html,line=7,title=canonical/relative::")
               for line in lines)


def test_github_escapes_what_the_runner_would_misread():
    from seoaudit.engine import DocumentResult, Report
    from seoaudit.model import Document, Finding, Location, Severity

    finding = Finding("canonical/missing", "canonical", Severity.WARNING, "50% off\nnext, line: x",
                      Location(line=3))
    report = Report([DocumentResult(Document("a,b:c.html", "html"), [finding], {})])
    text = formatter("github").render(report, RenderOptions())
    assert text == "::warning file=a%2Cb%3Ac.html,line=3,title=canonical/missing::50% off%0Anext, line: x\n".replace(
        "50% off", "50%25 off")


def test_markdown_summary_counts_and_tables():
    text = run("examples", "-f", "markdown").stdout
    report = json.loads(run("examples", "-f", "json").stdout)
    counts = report["summary"]["by_severity"]
    assert text.startswith("## seoaudit\n\n❌ **Failed** (fails on error)")
    assert f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info" in text
    for rule_id, count in report["summary"]["by_rule"].items():
        assert f"| `{rule_id}` |" in text and f"| {count} |" in text
    assert text.count("<details>") == sum(1 for d in report["documents"] if d["findings"])


def test_markdown_of_a_clean_run_passes():
    text = run("examples/clean-post.json", "--select", "canonical", "-f", "markdown").stdout
    assert text.startswith("## seoaudit\n\n✅ **Passed**") and "<details>" not in text


def test_rich_quiet_and_statistics():
    quiet = run("examples", "--quiet").stdout.splitlines()
    assert len(quiet) == 1 and quiet[0].startswith("10 documents:")
    stats = run("examples", "--statistics").stdout
    report = json.loads(run("examples", "-f", "json").stdout)
    for rule_id, count in report["summary"]["by_rule"].items():
        assert any(line.split()[0] == str(count) and line.split()[2] == rule_id for line in stats.splitlines())
    assert "examples/broken-page.html · html" not in stats


@pytest.mark.parametrize(("color", "coloured"), [("always", True), ("never", False)])
def test_color_flag(color, coloured, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    out = run("examples/broken-page.html", "--color", color).stdout
    assert ("\x1b[" in out) is coloured


# -- where reports go -------------------------------------------------------------------------------


def test_several_formats_each_to_its_own_file(tmp_path):
    sarif, junit, md = tmp_path / "a.sarif", tmp_path / "sub" / "j.xml", tmp_path / "s.md"
    result = run("examples", "--format", "sarif", "--output", sarif, "--format", f"junit:{junit}",
                 "--format", "markdown", "--output", md)
    assert result.exit_code == 1
    validate_sarif(sarif.read_text())
    ET.parse(junit)
    assert md.read_text().startswith("## seoaudit")
    assert result.stdout.startswith("10 documents:")  # no report on stdout: the summary line is
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.sarif", "j.xml", "s.md", "sub"]  # no temporaries


def test_one_report_on_stdout_and_one_in_a_file(tmp_path):
    result = run("examples/clean-post.json", "-f", "json", "-f", f"ndjson:{tmp_path / 'r.ndjson'}")
    assert json.loads(result.stdout)["documents"][0]["kind"] == "wp-post"
    validate_ndjson((tmp_path / "r.ndjson").read_text())


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "sarf"], "unknown format 'sarf' (did you mean 'sarif'?)"),
    (["-f", "json", "-f", "sarif"], "only one report can go to stdout"),
    (["-f", "json", "-f", "sarif", "-o", "x.sarif"], "1 --output for 2 --format without a file"),
    (["-f", "json:"], "give a file after the colon"),
])
def test_format_and_output_misuse_is_a_usage_error(args, message):
    result = run("examples/clean-post.json", *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_reports_are_replaced_atomically(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("the last good report")
    import seoaudit.report.json_report as json_report

    def broken(self, report):
        self.write('{"version": ')  # half a report reached the temporary file
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(json_report.JsonFormatter, "finish", broken)
    result = run("examples/clean-post.json", "-f", f"json:{target}")
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert target.read_text() == "the last good report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_unwritable_output_is_a_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("examples/clean-post.json", "-f", f"json:{blocker / 'report.json'}")
    assert result.exit_code == 2 and "cannot write" in result.stderr


# -- the Python API and the pieces ---------------------------------------------------------------------


def test_every_formatter_renders_an_api_report():
    report = audit(load_paths(["examples"]), Config())
    for name in FORMATS:
        text = formatter(name).render(report, RenderOptions())
        assert text.strip(), name


def test_pointer_lines_follow_members_and_items():
    text = '{\n  "a": 1,\n  "b": [\n    {"c": "x\\ny"},\n    2\n  ],\n  "d/e": {}\n}\n'
    assert pointer_lines(text) == {"": 1, "/a": 2, "/b": 3, "/b/0": 4, "/b/0/c": 4, "/b/1": 5, "/d~1e": 7}


def test_pointer_lines_stop_quietly_on_broken_json():
    assert pointer_lines('{"a": [1, ') == {"": 1, "/a": 1, "/a/0": 1}


def test_rich_text_render_is_plain():
    report = audit(load_paths(["examples/broken-page.html"]), Config())
    text = formatter("rich").render(report, RenderOptions())
    assert "\x1b[" not in text and "canonical/relative" in text
    assert isinstance(io.StringIO(text).readline(), str)


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"rich"}))
def test_stdout_and_a_file_get_the_same_report(name, tmp_path):
    out = tmp_path / "report"
    to_file = run("examples/broken-page.html", "examples/posts-collection.json", "-f", f"{name}:{out}")
    to_stdout = run("examples/broken-page.html", "examples/posts-collection.json", "-f", name)
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert to_file.stdout.startswith("3 documents:")


def test_sarif_rules_have_help_uris_and_locations_are_project_relative(tmp_path, monkeypatch):
    sarif = json.loads(run("examples", "-f", "sarif").stdout)
    run_ = sarif["runs"][0]
    for rule in run_["tool"]["driver"]["rules"]:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert (ROOT / "docs" / "rules" / f"{rule['id']}.md").is_file()
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_["results"]]
    assert all(loc["uriBaseId"] == "%SRCROOT%" and loc["uri"].startswith("examples/") for loc in locations)
    # From a subfolder, the same project-relative paths (the project root is the git work tree's root here).
    monkeypatch.chdir(ROOT / "examples")
    inner = json.loads(runner.invoke(app, ["check", "--isolated", ".", "-f", "sarif"]).stdout)
    inner_uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in inner["runs"][0]["results"]]
    assert sorted(inner_uris) == sorted(loc["uri"] for loc in locations)


def test_json_findings_have_help_uris_and_the_graph_only_on_request():
    report = json.loads(run("examples/clean-post.json", "-f", "json").stdout)
    document = report["documents"][0]
    assert "jsonld" not in document["metadata"] and document["metadata"]["canonical"]
    assert all(f["help_uri"].endswith(f"/docs/rules/{f['rule']}.md") for f in document["findings"])
    full = json.loads(run("examples/clean-post.json", "-f", "json", "--full-metadata").stdout)
    assert full["documents"][0]["metadata"]["jsonld"][0]["@context"] == "https://schema.org"
    for data in (report, full):
        jsonschema.validate(data, report_schema())
    size = len(run("examples", "-f", "json").stdout)
    assert size < len(run("examples", "-f", "json", "--full-metadata").stdout)


def test_concise_has_a_file_line_for_json_inputs_too():
    lines = run("examples/posts-collection.json", "examples/broken-page.html", "-f", "concise").stdout.splitlines()
    pointer_line = pointer_lines((ROOT / "examples" / "posts-collection.json").read_text())
    report = json.loads(run("examples/posts-collection.json", "examples/broken-page.html", "-f", "json").stdout)
    expected = []
    for document in report["documents"]:
        path = document["source"].split("#")[0]
        for f in document["findings"]:
            where = f["location"]
            line = pointer_line.get(where["pointer"]) if "pointer" in where else where.get("line")
            expected.append((path, line, f["severity"], f["rule"]))
    found = [re.match(r"([^:]+):(?:(\d+):)?(?:\d+:)? (\w+) (\S+) ", line).groups() for line in lines[:-1]]
    assert sorted((p, int(n) if n else 0, s, r) for p, n, s, r in found) == sorted(
        (p, n or 0, s, r) for p, n, s, r in expected)  # the rules across documents come after the rest
    assert lines[-1].startswith("3 documents:") and "; site: 3 indexable" in lines[-1]


class _Summary:
    def __init__(self, **counts):
        self.counts = counts

    def summary(self):
        return {"documents": self.counts.get("documents", 2), "unreadable": self.counts.get("unreadable", 0),
                "by_severity": {"error": self.counts.get("error", 0), "warning": self.counts.get("warning", 0),
                                "info": self.counts.get("info", 0)},
                "suppressed": self.counts.get("suppressed", 0), "baselined": self.counts.get("baselined", 0)}


@pytest.mark.parametrize("counts", [{}, {"documents": 1, "error": 1}, {"error": 3, "warning": 1, "info": 2},
                                    {"unreadable": 2, "suppressed": 1, "baselined": 4}])
def test_the_plain_summary_line_is_what_rich_prints_to_a_file(counts, monkeypatch):
    # A run whose reports all go to files prints its summary line without rich (cli._unstyled): the same text.
    from rich.console import Console

    from seoaudit.cli import Color, _unstyled
    from seoaudit.report import plain_summary
    from seoaudit.report.rich_report import summary_line

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    report, stream = _Summary(**counts), io.StringIO()
    assert _unstyled(stream, Color.auto) and not _unstyled(stream, Color.always)
    Console(file=stream, highlight=False).print(summary_line(report), soft_wrap=True)
    assert stream.getvalue() == plain_summary(report) + "\n"


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": [1, {"b": "é"}]}, "x", [], {}]])
@pytest.mark.parametrize("level", [0, 2])
def test_a_frame_joins_items_rendered_apart_into_the_text_of_the_whole(items, level):
    from seoaudit.jsontext import Frame, dumps

    # A page's text cannot be taken for the list's place (the mark is drawn afresh by each process).
    skeleton = {"source": "a.html", "metadata": {"title": "\x00seoaudit:items\x00"}, "findings": [Frame.HOLE]}
    frame = Frame(skeleton, level)
    whole = {**skeleton, "findings": items}
    assert frame.join([frame.render(item) for item in items]) == dumps(whole, level)
    assert dumps(whole, level) == json.dumps(whole, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
