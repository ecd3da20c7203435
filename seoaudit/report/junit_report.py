"""JUnit XML, for the test-report views of GitLab, Jenkins, Azure DevOps and CircleCI.

One `<testcase>` per document (`name` = its source, `file` = its path), in one `<testsuite>`, as linters
that report to these views do: a view of 518 pages has 518 rows, not one per rule and page, and a rule that
could not run on a document (a live fetch on a saved file) is never shown as passed. A document with findings
at or above the fail level (`--fail-on`) has one `<failure>` (`type` = the worst severity, `message` = how many
and the first, text = each of them as `path:line: severity rule message`); findings below the fail level are
in `<system-out>`. An unreadable document is an `<error>`. Counts: `tests` = documents, `failures`,
`errors`, `skipped` = 0. No `time` or `timestamp`: output is reproducible. Written from the run's spool a
testcase at a time (the counts first, in a pass that keeps only them).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..results import DocumentResult, Report, site_line
from . import Formatter, RenderOptions
from . import render as _render
from .concise_report import finding_line

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


class JunitFormatter(Formatter):
    NEEDS = frozenset({"lines"})

    def finish(self, report: Report) -> None:
        outcomes = [_outcome(result, self.options) for result in report.documents]
        counts = {"tests": str(len(outcomes)), "failures": str(outcomes.count("failure")),
                  "errors": str(outcomes.count("error")), "skipped": "0"}
        root = ET.Element("testsuites", name="seoaudit", **counts)
        suite = ET.Element("testsuite", name="seoaudit", **counts)
        opening = ET.tostring(root, encoding="unicode")[:-3] + ">\n  " + ET.tostring(suite, encoding="unicode")[:-3]
        self.write('<?xml version="1.0" encoding="UTF-8"?>\n' + opening)
        if not outcomes:
            self.write(" />\n</testsuites>\n")
            return
        self.write(">")
        site = site_line(report.summary())
        if site:
            properties = ET.Element("properties")
            ET.SubElement(properties, "property", name="site", value=site)
            self.write("\n    " + ET.tostring(properties, encoding="unicode"))
        for result in report.documents:
            case = _case(result, self.options)
            ET.indent(case, level=2)
            self.write("\n    " + ET.tostring(case, encoding="unicode"))
        self.write("\n  </testsuite>\n</testsuites>\n")


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(JunitFormatter, report, options)


def _failing(result: DocumentResult, options: RenderOptions) -> list:
    level = options.fail_on
    return [f for f in result.findings if level is not None and f.severity >= level]


def _outcome(result: DocumentResult, options: RenderOptions) -> str | None:
    return "error" if result.unreadable else "failure" if _failing(result, options) else None


def _case(result: DocumentResult, options: RenderOptions) -> ET.Element:
    """The document's testcase."""
    document = result.document
    case = ET.Element("testcase", classname="seoaudit", name=_clean(document.display_source),
                      file=_clean(document.source))
    failing = _failing(result, options)
    passing = [f for f in result.findings if f not in failing]
    outcome = _outcome(result, options)
    if outcome is not None:
        problem = document.problem
        findings = result.findings if result.unreadable else failing
        first = problem.message if result.unreadable and problem is not None else failing[0].message
        count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
        message = first if result.unreadable else f"{count} at {options.fail_on.label} or above; first: {first}"
        element = ET.SubElement(case, outcome, type=max(f.severity for f in findings).label if findings else "error",
                                message=_clean(message))
        element.text = "\n".join(_clean(finding_line(document.source, f, result.line(f))) for f in findings)
        if result.unreadable:
            passing = []
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(_clean(finding_line(document.source, f, result.line(f)))
                                                          for f in passing)
    return case


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)
