"""JUnit XML, for the test-report views of GitLab, Jenkins, Azure DevOps and CircleCI.

One `<testcase>` per document (`name` = its source, `file` = its path), in one `<testsuite>`, as linters
that report to these views do: a view of 518 pages has 518 rows, not one per rule and page, and a rule that
could not run on a document (a live fetch on a saved file) is never shown as passed. A document with findings
at or above the fail level (`--fail-on`) has one `<failure>` (`type` = the worst severity, `message` = how many
and the first, text = each of them as `path:line: severity rule message`); findings below the fail level are
in `<system-out>`. An unreadable document is an `<error>`. Counts: `tests` = documents, `failures`,
`errors`, `skipped` = 0. No `time` or `timestamp`: output is reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..engine import DocumentResult, Report
from . import RenderOptions
from .concise_report import finding_line

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    root = ET.Element("testsuites", name="seoaudit")
    suite = ET.SubElement(root, "testsuite", name="seoaudit")
    outcomes = [_case(suite, result, options) for result in report.documents]
    for element in (root, suite):
        element.set("tests", str(len(outcomes)))
        element.set("failures", str(outcomes.count("failure")))
        element.set("errors", str(outcomes.count("error")))
        element.set("skipped", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, result: DocumentResult, options: RenderOptions) -> str | None:
    """Add the document's testcase; "failure", "error" or None (passed)."""
    document = result.document
    case = ET.SubElement(suite, "testcase", classname="seoaudit", name=_clean(document.display_source),
                         file=_clean(document.source))
    level = options.fail_on
    failing = [f for f in result.findings if level is not None and f.severity >= level]
    passing = [f for f in result.findings if f not in failing]
    outcome = "error" if result.unreadable else "failure" if failing else None
    if outcome is not None:
        problem = document.problem
        findings = result.findings if result.unreadable else failing
        first = problem.message if result.unreadable and problem is not None else failing[0].message
        count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
        message = first if result.unreadable else f"{count} at {level.label} or above; first: {first}"
        element = ET.SubElement(case, outcome, type=max(f.severity for f in findings).label if findings else "error",
                                message=_clean(message))
        element.text = "\n".join(_clean(finding_line(document, f, options)) for f in findings)
        if result.unreadable:
            passing = []
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(_clean(finding_line(document, f, options))
                                                          for f in passing)
    return outcome


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)
