"""Newline-delimited JSON: one line per document, written as soon as it is audited, then a summary line.

Each line is one JSON object with a `type`: `document` (the same fields as a document of the JSON
report), then `late` (`source`, `findings`: what the rules that compare documents, such as duplicate
titles, found for that document once every document was in; the document line does not have them),
and last `summary` (`version`, `tool`, `summary`, counting every finding). Schema: report.schema.json,
`#/$defs/ndjsonLine`. A consumer can tail the stream and act on each document while a large site is
still being audited. `render` (the whole run at once, as the API gives it) has the late findings in
their document lines and no `late` lines.
"""

from __future__ import annotations

import json

from .. import REPORT_VERSION
from ..engine import DocumentResult, Report
from ..model import Finding
from . import RenderOptions
from .json_report import TOOL, document_dict, finding_dicts


def render_document(result: DocumentResult, options: RenderOptions | None = None) -> str:
    return _line({"type": "document", **document_dict(result)})


def render_late(late: list[tuple[DocumentResult, list[Finding]]], options: RenderOptions | None = None) -> str:
    """Findings of the rules across documents (duplicate titles…), known only when every document is in:
    one `{"type": "late", "source", "findings"}` line per document that has any, before the summary."""
    return "".join(_line({"type": "late", "source": result.document.display_source,
                          "findings": finding_dicts(result.document, found)}) for result, found in late)


def render_end(report: Report, options: RenderOptions | None = None) -> str:
    return _line({"type": "summary", "version": REPORT_VERSION, "tool": TOOL, "summary": report.summary()})


def render(report: Report, options: RenderOptions | None = None) -> str:
    return "".join(render_document(r, options) for r in report.documents) + render_end(report, options)


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
