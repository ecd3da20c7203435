"""Every rule documents itself, and its documented examples behave as documented."""

from __future__ import annotations

import re

import pytest

from seoaudit.engine import Config
from seoaudit.registry import all_rules

from .conftest import audit_example, rule_ids

RULES = all_rules()
SECTIONS = ("**What it checks.**", "**Why it matters.**", "**Severity.**", "**Options.**", "**Source.**", "**Fails",
            "**Passes")


def test_rules_exist_in_every_family():
    categories = {rule.category for rule in RULES.values()}
    assert {"input", "canonical", "image", "schema"} <= categories


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_docstring_has_every_section(rule_id):
    doc = RULES[rule_id].doc
    missing = [s for s in SECTIONS if s not in doc]
    assert not missing, f"{rule_id} docstring lacks {missing}"
    module_name = RULES[rule_id].module.rsplit(".", 1)[1]
    assert rule_id.split("/")[1] == module_name.replace("_", "-"), "module name must match the rule id"
    assert RULES[rule_id].module.split(".")[-2] == RULES[rule_id].category


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_severity_paragraph_states_every_case(rule_id):
    rule = RULES[rule_id]
    paragraph = re.search(r"\*\*Severity\.\*\* (.*?)\n\n", rule.doc, re.DOTALL).group(1)
    assert paragraph.startswith(rule.severity.label), f"{rule_id}: the paragraph opens with its default severity"
    for case in (rule.mild, rule.aggravated):
        assert case is None or case.label in paragraph, f"{rule_id}: the paragraph names the {case.label} case"
    assert ("off by default" in paragraph) == rule.opt_in, f"{rule_id}: an opt-in rule says so, and only it"


ENGINE_EMITTED = "**Fails** (engine-emitted"  # no input can make it fail: tests/test_hostile.py covers it


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_example_fails(rule_id):
    examples = [e for e in RULES[rule_id].examples() if e[0] == "Fails"]
    assert examples, f"{rule_id} has no failing example"
    if ENGINE_EMITTED in RULES[rule_id].doc:
        assert rule_id == "input/internal-error", "only the engine's internal errors cannot be shown by an example"
        return
    for _, language, text in examples:  # selected by id: an opt-in rule runs only then
        found = rule_ids(audit_example(language, text, Config(extend_select=(rule_id,))))
        assert rule_id in found, f"{rule_id}: failing example passed"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_example_passes(rule_id):
    examples = [e for e in RULES[rule_id].examples() if e[0] == "Passes"]
    assert examples, f"{rule_id} has no passing example"
    for _, language, text in examples:
        found = rule_ids(audit_example(language, text, Config(extend_select=(rule_id,))))
        assert rule_id not in found, f"{rule_id}: passing example failed"
