"""JUnit XML, for the test-report views of GitLab, Jenkins, Azure DevOps and CircleCI.

One `<testsuite>` per document (named by its source), one `<testcase>` per rule that ran on it
(`classname` = the source, `name` = the rule id), in rule order. A testcase with findings at or above
the fail level (`--fail-on`) has one `<failure>` (`type` = the worst severity, `message` = the first
finding's message, text = every finding, one per line); findings below the fail level pass and are
listed in `<system-out>`. On an unreadable document the input rule that reports it has an `<error>`
instead, and the other rules did not run. Counts: `tests` = testcases, `failures` = testcases with a
`<failure>`, `errors` = testcases with an `<error>`, `skipped` = 0. No `time` or `timestamp`: output is
reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from ..engine import DocumentResult, Report
from ..model import Finding
from . import RenderOptions

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    root = ET.Element("testsuites", name="seoaudit")
    totals = [0, 0, 0]
    for result in report.documents:
        suite = _suite(result, options)
        root.append(suite)
        for i, key in enumerate(("tests", "failures", "errors")):
            totals[i] += int(suite.get(key, "0"))
    for key, value in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(value))
    root.set("skipped", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: DocumentResult, options: RenderOptions) -> ET.Element:
    source = result.document.display_source
    suite = ET.Element("testsuite", name=source)
    by_rule = {rule: list(group) for rule, group in groupby(sorted(result.findings, key=lambda f: f.rule),
                                                            key=lambda f: f.rule)}
    failures = errors = 0
    names = sorted(set(result.rules) | set(by_rule))
    for rule_id in names:
        case = ET.SubElement(suite, "testcase", classname=source, name=rule_id)
        findings = by_rule.get(rule_id, [])
        failing = [f for f in findings if options.fail_on is not None and f.severity >= options.fail_on]
        passing = [f for f in findings if f not in failing]
        if failing:
            worst = max(f.severity for f in failing)
            tag = "error" if result.unreadable else "failure"
            element = ET.SubElement(case, tag, type=worst.label, message=_clean(failing[0].message))
            element.text = "\n".join(_line(f) for f in failing)
            errors += tag == "error"
            failures += tag == "failure"
        if passing:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in passing)
    suite.set("tests", str(len(names)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite


def _line(finding: Finding) -> str:
    return _clean(f"{finding.severity.label} {finding.rule} at {finding.location.describe()}: {finding.message}")


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)
