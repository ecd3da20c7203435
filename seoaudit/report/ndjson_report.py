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

from collections.abc import Iterable

from .. import REPORT_VERSION
from ..jsontext import dumps
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render
from .json_report import TOOL, document_dict, finding_dicts


class NdjsonFormatter(Formatter):
    NEEDS = frozenset({"metadata", "fingerprints"})  # late lines carry fingerprints too
    spooled = False

    def document(self, result: DocumentResult) -> None:
        self.write(_line({"type": "document", **document_dict(result, self.options)}))

    def late(self, items: Iterable) -> None:
        """One `{"type": "late", "source", "findings"}` line per document that has any, before the summary."""
        for item in items:
            self.write(_line({"type": "late", "source": item.document.display_source,
                              "findings": finding_dicts(item.document, item.findings, self.options)}))

    def finish(self, report: Report) -> None:
        self.write(_line({"type": "summary", "version": REPORT_VERSION, "tool": TOOL, "summary": report.summary()}))


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(NdjsonFormatter, report, options)


def _line(data: dict) -> str:
    return dumps(data) + "\n"
