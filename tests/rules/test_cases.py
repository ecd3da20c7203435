"""Every per-rule case file (tests/rules/cases/<category>/<name>.yml, format in tests/rules/cases.py), each case
run against its one rule on the documents it builds."""

from __future__ import annotations

import pytest

from .cases import CASES, all_cases, load_cases, mismatch, run_case

ALL = all_cases()


@pytest.mark.parametrize("case", ALL, ids=[case.id for case in ALL])
def test_case(case):
    if case.error is not None:
        pytest.fail(case.error, pytrace=False)
    problem = mismatch(case, run_case(case))
    if problem is not None:
        pytest.fail(problem, pytrace=False)


def test_every_category_has_case_files():
    from seoaudit.model import CATEGORIES

    assert {path.parent.name for path in CASES.rglob("*.yml")} >= set(CATEGORIES)


@pytest.mark.parametrize("text, complaint", [
    ("rule: title/missing\n", "has no cases"),
    ("- a list\n", "must be a mapping whose `rule` key"),
    ("rule: title/nope\nc:\n  html: x\n  pass: true\n", "`rule: title/nope` is no rule"),
    ("rule: title/missing\nc: [\n", "while parsing"),
])
def test_a_malformed_file_fails_naming_it(tmp_path, monkeypatch, text, complaint):
    path = tmp_path / "title" / "missing.yml"
    path.parent.mkdir()
    path.write_text(text)
    monkeypatch.setattr("tests.rules.cases.CASES", tmp_path)
    [case] = load_cases(path)
    assert case.error.startswith("title/missing.yml") and complaint in case.error


@pytest.mark.parametrize("body, complaint", [
    ("  html: x\n", "either `pass: true` or `findings:`"),
    ("  html: x\n  json: '{}'\n  pass: true\n", "exactly one input"),
    ("  html: x\n  finding: []\n", "unknown keys ['finding']"),
    ("  documents: [{html: x, title: y}]\n  pass: true\n", "document 1: unknown keys ['title']"),
    ("  html: x\n  findings: [{severity: error}]\n", "finding 1 must be a mapping with a non-empty `message`"),
    ("  html: x\n  findings: [{message: ''}]\n", "finding 1 must be a mapping with a non-empty `message`"),
    ("  html: x\n  findings: [{message: a, where: 1}]\n", "finding 1 has unknown keys ['where']"),
    ("  html: x\n  options: {max_px: -1}\n  pass: true\n", "max_px"),
])
def test_a_malformed_case_fails_naming_file_and_case(tmp_path, monkeypatch, body, complaint):
    path = tmp_path / "title" / "width-px-too-wide.yml"
    path.parent.mkdir()
    path.write_text(f"rule: title/width-px-too-wide\nbroken:\n{body}")
    monkeypatch.setattr("tests.rules.cases.CASES", tmp_path)
    [case] = load_cases(path)
    assert case.error.startswith("title/width-px-too-wide.yml, case 'broken'") and complaint in case.error, case.error
