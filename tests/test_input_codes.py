"""Input problem codes are the ids of the input rules that report them (seoaudit.model.InputCode)."""

from __future__ import annotations

import pytest

from seoaudit.engine import audit_document
from seoaudit.model import Document, InputCode, InputProblem, Location
from seoaudit.registry import all_rules


def reported(code: InputCode) -> list[str]:
    """The rules every registered rule finds on a document that could not be read for `code`."""
    document = Document("post.json", "invalid", problem=InputProblem(code, "why", Location(pointer="/x")))
    return [finding.rule for finding in audit_document(document).findings]


@pytest.mark.parametrize("code", list(InputCode))
def test_each_code_is_reported_by_its_own_rule_alone(code):
    assert all_rules()[code.value].id.startswith("input/")
    assert reported(code) == [code.value]


def test_the_codes_are_exactly_the_input_rules_that_report_problems():
    # A new code without a rule, or a rule that reports another rule's code, fails here.
    reporting = {rule for code in InputCode for rule in reported(code)}
    assert reporting == {code.value for code in InputCode}
    # The member's name is its rule's: InputCode.NOT_A_POST is input/not-a-post.
    assert all(code.value == "input/" + code.name.lower().replace("_", "-") for code in InputCode)


def test_the_violation_says_where_the_document_is_and_why():
    document = Document("export.json", "invalid", pointer="/3",
                        problem=InputProblem(InputCode.EMPTY, "file is empty", Location(pointer="/3")))
    (finding,) = audit_document(document).findings
    assert (finding.message, finding.location, finding.fix) == (
        "export.json#/3: file is empty", Location(pointer="/3"),
        "Check the step that produced the file (a fetch that failed, or a redirect to nothing).")
