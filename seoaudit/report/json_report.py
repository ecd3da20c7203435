"""The versioned JSON report (schema: seoaudit/schemas/report.schema.json, `#`).

Written from the run's spool a document at a time, so its memory does not grow with the run; the text is
what `json.dumps(report, indent=2, ensure_ascii=False)` would write.

Each finding carries `help_uri`, its rule's page in docs/rules/. A document's metadata holds its JSON-LD
graph, microdata and RDFa only with `--full-metadata` (`RenderOptions.full_metadata`): they are most of a
large report (6.8 MB of the corpus's) and a dashboard rarely wants them. Version 2.0 made that change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .. import REPORT_VERSION, __version__
from ..baseline import fingerprint
from ..jsontext import Frame, dumps
from ..model import DocumentRef, Finding
from ..registry import rule_url
from ..results import DocumentResult, Report
from . import Formatter, RenderOptions
from . import render as _render

TOOL = {"name": "seoaudit", "version": __version__}


STRUCTURED = ("jsonld", "microdata", "rdfa", "microdata_error", "rdfa_error")  # metadata with --full-metadata


def document_dict(result: DocumentResult, options: RenderOptions | None = None) -> dict[str, Any]:
    return {**document_head(result, options), "findings": finding_dicts(result.document, result.findings, options)}


def document_head(result: DocumentResult, options: RenderOptions | None = None) -> dict[str, Any]:
    """A document as the report writes it, but for its findings."""
    full = options is not None and options.full_metadata
    metadata = result.metadata if full else {k: v for k, v in result.metadata.items() if k not in STRUCTURED}
    return {"source": result.document.display_source, "kind": result.document.kind, "metadata": metadata}


def finding_dicts(document: DocumentRef, findings: list[Finding], options: RenderOptions | None = None
                  ) -> list[dict[str, Any]]:
    """Findings as the report writes them, each with its `fingerprint` (since 1.3): the one the baseline and
    SARIF use (seoaudit/baseline.py), which `seoaudit diff` matches findings of two runs by; and its rule's
    documentation page, `help_uri` (since 2.0)."""
    root = options.root if options is not None else None
    return [finding_dict(document, finding, root) for finding in findings]


def finding_dict(document: DocumentRef, finding: Finding, root: Path | None) -> dict[str, Any]:
    item = {**finding.to_dict(), "fingerprint": fingerprint(document, finding, root)}
    if url := rule_url(finding.rule):
        item["help_uri"] = url
    return item


DOCUMENT_LEVEL = 2  # how deep a document sits in the report: in the list under "documents"


class DocumentText(NamedTuple):
    """A document as the report writes it, cut around its findings: `frame` holds the text before and after
    them, `findings` each finding's text."""

    frame: Frame
    findings: tuple[str, ...]

    def text(self) -> str:
        return self.frame.join(list(self.findings))


@dataclass(frozen=True)
class JsonText:
    """A document's text in the JSON report. A run calls it where each document is audited (in a worker
    process, in parallel: fingerprints and encoding are most of the report's cost), keeps the text with the
    result (`DocumentResult.rendered`, under `name`), and the report's end only joins in the findings of the
    rules across documents and writes."""

    root: Path | None = None  # RenderOptions.root
    full_metadata: bool = False  # RenderOptions.full_metadata

    @property
    def name(self) -> str:
        return f"json:{self.full_metadata}:{self.root}"

    def __call__(self, result: DocumentResult) -> DocumentText:
        frame = Frame({**document_head(result, self._options), "findings": [Frame.HOLE]}, DOCUMENT_LEVEL)
        return DocumentText(frame, tuple(frame.render(finding_dict(result.document, finding, self.root))
                                         for finding in result.findings))

    def text(self, result: DocumentResult) -> str:
        """The document's text, with the late findings (`result.late`, joined in by the run) rendered here."""
        prepared = result.rendered.get(self.name) if result.rendered else None
        if prepared is None:  # results not rendered where they were audited (the Python API, a Dask run)
            return dumps(document_dict(result, self._options), DOCUMENT_LEVEL)
        if not result.late:
            return prepared.text()
        late = {id(finding) for finding in result.late}
        early = iter(prepared.findings)  # in the order of `result.findings`: a stable sort kept it
        return prepared.frame.join([
            prepared.frame.render(finding_dict(result.document, finding, self.root)) if id(finding) in late
            else next(early) for finding in result.findings])

    @property
    def _options(self) -> RenderOptions:
        return RenderOptions(root=self.root, full_metadata=self.full_metadata)


class JsonFormatter(Formatter):
    NEEDS = frozenset({"metadata"})

    @property
    def renderer(self) -> JsonText:
        return JsonText(self.options.root, self.options.full_metadata)

    def finish(self, report: Report) -> None:
        frame = Frame({"version": REPORT_VERSION, "tool": TOOL, "documents": [Frame.HOLE],
                       "summary": report.summary()})
        renderer = self.renderer
        for result in report.documents:
            self.write(frame.item_text(renderer.text(result)))
        self.write(frame.end() + "\n")


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(JsonFormatter, report, options)
