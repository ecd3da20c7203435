"""The CI integrations in the repository: the GitHub Action, the pre-commit hook, the example workflows."""

from __future__ import annotations

import re

import pytest

from seoaudit.report import FORMATS

from .conftest import EXAMPLES, ROOT

yaml = pytest.importorskip("yaml")

README = (ROOT / "README.md").read_text(encoding="utf-8")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOWS = sorted((EXAMPLES / "ci").glob("*.yml"))


def test_action_is_a_composite_that_uploads_sarif_before_failing():
    steps = ACTION["runs"]["steps"]
    assert ACTION["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in steps]
    upload = next(i for i, u in enumerate(uses) if u.startswith("github/codeql-action/upload-sarif@"))
    fail = next(i for i, step in enumerate(steps) if step.get("name") == "Fail on findings")
    assert upload < fail
    assert {"paths", "fail-on", "format", "upload-sarif"} <= set(ACTION["inputs"])


def test_action_inputs_reach_the_shell_only_through_env():
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"step {step.get('name')!r} expands an expression inside run"


def test_readme_lists_every_action_input():
    line = next(p for p in README.split("\n\n") if "composite action in `action.yml`" in p)
    listed = re.findall(r"`([a-z-]+)`", line.split("(inputs:")[1].split(";")[0])
    assert listed == list(ACTION["inputs"])


def test_pre_commit_hook_runs_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "seoaudit" and hooks[0]["entry"] == "seoaudit check"
    assert set(hooks[0]["types_or"]) == {"json", "html"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_example_workflows_parse_and_use_real_formats(path):
    text = path.read_text(encoding="utf-8")
    yaml.safe_load(text)
    formats = re.findall(r"(?:--format|-f) ([a-z]+)", text)
    assert formats and set(formats) <= set(FORMATS)


def test_readme_recipes_use_real_formats():
    formats = re.findall(r"seoaudit check [^\n]*", README)
    used = {f for line in formats for f in re.findall(r"(?:--format|-f) ([a-z]+)", line)}
    assert used and used <= set(FORMATS)


def test_the_examples_folder_holds_only_audit_inputs_besides_ci():
    # `seoaudit check examples/` walks every .json/.html/.htm below it: CI files must not be among them.
    stray = [p for p in (EXAMPLES / "ci").rglob("*") if p.suffix.lower() in (".json", ".html", ".htm")]
    assert stray == []
