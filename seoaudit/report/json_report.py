"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`).

Each finding carries `help_uri`, its rule's page in docs/rules/. A document's metadata holds its JSON-LD
graph, microdata and RDFa only with `--full-metadata` (`RenderOptions.full_metadata`): they are most of a
large report (6.8 MB of the corpus's) and a dashboard rarely wants them. Version 2.0 made that change.
"""

from __future__ import annotations

import json
from typing import Any

from .. import REPORT_VERSION, __version__
from ..engine import DocumentResult, Report
from ..model import Finding
from . import RenderOptions

TOOL = {"name": "seoaudit", "version": __version__}


STRUCTURED = ("jsonld", "microdata", "rdfa", "microdata_error", "rdfa_error")  # metadata with --full-metadata


def document_dict(result: DocumentResult, options: RenderOptions | None = None) -> dict[str, Any]:
    full = options is not None and options.full_metadata
    metadata = result.metadata if full else {k: v for k, v in result.metadata.items() if k not in STRUCTURED}
    return {
        "source": result.document.display_source,
        "kind": result.document.kind,
        "metadata": metadata,
        "findings": [finding_dict(f) for f in result.findings],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    from ..registry import rule_url

    url = rule_url(finding.rule)
    return {**finding.to_dict(), "help_uri": url} if url else finding.to_dict()


def report_dict(report: Report, options: RenderOptions | None = None) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION,
        "tool": TOOL,
        "documents": [document_dict(result, options) for result in report.documents],
        "summary": report.summary(),
    }


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(report_dict(report, options), indent=2, ensure_ascii=False, default=str) + "\n"
