"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`).

Written from the run's spool a document at a time, so its memory does not grow with the run; the text is
what `json.dumps(report, indent=2, ensure_ascii=False)` would write.

Each finding carries `help_uri`, its rule's page in docs/rules/. A document's metadata holds its JSON-LD
graph, microdata and RDFa only with `--full-metadata` (`RenderOptions.full_metadata`): they are most of a
large report (6.8 MB of the corpus's) and a dashboard rarely wants them. Version 2.0 made that change.
"""

from __future__ import annotations

from typing import Any

from .. import REPORT_VERSION, __version__
from ..jsontext import Frame
from ..model import Finding
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

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


class JsonFormatter(Formatter):
    NEEDS = frozenset({"metadata"})

    def finish(self, report: Report) -> None:
        frame = Frame({"version": REPORT_VERSION, "tool": TOOL, "documents": [Frame.HOLE],
                       "summary": report.summary()})
        for result in report.documents:
            self.write(frame.item(document_dict(result, self.options)))
        self.write(frame.end() + "\n")


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(JsonFormatter, report, options)
