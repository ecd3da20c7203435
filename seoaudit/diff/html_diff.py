"""The diff as one self-contained HTML page (the report's styles; no network): totals, then the documents
that changed with their new and fixed findings, filterable by change, severity and text, 25 documents to a
page; each document's unchanged findings are drawn when asked for."""

from __future__ import annotations

from ..report.html_report import asset, page_script, script_json
from . import Diff
from .json_diff import diff_dict


def render(diff: Diff, fail_on: str) -> str:
    data = diff_dict(diff)
    data["fail_on"] = fail_on
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>seoaudit diff</title>\n"
            f"<style>\n{asset('report.css')}</style>\n</head>\n<body>\n"
            "<a class=\"skip\" href=\"#main\">Skip to the changes</a>\n"
            "<header class=\"top\"><h1>seoaudit diff</h1><p id=\"run-line\"></p></header>\n"
            "<main id=\"main\" tabindex=\"-1\">"
            "<noscript><p>This page draws the diff with JavaScript.</p></noscript></main>\n"
            "<p id=\"announce\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n"
            + script_json("seoaudit-diff", data) + page_script("diff.js") + "</body>\n</html>\n")
