"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`)."""

from __future__ import annotations

import json
from typing import Any

from .. import REPORT_VERSION, __version__
from ..engine import DocumentResult, Report
from . import RenderOptions

TOOL = {"name": "seoaudit", "version": __version__}


def document_dict(result: DocumentResult) -> dict[str, Any]:
    return {
        "source": result.document.display_source,
        "kind": result.document.kind,
        "metadata": result.metadata,
        "findings": [f.to_dict() for f in result.findings],
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "tool": TOOL,
        "documents": [document_dict(result) for result in report.documents],
        "summary": report.summary(),
    }


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, default=str) + "\n"
