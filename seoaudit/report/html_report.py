"""HTML: one self-contained file to open in a browser (from `file://`, no network): an overview of the run, a
filterable, searchable list of documents and findings, and each document's previews (Google, Facebook,
LinkedIn, X, Slack, Discord; seoaudit/preview) with the findings beside what they concern.

Written from the run's spool a document at a time (as the JSON report is), so a whole site never sits in
memory, with the findings of the rules that compare documents in place. Each document is two JSON blocks
(`<script type="application/json">`): a small index entry (source, title, counts, each finding's rule,
severity, category, message and preview element), which the lists filter and page through, and its details
(previews, locations, values, fixes), parsed only when the document is opened. So the page opens fast on
10,000 documents: it parses the index, then draws one page of 50 rows at a time.

Images: a real image the run has at hand (a file next to a saved page; in a live run, an image it probed,
fetched once here with the run's fetch options, so under its address policy) is embedded as a `data:` URL,
once per image, up to `EMBED_BUDGET` bytes per report; every other image is drawn as a placeholder of its
frame, labelled with its declared size or "unknown size".
Output is reproducible: no timestamps, documents in input order.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from .. import REPORT_VERSION, __version__
from ..baseline import fingerprint
from ..model import Finding
from ..results import DocumentResult, Report, site_line
from . import Formatter, RenderOptions
from . import render as _render

SEVERITY_INDEX = {"error": 0, "warning": 1, "info": 2}
EMBED_BUDGET = 32 * 1024 * 1024  # bytes of real images one report embeds at most
META_KEYS = ("title", "description", "canonical", "robots", "producers")


@cache
def asset(name: str) -> str:
    return resources.files("seoaudit.report").joinpath(f"html/{name}").read_text(encoding="utf-8")


def page_script(name: str) -> str:
    """The page's script, after the helpers it builds elements with (dom.js)."""
    return f"<script>\n{asset('dom.js')}{asset(name)}</script>\n"


def script_json(element_id: str | None, data: Any, css_class: str | None = None) -> str:
    """A JSON block the page's script reads; every `<` is written `\\u003c`, so no value can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).replace("<", "\\u003c")
    attrs = (f' id="{element_id}"' if element_id else "") + (f' class="{css_class}"' if css_class else "")
    return f'<script type="application/json"{attrs}>{text}</script>\n'


class HtmlFormatter(Formatter):
    NEEDS = frozenset({"metadata", "images"})
    title = "seoaudit report"

    def __init__(self, write: Callable[[str], Any], options: RenderOptions | None = None):
        super().__init__(write, options)
        self.embedded: dict[str, str | None] = {}  # image URL → the id of its data block, None if not embedded
        self.budget = EMBED_BUDGET
        self._download = None  # a live run's: fetches the images it probed, within its --max-time

    def live(self, session) -> None:
        from ..preview.images import MAX_BYTES

        self._download = session.image_downloader(MAX_BYTES)

    def finish(self, report: Report) -> None:
        self.write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   f"<meta name=\"generator\" content=\"seoaudit {__version__}\">\n<title>{self.title}</title>\n"
                   f"<style>\n{asset('report.css')}</style>\n</head>\n<body>\n{asset('shell.html')}")
        try:
            for number, result in enumerate(report.documents):
                self.write(self._document(number, result))
        finally:
            if self._download is not None:
                self._download.close()
        summary = {"version": REPORT_VERSION, "tool": {"name": "seoaudit", "version": __version__},
                   "summary": report.summary(), "site_line": site_line(report.summary()),
                   "fail_on": self.options.fail_on.label if self.options.fail_on is not None else "never"}
        self.write(script_json("seoaudit-summary", summary) + page_script("report.js") + "</body>\n</html>\n")

    def _document(self, number: int, result: DocumentResult) -> str:
        from ..preview import build
        from ..preview.images import at_hand

        doc = result.document
        out = []
        previews = None
        if doc.problem is None:
            real = self._with_pixels(at_hand(doc.source, result.metadata, result.images)) if result.metadata else {}
            previews = build(result.metadata, result.findings, real, self.options.rule_options).to_dict()
            for card in previews["cards"]:
                image = card["image"]
                if image is not None and image["real"]:
                    key, block = self._embed(image["url"], real.get(image["url"]))
                    image["embed"] = key
                    out.append(block)
        meta = result.metadata or {}
        title = meta.get("title") or (meta.get("post") or {}).get("title")
        url = meta.get("canonical") or (meta.get("post") or {}).get("link")
        findings = result.findings
        out.append(script_json(None, {
            "n": number, "s": doc.display_source, "k": doc.kind, "t": title, "u": url,
            "x": doc.problem.message if doc.problem is not None else None,
            "f": [_index_finding(f) for f in findings]}, "seoaudit-index"))
        out.append(script_json(f"seoaudit-doc-{number}", {
            "meta": {key: meta.get(key) for key in META_KEYS if meta.get(key) is not None},
            "findings": [_detail_finding(doc, f) for f in findings],
            "previews": previews}))
        return "".join(out)

    # -- real images -------------------------------------------------------------------------------------

    def _with_pixels(self, real: dict) -> dict:
        """In a live run, the probed images' bytes, fetched once each (an offline run's files are already read)."""
        from dataclasses import replace

        if self._download is None:
            return real
        for url, image in list(real.items()):
            if image.data is None and image.origin == "live" and url not in self.embedded:
                data = self._download(url)
                if data is not None:
                    real[url] = replace(image, data=data)
        return real

    def _embed(self, url: str, image) -> tuple[str | None, str]:
        """(the id of the image's data block, the block to write now, "" when it was written before)."""
        if url in self.embedded:
            return self.embedded[url], ""
        data = image.data if image is not None else None
        if data is None or image.mime is None or len(data) > self.budget:
            self.embedded[url] = None
            return None, ""
        self.budget -= len(data)
        key = f"seoaudit-img-{len(self.embedded)}"
        self.embedded[url] = key
        return key, script_json(key, f"data:{image.mime};base64,{base64.b64encode(data).decode('ascii')}")


def _index_finding(finding: Finding) -> list:
    from ..preview import element_of

    return [finding.rule, SEVERITY_INDEX[finding.severity.label], finding.category, finding.message,
            element_of(finding.rule, finding.category)]


def _detail_finding(document, finding: Finding) -> dict:
    out = {"location": finding.location.describe(), "fingerprint": fingerprint(document, finding)}
    for key in ("view", "value", "expected", "fix"):
        if (value := getattr(finding, key)) is not None:
            out[key] = value
    return out


def render(report: Report, options: RenderOptions | None = None) -> str:
    return _render(HtmlFormatter, report, options)
