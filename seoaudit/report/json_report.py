"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`)."""

from __future__ import annotations

import json
from typing import Any

from .. import REPORT_VERSION, __version__
from ..baseline import fingerprint
from ..engine import DocumentResult, Report
from ..model import Document, Finding
from . import RenderOptions

TOOL = {"name": "seoaudit", "version": __version__}


def document_dict(result: DocumentResult) -> dict[str, Any]:
    return {
        "source": result.document.display_source,
        "kind": result.document.kind,
        "metadata": result.metadata,
        "findings": finding_dicts(result.document, result.findings),
    }


def finding_dicts(document: Document, findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings as the report writes them, each with its `fingerprint` (since 1.3): the one the baseline and
    SARIF use (seoaudit/baseline.py), which `seoaudit diff` matches findings of two runs by."""
    return [{**finding.to_dict(), "fingerprint": fingerprint(document, finding)} for finding in findings]


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "tool": TOOL,
        "documents": [document_dict(result) for result in report.documents],
        "summary": report.summary(),
    }


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, default=str) + "\n"
