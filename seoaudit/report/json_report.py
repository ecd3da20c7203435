"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`).

Written from the run's spool a document at a time, so its memory does not grow with the run; the text is
what `json.dumps(report, indent=2, ensure_ascii=False)` would write.
"""

from __future__ import annotations

from typing import Any

from .. import REPORT_VERSION, __version__
from ..baseline import fingerprint
from ..jsontext import Frame
from ..model import DocumentRef, Finding
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

TOOL = {"name": "seoaudit", "version": __version__}


def document_dict(result: DocumentResult) -> dict[str, Any]:
    return {
        "source": result.document.display_source,
        "kind": result.document.kind,
        "metadata": result.metadata,
        "findings": finding_dicts(result.document, result.findings),
    }


def finding_dicts(document: DocumentRef, findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings as the report writes them, each with its `fingerprint` (since 1.3): the one the baseline and
    SARIF use (seoaudit/baseline.py), which `seoaudit diff` matches findings of two runs by."""
    return [{**finding.to_dict(), "fingerprint": fingerprint(document, finding)} for finding in findings]


class JsonFormatter(Formatter):
    NEEDS = frozenset({"metadata"})

    def finish(self, report: Report) -> None:
        frame = Frame({"version": REPORT_VERSION, "tool": TOOL, "documents": [Frame.HOLE],
                       "summary": report.summary()})
        for result in report.documents:
            self.write(frame.item(document_dict(result)))
        self.write(frame.end() + "\n")


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(JsonFormatter, report, options)
