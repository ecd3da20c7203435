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


BROKEN_CASE = "rule: title/width-px-too-wide\nbroken:\n"  # then the case's body
FILE, CASE = "title/width-px-too-wide.yml", "title/width-px-too-wide.yml, case 'broken'"


@pytest.mark.parametrize("text, where, complaint", [
    # the file
    ("rule: title/width-px-too-wide\n", FILE, "has no cases"),
    ("- a list\n", FILE, "must be a mapping whose `rule` key"),
    ("rule: title/nope\nc:\n  html: x\n  pass: true\n", FILE, "`rule: title/nope` is no rule"),
    ("rule: title/missing\nc:\n  html: x\n  pass: true\n", FILE, "the cases of title/missing belong in"),
    ("rule: title/width-px-too-wide\nc: [\n", FILE, "while parsing"),
    # one case
    (BROKEN_CASE + "  html: x\n", CASE, "either `pass: true` or `findings:`"),
    (BROKEN_CASE + "  html: x\n  json: '{}'\n  pass: true\n", CASE, "exactly one input"),
    (BROKEN_CASE + "  html: x\n  finding: []\n", CASE, "unknown keys ['finding']"),
    (BROKEN_CASE + "  documents: [{html: x, title: y}]\n  pass: true\n", CASE, "document 1: unknown keys ['title']"),
    (BROKEN_CASE + "  html: x\n  findings: [{severity: error}]\n", CASE, "must be a mapping with a non-empty"),
    (BROKEN_CASE + "  html: x\n  findings: [{message: ''}]\n", CASE, "must be a mapping with a non-empty"),
    (BROKEN_CASE + "  html: x\n  findings: [{message: a, where: 1}]\n", CASE, "finding 1 has unknown keys ['where']"),
    (BROKEN_CASE + "  html: x\n  options: {max_px: -1}\n  pass: true\n", CASE, "max_px"),
])
def test_a_malformed_file_or_case_fails_naming_them(tmp_path, monkeypatch, text, where, complaint):
    path = tmp_path / FILE
    path.parent.mkdir()
    path.write_text(text)
    monkeypatch.setattr("tests.rules.cases.CASES", tmp_path)
    [case] = load_cases(path)
    assert case.error.startswith(where) and complaint in case.error, case.error
