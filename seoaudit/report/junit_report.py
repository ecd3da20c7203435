"""JUnit XML, for the test-report views of GitLab, Jenkins, Azure DevOps and CircleCI.

One `<testsuite>` per document (named by its source), one `<testcase>` per rule that ran on it
(`classname` = the source, `name` = the rule id), in rule order. A testcase with findings at or above
the fail level (`--fail-on`) has one `<failure>` (`type` = the worst severity, `message` = the first
finding's message, text = every finding, one per line); findings below the fail level pass and are
listed in `<system-out>`. On an unreadable document the input rule that reports it has an `<error>`
instead, and the other rules did not run. Counts: `tests` = testcases, `failures` = testcases with a
`<failure>`, `errors` = testcases with an `<error>`, `skipped` = 0. No `time` or `timestamp`: output is
reproducible. Written from the run's spool in two passes (the counts, then the suites), a suite at a time.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from ..model import Finding
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
COUNTS = ("tests", "failures", "errors")


class JunitFormatter(Formatter):
    NEEDS = frozenset({"rules"})

    def finish(self, report: Report) -> None:
        totals = [0, 0, 0]
        for result in report.documents:
            for i, count in enumerate(_counts(_cases(result, self.options), result.unreadable)):
                totals[i] += count
        root = ET.Element("testsuites", name="seoaudit")
        for key, value in zip(COUNTS, totals, strict=True):
            root.set(key, str(value))
        root.set("skipped", "0")
        empty = ET.tostring(root, encoding="unicode")  # <testsuites … />
        self.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        suites = 0
        for result in report.documents:
            suite = _suite(result, self.options)
            ET.indent(suite, level=1)
            self.write((empty[:-3] + ">\n  " if suites == 0 else "\n  ") + ET.tostring(suite, encoding="unicode"))
            suites += 1
        self.write("\n</testsuites>\n" if suites else empty + "\n")


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(JunitFormatter, report, options)


def _cases(result: DocumentResult, options: RenderOptions) -> list[tuple[str, list[Finding], list[Finding]]]:
    """(rule id, findings at or above the fail level, the others) for every rule that ran or found something."""
    by_rule = {rule: list(group) for rule, group in groupby(sorted(result.findings, key=lambda f: f.rule),
                                                            key=lambda f: f.rule)}
    cases = []
    for rule_id in sorted(set(result.rules) | set(by_rule)):
        findings = by_rule.get(rule_id, [])
        failing = [f for f in findings if options.fail_on is not None and f.severity >= options.fail_on]
        cases.append((rule_id, failing, [f for f in findings if f not in failing]))
    return cases


def _counts(cases: list, unreadable: bool) -> tuple[int, int, int]:
    failed = sum(1 for _, failing, _ in cases if failing)
    return len(cases), 0 if unreadable else failed, failed if unreadable else 0


def _suite(result: DocumentResult, options: RenderOptions) -> ET.Element:
    source = result.document.display_source
    suite = ET.Element("testsuite", name=source)
    cases = _cases(result, options)
    for rule_id, failing, passing in cases:
        case = ET.SubElement(suite, "testcase", classname=source, name=rule_id)
        if failing:
            worst = max(f.severity for f in failing)
            tag = "error" if result.unreadable else "failure"
            element = ET.SubElement(case, tag, type=worst.label, message=_clean(failing[0].message))
            element.text = "\n".join(_line(f) for f in failing)
        if passing:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in passing)
    for key, value in zip(COUNTS, _counts(cases, result.unreadable), strict=True):
        suite.set(key, str(value))
    suite.set("skipped", "0")
    return suite


def _line(finding: Finding) -> str:
    return _clean(f"{finding.severity.label} {finding.rule} at {finding.location.describe()}: {finding.message}")


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)
