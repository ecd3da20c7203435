"""diff: what changed between two runs. Two JSON reports in, each finding classed as new, fixed or
unchanged, per document and in total.

Findings are matched by their `fingerprint` (report 1.3+): the baseline's and SARIF's (seoaudit/baseline.py),
which says what is wrong where without line numbers or array indices, so a finding that moved in the file is
the same finding. Within a document the match counts: three findings with one fingerprint before and two
after are two unchanged and one fixed (as the baseline counts). Documents are matched by `source` (run both
audits from the same directory, as for a baseline); a document only in the new run is `added` and all its
findings are new, one only in the old run is `removed` and all its findings are fixed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Severity

VERSION = "1"
SEVERITIES = ("error", "warning", "info")


class DiffError(Exception):
    """A report that cannot be compared: the message names the file and the cause."""


@dataclass
class DocumentDiff:
    source: str
    status: str  # added, removed, changed, unchanged
    new: list[dict] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)


@dataclass
class Diff:
    old: str  # the reports' paths, as given
    new: str
    documents: list[DocumentDiff]

    def findings(self, status: str) -> list[tuple[str, dict]]:
        return [(d.source, f) for d in self.documents for f in getattr(d, status)]

    def counts(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for status in ("new", "fixed", "unchanged"):
            found = [f for _, f in self.findings(status)]
            by = Counter(f["severity"] for f in found)
            out[status] = len(found)
            out[f"{status}_by_severity"] = {s: by.get(s, 0) for s in SEVERITIES}
        out["documents"] = {s: sum(d.status == s for d in self.documents)
                            for s in ("added", "removed", "changed", "unchanged")}
        return out

    def fails(self, level: Severity | None) -> bool:
        """A new finding at or above `level` (None: never)."""
        return level is not None and any(Severity.parse(f["severity"]) >= level for _, f in self.findings("new"))


def load_report(path: str | Path) -> dict:
    """A seoaudit JSON report whose findings carry fingerprints; DiffError otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DiffError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DiffError(f"{path}: cannot read it: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DiffError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    known = str(data.get("version", "")).startswith(("1.", "2.")) if isinstance(data, dict) else False
    if not (known and isinstance(data.get("documents"), list) and (data.get("tool") or {}).get("name") == "seoaudit"):
        raise DiffError(f"{path}: not a seoaudit JSON report (write one with `seoaudit check --format json`)")
    for document in data["documents"]:
        if not isinstance(document, dict) or not isinstance(document.get("source"), str) \
                or not isinstance(document.get("findings"), list):
            raise DiffError(f"{path}: a document has no `source` or `findings`: not a seoaudit JSON report")
        for finding in document["findings"]:
            if not isinstance(finding, dict) or not isinstance(finding.get("fingerprint"), str):
                raise DiffError(f"{path}: findings have no `fingerprint` (report version {data.get('version')}; "
                                "fingerprints are in 1.3 and later): audit again with this seoaudit")
            if finding.get("severity") not in SEVERITIES:
                raise DiffError(f"{path}: a finding of {document['source']} has no valid severity")
    return data


def compare(old: dict, new: dict, old_name: str = "old", new_name: str = "new") -> Diff:
    old_docs = {d["source"]: d["findings"] for d in old["documents"]}
    new_docs = {d["source"]: d["findings"] for d in new["documents"]}
    documents = [_document(source, old_docs.get(source), findings) for source, findings in new_docs.items()]
    documents += [_document(source, findings, None) for source, findings in old_docs.items() if source not in new_docs]
    return Diff(old_name, new_name, documents)


def _document(source: str, old: list[dict] | None, new: list[dict] | None) -> DocumentDiff:
    before: Counter[str] = Counter(f["fingerprint"] for f in old or [])
    result = DocumentDiff(source, "added" if old is None else "removed" if new is None else "unchanged")
    matched: Counter[str] = Counter()
    for finding in new or []:
        print_ = finding["fingerprint"]
        if matched[print_] < before[print_]:
            matched[print_] += 1
            result.unchanged.append(finding)
        else:
            result.new.append(finding)
    left = before - matched
    for finding in old or []:
        if left[finding["fingerprint"]] > 0:
            left[finding["fingerprint"]] -= 1
            result.fixed.append(finding)
    if result.status == "unchanged" and (result.new or result.fixed):
        result.status = "changed"
    return result
