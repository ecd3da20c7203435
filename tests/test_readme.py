"""The README's promises: its rule table is the registry's, and its commands are the ones CI runs."""

from __future__ import annotations

from .conftest import ROOT, load_tool


def test_rule_table_matches_the_registry():
    tool = load_tool("readme_rules")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.with_table(text) == text, "run `python tools/readme_rules.py` to regenerate the rule table"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line.strip() for line in ci.splitlines() if "pytest" in line and not line.startswith("#"))
    assert command in readme


def test_sample_report_is_the_tools_real_output():
    module = load_tool("readme_sample")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.START in text
    assert module.with_sample(text) == text, "run `python tools/readme_sample.py` to regenerate the sample"
