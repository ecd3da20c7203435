"""Regenerate the README's pictures: `python tools/readme_screenshots.py` (needs chromium and playwright, as the
browser tests do).

- docs/html-report.png: `seoaudit check examples --format html:…`, opened at the document examples/broken-images.json
  (its Google results and share cards, the findings beside them);
- docs/html-overview.png: the same report's overview;
- docs/terminal-preview.png: `seoaudit preview examples/clean-page.html` in a 120-column terminal, recorded by rich
  as SVG and drawn by chromium.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seoaudit.cli import app  # noqa: E402
from seoaudit.config import load  # noqa: E402
from seoaudit.engine import audit  # noqa: E402
from seoaudit.load import load_paths  # noqa: E402
from seoaudit.preview import of_result  # noqa: E402
from seoaudit.preview.terminal import render  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

DOCS = ROOT / "docs"


def terminal_svg() -> str:
    os.chdir(ROOT)
    config = load(ROOT, None, True).config
    results = audit(load_paths(["examples/clean-page.html"]), config).documents
    with open(os.devnull, "w") as nowhere:
        console = Console(record=True, width=120, force_terminal=True, color_system="truecolor", file=nowhere)
        for result in results:
            render(console, result.document.display_source, result.document.kind, of_result(result, config),
                   result.findings)
    return console.export_svg(title="seoaudit preview examples/clean-page.html")


def main() -> None:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    try:
        os.chdir(ROOT)
        report = folder / "report.html"
        CliRunner().invoke(app, ["check", "--isolated", "examples", "-f", f"html:{report}"])
        svg = folder / "preview.svg"
        svg.write_text(terminal_svg(), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1200})
            page.goto(report.as_uri() + "#overview")
            page.wait_for_selector("#run-line:not(:empty)")
            page.screenshot(path=str(DOCS / "html-overview.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 900})
            page.goto(report.as_uri() + "#documents")
            page.click("text=examples/broken-images.json")
            page.wait_for_selector(".serp.desktop")
            page.screenshot(path=str(DOCS / "html-report.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 1200})
            page.set_content("<style>body{margin:0} svg{width:1200px;height:auto;display:block}</style>"
                             + svg.read_text(encoding="utf-8"))
            page.locator("svg").screenshot(path=str(DOCS / "terminal-preview.png"))
            browser.close()
    finally:
        shutil.rmtree(folder)
    print("wrote docs/html-report.png, docs/html-overview.png, docs/terminal-preview.png")


if __name__ == "__main__":
    main()
