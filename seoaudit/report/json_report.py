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
from ..baseline import fingerprint
from ..jsontext import Frame
from ..model import DocumentRef, Finding
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
        "findings": finding_dicts(result.document, result.findings, options),
    }


def finding_dicts(document: DocumentRef, findings: list[Finding], options: RenderOptions | None = None
                  ) -> list[dict[str, Any]]:
    """Findings as the report writes them, each with its `fingerprint` (since 1.3): the one the baseline and
    SARIF use (seoaudit/baseline.py), which `seoaudit diff` matches findings of two runs by; and its rule's
    documentation page, `help_uri` (since 2.0)."""
    from ..registry import rule_url

    root = options.root if options is not None else None
    found = []
    for finding in findings:
        item = {**finding.to_dict(), "fingerprint": fingerprint(document, finding, root)}
        if url := rule_url(finding.rule):
            item["help_uri"] = url
        found.append(item)
    return found


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
