"""Per-rule case files (sqlfluff's YAML rule cases are the model): `tests/rules/cases/<category>/<name>.yml`.

A file names one rule; every other top-level key is one case, run against that rule alone on the documents it
builds:

    rule: content/img-alt-missing
    fails_without_alt:
      html: <html><head><title>Post</title></head><body><h1>Post</h1><img src="a.jpg"></body></html>
      findings:
        - message: "has no alt attribute: 'a.jpg'"  # a substring of the finding's message
          severity: warning  # optional, as the rest: the severity it is reported at (its case's, if any)
          line: 1            # its location's line; `pointer`: its JSON pointer
                             # `value` (what was measured) and `expected` (the limit): equal
    passes_with_alt_text:
      html: <html><head><title>Post</title></head><body><h1>Post</h1><img src="a.jpg" alt="A chart"></body></html>
      pass: true

A case's input is one of `html` (text), `json` (text: a REST post, a collection, a Yoast get_head response), `xml`
(a sitemap), `post` (a REST post written as YAML, audited as its JSON) or `documents` (several, for a rule that
compares documents: a list of `{name: file.html, html|json|post|xml: ...}`); `name` gives a single input's file
name too (a sitemap's findings quote it). `options` sets the rule's options. `findings` lists every finding the
rule must report, in report order; a finding may name its `document` when there are several. A malformed file or
case fails its test with a message naming both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"
INPUTS = {"html": "html", "json": "json", "post": "json", "xml": "xml"}  # input key → the file suffix it is read as
CASE_KEYS = {*INPUTS, "name", "documents", "options", "pass", "findings"}
FINDING_KEYS = {"message", "severity", "line", "pointer", "value", "expected", "document"}


class CaseError(Exception):
    """A malformed case file or case: the message names both."""


@dataclass(frozen=True)
class Case:
    file: str  # relative to CASES
    name: str
    rule: str
    documents: tuple[tuple[str, bytes], ...] = ()  # (file name, bytes)
    options: dict[str, Any] = field(default_factory=dict)
    findings: tuple[dict[str, Any], ...] = ()  # empty: the rule must pass
    error: str | None = None  # why the file or case cannot run

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


def _document(where: str, entry: dict, default_name: str, known: set[str]) -> tuple[str, bytes]:
    unknown = set(entry) - known
    if unknown:
        raise CaseError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(known)})")
    given = [key for key in INPUTS if key in entry]
    if len(given) != 1:
        raise CaseError(f"{where}: needs exactly one input of {', '.join(INPUTS)} (has {', '.join(given) or 'none'})")
    key = given[0]
    value = entry[key]
    if key == "post":
        if not isinstance(value, dict | list):
            raise CaseError(f"{where}: `post` must be a mapping (the REST object written as YAML)")
        text = json.dumps(value)
    elif not isinstance(value, str):
        raise CaseError(f"{where}: `{key}` must be text")
    else:
        text = value
    name = entry.get("name", f"{default_name}.{INPUTS[key]}")
    if not isinstance(name, str) or not name:
        raise CaseError(f"{where}: `name` must be a file name")
    return name, text.encode("utf-8")


def _findings(where: str, case: dict, names: set[str]) -> tuple[dict[str, Any], ...]:
    passes, findings = case.get("pass"), case.get("findings")
    if (passes is True) == (findings is not None) or passes not in (None, True):
        raise CaseError(f"{where}: says either `pass: true` or `findings:` (a list), not both or neither")
    if passes:
        return ()
    if not isinstance(findings, list) or not findings:
        raise CaseError(f"{where}: `findings` must be a non-empty list (or say `pass: true`)")
    for i, expected in enumerate(findings):
        if not isinstance(expected, dict) or not isinstance(expected.get("message"), str) or not expected["message"]:
            raise CaseError(f"{where}: finding {i + 1} must be a mapping with a non-empty `message` substring")
        unknown = set(expected) - FINDING_KEYS
        if unknown:
            raise CaseError(f"{where}: finding {i + 1} has unknown keys {sorted(unknown)} "
                            f"(known: {sorted(FINDING_KEYS)})")
        if "document" in expected and expected["document"] not in names:
            raise CaseError(f"{where}: finding {i + 1} names document {expected['document']!r}, "
                            f"not one of {sorted(names)}")
    return tuple(findings)


def _case(file: str, rule: str, name: str, case: Any) -> Case:
    where = f"{file}, case {name!r}"
    if not isinstance(case, dict):
        raise CaseError(f"{where}: a case is a mapping (input, options, pass or findings)")
    unknown = set(case) - CASE_KEYS
    if unknown:
        raise CaseError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(CASE_KEYS)})")
    if "documents" in case:
        if any(key in case for key in INPUTS) or not isinstance(case["documents"], list) or not case["documents"]:
            raise CaseError(f"{where}: `documents` is a non-empty list of documents and the case's only input")
        documents = tuple(_document(f"{where}, document {i + 1}", entry if isinstance(entry, dict) else {},
                                    f"page{i + 1}", {*INPUTS, "name"}) for i, entry in enumerate(case["documents"]))
    else:
        documents = (_document(where, case, "case", CASE_KEYS),)
    options = case.get("options", {})
    if not isinstance(options, dict):
        raise CaseError(f"{where}: `options` must be a mapping of option name to value")
    from seoaudit.registry import RuleError, check_options

    try:
        check_options(rule, options)
    except RuleError as exc:
        raise CaseError(f"{where}: {exc}") from None
    return Case(file, name, rule, documents, options, _findings(where, case, {n for n, _ in documents}))


def load_cases(path: Path) -> list[Case]:
    """The cases of one file; a file that cannot be read becomes one case that carries the error."""
    file = path.relative_to(CASES).as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("rule"), str):
            raise CaseError(f"{file}: must be a mapping whose `rule` key names the rule it tests")
        rule = data["rule"]
        from seoaudit.registry import all_rules

        if rule not in all_rules():
            raise CaseError(f"{file}: `rule: {rule}` is no rule")
        expected = f"{rule}.yml"
        if file != expected:
            raise CaseError(f"{file}: the cases of {rule} belong in {expected}")
        cases = {name: case for name, case in data.items() if name != "rule"}
        if not cases:
            raise CaseError(f"{file}: has no cases")
    except (CaseError, yaml.YAMLError, UnicodeDecodeError) as exc:
        return [Case(file, "(file)", "", error=str(exc) if isinstance(exc, CaseError) else f"{file}: {exc}")]
    out = []
    for name, case in cases.items():
        try:
            out.append(_case(file, rule, str(name), case))
        except CaseError as exc:
            out.append(Case(file, str(name), rule, error=str(exc)))
    return out


def all_cases() -> list[Case]:
    return [case for path in sorted(CASES.rglob("*.yml")) for case in load_cases(path)]


def run_case(case: Case) -> list[tuple[str, Any]]:
    """(document name, finding) for every finding of the case's rule, with that rule alone selected."""
    from seoaudit.engine import Auditor, Config
    from seoaudit.load import load_bytes
    from seoaudit.registry import all_rules

    rule = all_rules()[case.rule]
    auditor = Auditor.compile(Config(options={rule.id: case.options} if case.options else {}), needs=(),
                              rules=[rule])
    named = [(name, doc) for name, data in case.documents for doc in load_bytes(data, name)]
    if not rule.is_batch:
        results = [auditor.audit(doc, (i,)) for i, (_, doc) in enumerate(named)]
    else:  # a rule that compares documents judges once all are in
        from seoaudit.run import Run

        run = Run(auditor)
        try:
            results = list(run.results(doc for _, doc in named))
            run.finish().join(results)
        finally:
            run.close()
    return [(named[result.key[0]][0], f) for result in sorted(results, key=lambda r: r.key) for f in result.findings
            if f.rule == rule.id]


def mismatch(case: Case, found: list[tuple[str, Any]]) -> str | None:
    """Why what the rule found is not what the case expects, or None."""
    shown = "\n".join(f"  {name}: {f.severity.label} {f.message!r} at {f.location.to_dict()}" for name, f in found)
    if len(found) != len(case.findings):
        return f"{case.id}: expected {len(case.findings)} finding(s) of {case.rule}, got {len(found)}:\n{shown}"
    for i, ((name, finding), expected) in enumerate(zip(found, case.findings, strict=True)):
        problems = []
        if expected["message"] not in finding.message:
            problems.append(f"message lacks {expected['message']!r}")
        if "severity" in expected and finding.severity.label != expected["severity"]:
            problems.append(f"severity {finding.severity.label}, not {expected['severity']}")
        if "line" in expected and finding.location.line != expected["line"]:
            problems.append(f"line {finding.location.line}, not {expected['line']}")
        if "pointer" in expected and finding.location.pointer != expected["pointer"]:
            problems.append(f"pointer {finding.location.pointer}, not {expected['pointer']}")
        for key in ("value", "expected"):
            if key in expected and getattr(finding, key) != expected[key]:
                problems.append(f"{key} {getattr(finding, key)!r}, not {expected[key]!r}")
        if "document" in expected and name != expected["document"]:
            problems.append(f"in {name}, not {expected['document']}")
        if problems:
            return f"{case.id}: finding {i + 1}: {'; '.join(problems)}\n{shown}"
    return None
