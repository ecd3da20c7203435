"""SARIF 2.1.0, for GitHub code scanning and every SARIF viewer.

- `tool.driver.rules`: the rules that have results (as ruff does), with the summary as
  `shortDescription`, the "What it checks" paragraph as `fullDescription`, the whole rule docstring
  as `help` (text and markdown), its page in docs/rules/ as `helpUri`, the default level, and the
  category as a tag.
- A result's `physicalLocation` is the file, relative to the project root with `uriBaseId` `%SRCROOT%` (the
  name code scanning and CodeQL give the repository's root; it is left out of `originalUriBaseIds` so that the
  report is the same in every checkout), or an absolute `file:` URI outside it; and, in `region`, the
  line: the HTML line, or for WP JSON the line where the finding's JSON pointer sits in the file
  (line 1 for a finding about a whole file, since code scanning needs a line).
  SARIF has no JSON-pointer field, so the pointer is the result's logical location
  (`fullyQualifiedName`, kind `property`); the full seoaudit location (pointer, line inside an HTML
  string such as `yoast_head`, path inside a JSON-LD block) is in the result's `properties.location`,
  with `value`, `expected`, `fix` and `view`.
- `partialFingerprints["seoaudit/v1"]` is the baseline fingerprint (seoaudit/baseline.py) and `:N`, the
  occurrence of that fingerprint in its file: stable across line shifts, so code scanning keeps one alert
  per problem.
- Levels: error → `error`, warning → `warning`, info → `note`. No timestamps, so output is reproducible.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..baseline import fingerprint, relative_source
from ..jsontext import Frame
from ..model import Finding, Severity
from ..registry import Rule, all_rules, rule_url
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/seoaudit/seoaudit"
FINGERPRINT = "seoaudit/v1"
SRCROOT = "%SRCROOT%"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WHAT = re.compile(r"\*\*What it checks\.\*\*\s*(.*?)(?:\n\s*\n|$)", re.DOTALL)


class SarifFormatter(Formatter):
    NEEDS = frozenset({"lines"})

    def finish(self, report: Report) -> None:
        used = sorted(report.totals.rules)
        index = {rule_id: i for i, rule_id in enumerate(used)}
        frame = Frame(_skeleton(report, used, self.options.root))
        numbers = _Occurrences()
        for result in report.documents:
            for finding in result.findings:
                item = _result(result, finding, index, self.options.root)
                prints = item["partialFingerprints"]
                prints[FINGERPRINT] = f"{prints[FINGERPRINT]}:{numbers.next(result.document, prints[FINGERPRINT])}"
                self.write(frame.item(item))
        self.write(frame.end() + "\n")


class _Occurrences:
    """Identical findings share a fingerprint (see baseline.py): number them, as GitHub's own
    `primaryLocationLineHash:N` does, so that each keeps an alert of its own. A fingerprint names its
    document, so only findings of one file can share one: the count starts again with each file."""

    def __init__(self) -> None:
        self._source: str | None = None
        self._seen: Counter[str] = Counter()

    def next(self, document, print_: str) -> int:
        if document.source != self._source:
            self._source, self._seen = document.source, Counter()
        self._seen[print_] += 1
        return self._seen[print_]


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(SarifFormatter, report, options)


def _skeleton(report: Report, used: list[str], root: Path | None) -> dict[str, Any]:
    """The log without its results (they are written one by one where `Frame.HOLE` stands)."""
    known = all_rules()
    notifications = [{"level": "error", "message": {"text": f"{shown}: {message}"},
                      "locations": [{"physicalLocation": {"artifactLocation": artifact(source, root)}}]}
                     for source, shown, message in report.unreadable]
    if report.interrupted:
        notifications.append({"level": "error", "message": {"text": "interrupted: only the documents audited "
                                                                    "before the signal are reported"}})
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "seoaudit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule_id, known.get(rule_id)) for rule_id in used],
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "properties": {"site": report.summary()["site"]},
            "results": [Frame.HOLE],
        }],
    }


def _descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    category = rule_id.split("/", 1)[0]
    if rule is None:  # input/internal-error and other engine findings have no module
        return {"id": rule_id, "shortDescription": {"text": "seoaudit could not complete the audit"},
                "defaultConfiguration": {"level": "error"}, "properties": {"tags": [category]}}
    what = _WHAT.search(rule.doc)
    full = " ".join(what.group(1).split()) if what else rule.summary
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": rule.doc, "markdown": rule.doc},
        **({"helpUri": url} if (url := rule_url(rule.id)) else {}),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.category]},
    }


def _result(result: DocumentResult, finding: Finding, index: dict[str, int], root: Path | None) -> dict[str, Any]:
    document = result.document
    physical: dict[str, Any] = {"artifactLocation": artifact(document.source, root)}
    line = result.line(finding)
    if line is None and document.source != "-":
        line = 1  # a finding about the whole file: code scanning wants a line (SARIF validator GH1003)
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        if finding.location.pointer is None and finding.location.line == line and finding.location.column:
            region["startColumn"] = finding.location.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.location.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.location.pointer, "kind": "property"}]
    properties: dict[str, Any] = {"category": finding.category, "location": finding.location.to_dict()}
    for key in ("view", "value", "expected", "fix"):
        if (value := getattr(finding, key)) is not None:
            properties[key] = value
    if document.pointer:
        properties["document"] = document.display_source
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: fingerprint(document, finding)},
        "properties": properties,
    }


def artifact(source: str, root: Path | None) -> dict[str, str]:
    """A file below the project root as a relative URI on `%SRCROOT%` (what code scanning maps to the
    repository); another file as an absolute `file:` URI; stdin as `-`."""
    if source == "-":
        return {"uri": "-"}
    path = relative_source(source, root)
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": SRCROOT}
