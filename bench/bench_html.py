"""Benchmark: the HTML report of a whole site. Audits the corpus pages once, then writes the report of N
documents (the audited pages repeated under new names, so the previews are built N times), and, when chromium
and playwright are there, opens it and times the first view, a search and a document.

    python bench/bench_html.py [CORPUS_HTML_DIR] [--documents N]

Prints the time to write the report beside the time the JSON report of the same results takes, the file size,
and the browser's times (wall clock: compare them within one run; the machine is shared).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from seoaudit.engine import Config, Report, audit
from seoaudit.load import load_paths
from seoaudit.report import RenderOptions
from seoaudit.report.html_report import HtmlFormatter
from seoaudit.report.json_report import document_dict

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    audited = [r for r in audit(load_paths([str(args.corpus)]), Config()).documents if r.document.problem is None]
    many = [replace(r, document=replace(r.document, source=f"site/{i:05d}/{Path(r.document.source).name}"))
            for i, r in ((i, audited[i % len(audited)]) for i in range(args.documents))]
    start = time.perf_counter()
    json_size = sum(len(str(document_dict(r))) for r in many)
    json_time = time.perf_counter() - start
    out = io.StringIO()
    start = time.perf_counter()
    formatter = HtmlFormatter(out.write, RenderOptions())
    formatter.finish(Report(many))
    html_time = time.perf_counter() - start
    text = out.getvalue()
    print(f"documents:        {len(many)} ({len(audited)} corpus pages repeated)")
    print(f"html report:      {html_time:6.2f} s  ({1000 * html_time / len(many):.2f} ms a document), "
          f"{len(text.encode()) / 1e6:.1f} MB")
    print(f"json documents:   {json_time:6.2f} s  (the same results as JSON report documents, "
          f"{json_size / 1e6:.1f} MB)")
    browse(text)


def browse(text: str) -> None:
    try:
        from playwright.sync_api import sync_playwright

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.browser
        from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
    except ImportError:
        print("browser:          skipped (playwright is not installed)")
        return
    if chromium_path() is None:
        print("browser:          skipped (no chromium)")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_text(text, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri() + "#documents")
            page.wait_for_selector("#documents-table")
            opened = time.perf_counter() - start
            before = page.inner_text("#list-status")
            start = time.perf_counter()
            page.fill("#f-q", "recipe")
            page.wait_for_function(f"() => document.getElementById('list-status').textContent !== {before!r}")
            searched = time.perf_counter() - start - 0.15  # the search waits 150 ms for the typing to pause
            start = time.perf_counter()
            page.goto(path.as_uri() + "#doc-9")
            page.wait_for_selector(".serp.desktop")
            document = time.perf_counter() - start
            browser.close()
    print(f"browser:          opened at the document list {opened:.2f} s, search {max(searched, 0):.2f} s "
          f"(after the 150 ms typing pause), a document {document:.2f} s")


if __name__ == "__main__":
    main()
