"""The HTML report in a real browser (chromium, headless): the report of examples/, of the corpus and of
10,000 documents loads with no console error and no network request, shows the previews and the counts the
run computed, its filters and search change what is shown, and the keyboard reaches every control."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.engine import Config, Report, audit
from seoaudit.load import load_paths
from seoaudit.preview import build
from seoaudit.report import RenderOptions
from seoaudit.report.html_report import render
from tests.conftest import CORPUS, EXAMPLES, ROOT, needs_corpus
from tests.pngs import png

runner = CliRunner()


def run_reports(cwd: Path, out: Path, *paths: str) -> tuple[dict, Path]:
    """Audit `paths` from `cwd` into a JSON and an HTML report in `out`, in one run: (the JSON report, the HTML
    file)."""
    out.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        result = runner.invoke(app, ["check", "--isolated", *paths, "-f", f"json:{out}/report.json",
                                     "-f", f"html:{out}/report.html"])
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8")), out / "report.html"


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    root = tmp_path_factory.mktemp("examples")
    shutil.copytree(EXAMPLES, root / "examples")
    return run_reports(root, root / "out", "examples")


def open_report(tab, path: Path, view: str = "overview"):
    tab.goto(path.as_uri() + "#" + view)
    tab.wait_for_selector("#run-line:not(:empty)")
    return tab


def status(tab) -> str:
    return tab.inner_text("#list-status")


def select(tab, selector: str, value: str) -> None:
    tab.select_option(selector, value)
    tab.wait_for_timeout(50)


def type_into(tab, selector: str, text: str) -> None:
    tab.fill(selector, text)
    tab.wait_for_timeout(250)  # the search waits 150 ms for the typing to pause


# -- examples/ -----------------------------------------------------------------------------------------------------


def test_overview_shows_the_runs_counts(tab, examples):
    report, html = examples
    open_report(tab, html)
    summary = report["summary"]
    tiles = tab.locator("ul.tiles li").all_inner_texts()
    assert tiles[0].split() == [str(summary["documents"]), "documents"]
    assert tiles[1].split() == [str(summary["findings"]), "findings"]
    for tile, severity in zip(tiles[2:5], ("error", "warning", "info"), strict=True):
        assert tile.split()[0] == str(summary["by_severity"][severity]) and severity in tile
    categories = tab.locator("section[aria-labelledby=h-cat] tbody tr").all_inner_texts()
    assert {row.split()[0]: int(row.split()[-1]) for row in categories} == summary["by_category"]
    rules = {row.split()[0]: int(row.split()[-2]) for row in tab.locator(
        "section[aria-labelledby=h-rules] tbody tr").all_inner_texts()}
    assert rules == summary["by_rule"]
    tab.shot("overview")


def test_document_list_filters_and_search(tab, examples):
    report, html = examples
    open_report(tab, html, "documents")
    docs = report["documents"]
    assert status(tab) == f"{len(docs)} documents of {len(docs)}"
    with_errors = [d for d in docs if any(f["severity"] == "error" for f in d["findings"])]
    select(tab, "#f-sev", "0")
    assert status(tab) == f"{len(with_errors)} documents of {len(docs)}"
    assert tab.locator("#documents-table tbody tr").count() == len(with_errors)
    select(tab, "#f-sev", "")
    select(tab, "#f-rule", "image/og-not-absolute")
    assert tab.locator("#documents-table tbody tr a").all_inner_texts() == ["examples/broken-page.html"]
    select(tab, "#f-rule", "")
    select(tab, "#f-cat", "schema")
    assert tab.locator("#documents-table tbody tr").count() == sum(
        any(f["category"] == "schema" for f in d["findings"]) for d in docs)
    tab.click("#f-clear")
    type_into(tab, "#f-path", "collection")
    assert tab.locator("#documents-table tbody tr a").all_inner_texts() == [
        "examples/posts-collection.json#/0", "examples/posts-collection.json#/1"]
    type_into(tab, "#f-path", "")
    type_into(tab, "#f-q", "headless WordPress cache")  # a title
    assert tab.locator("#documents-table tbody tr a").all_inner_texts() == ["examples/clean-page.html"]
    tab.shot("documents-search")


def test_findings_list_counts_and_filters(tab, examples):
    report, html = examples
    open_report(tab, html, "findings")
    summary = report["summary"]
    assert status(tab).startswith(f"{summary['findings']} findings")
    select(tab, "#f-sev", "2")
    assert status(tab) == f"{summary['by_severity']['info']} findings"
    assert set(tab.locator("#findings-table tbody td:first-child").all_inner_texts()) == {"● info"}
    select(tab, "#f-sev", "")
    select(tab, "#f-fsort", "severity")
    shown = tab.locator("#findings-table tbody td:first-child").all_inner_texts()
    assert shown == sorted(shown, key=["✖ error", "▲ warning", "● info"].index) and shown[0] == "✖ error"
    type_into(tab, "#f-q", "is relative")
    rows = tab.locator("#findings-table tbody tr").all_inner_texts()
    expected = [f for d in report["documents"] for f in d["findings"] if "is relative" in f["message"]]
    assert len(rows) == len(expected) > 0
    tab.shot("findings-search")


def test_document_view_shows_the_models_previews_and_the_findings_beside_them(tab, examples):
    report, html = examples
    number, doc = next((i, d) for i, d in enumerate(report["documents"]) if d["source"] == "examples/clean-page.html")
    previews = build(doc["metadata"], doc["findings"]).to_dict()
    desktop, mobile = previews["search"]
    open_report(tab, html, f"doc-{number}")
    serp = tab.locator(".serp.desktop")
    assert serp.locator(".title").inner_text() == desktop["title"]["lines"][0]
    assert serp.locator(".site-name").inner_text() == "Example Blog"
    assert serp.locator(".url").inner_text() == "https://blog.example.com › 2026 › 02 › headless-cache-notes"
    phone = tab.locator(".serp.mobile")
    assert phone.locator(".title .ln").all_inner_texts() == mobile["title"]["lines"]
    assert phone.locator(".snippet").inner_text().endswith("without purging the ...")  # cut at 680 px, a word boundary
    beside_serp = tab.locator("section[aria-label='Google on a desktop'] .beside").inner_text()
    assert beside_serp == "✔ no findings here"  # a clean page, whose title fits
    facebook = tab.locator(".card.facebook")
    assert facebook.locator(".site").inner_text() == "BLOG.EXAMPLE.COM"
    assert facebook.locator(".cdesc").inner_text().endswith("Open G…")
    assert "1600×900 (declared) · 1.91:1 · 7% cut off" in facebook.locator(".ph").inner_text()
    x_card = tab.locator(".card.x")
    assert x_card.locator(".overlay").inner_text() == "blog.example.com" and x_card.locator(".ctitle").count() == 0
    assert "no findings here" in tab.locator("section[aria-label^='X'] .beside").inner_text()
    tab.shot("document-clean-page")
    number, doc = next((i, d) for i, d in enumerate(report["documents"]) if d["source"] == "examples/broken-page.html")
    open_report(tab, html, f"doc-{number}")
    tab.wait_for_selector(".serp.desktop")
    beside_serp = tab.locator("section[aria-label='Google on a desktop'] .beside").inner_text()
    assert "description/width-px-too-narrow" in beside_serp and "Snippet:" in beside_serp
    assert "image/og-not-absolute" in tab.locator("section[aria-label^='Facebook'] .beside").inner_text()
    assert tab.locator("#doc-findings-table tbody tr").count() == len(doc["findings"])
    tab.shot("document-broken-page")


def tab_through(tab) -> tuple[list[int], set[int]]:
    """(every visible control of the view, numbered; the numbers the Tab key reached, pressed once per control
    and a few more)."""
    controls = tab.evaluate("""() => Array.from(document.querySelectorAll(
        'a[href], button:not([disabled]), input, select')).filter(e => e.offsetParent !== null || e.matches('.skip'))
        .map((e, i) => (e.dataset.kb = i, i))""")
    reached = set()
    for _ in range(len(controls) + 5):
        tab.keyboard.press("Tab")
        index = tab.evaluate("() => document.activeElement && document.activeElement.dataset.kb")
        if index is not None:
            reached.add(int(index))
    return controls, reached


def test_keyboard_reaches_every_control(tab, examples):
    _, html = examples
    open_report(tab, html, "documents")
    controls, reached = tab_through(tab)
    assert reached == set(controls)
    # Enter on a document's link opens it; a finding's button beside a preview takes the focus to that finding
    tab.focus("#documents-table a >> nth=0")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".serp.desktop")
    button = tab.locator(".beside button").first
    rule = button.inner_text()
    button.focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => document.activeElement.textContent") == rule
    tab.shot("keyboard-finding-focused")


def test_a_saved_page_shows_its_real_image_cropped_to_each_card(tab, tmp_path):
    page = (EXAMPLES / "clean-page.html").read_text(encoding="utf-8")
    folder = tmp_path / "site"
    (folder / "clean-page_files").mkdir(parents=True)
    (folder / "clean-page.html").write_text(page, encoding="utf-8")
    (folder / "clean-page_files" / "cache-hero.png").write_bytes(png(1600, 900))  # the og:image's file name
    _, html = run_reports(tmp_path, tmp_path / "out", "site/clean-page.html")
    open_report(tab, html, "doc-0")
    images = tab.locator(".card img")
    assert images.count() == 5 and tab.locator(".card .ph").count() == 0
    assert tab.evaluate("() => Array.from(document.querySelectorAll('.card img')).map(i => [i.naturalWidth, "
                        "i.naturalHeight, i.src.slice(0, 22)])") == [[1600, 900, "data:image/png;base64,"]] * 5
    facebook = tab.locator(".card.facebook .frame").bounding_box()
    assert round(facebook["width"] / facebook["height"], 2) == 1.91
    x = tab.locator(".card.x .frame").bounding_box()
    assert round(x["width"] / x["height"], 2) == 2.0
    assert "(file)" not in tab.locator(".card.x").inner_text()  # a real image: no placeholder label
    tab.shot("real-image-cards")


# -- the corpus and 10,000 documents ---------------------------------------------------------------------------------


@needs_corpus
def test_corpus_report_loads_pages_and_filters(tab, tmp_path):
    report, html = run_reports(ROOT, tmp_path, str(CORPUS / "html"), str(CORPUS / "wp"))  # not into the repository
    open_report(tab, html)
    summary = report["summary"]
    assert tab.locator("ul.tiles li").first.inner_text().split()[0] == str(summary["documents"])
    tab.shot("overview")
    tab.goto(html.as_uri() + "#findings")
    pages = -(-summary["findings"] // 50)
    assert status(tab) == f"{summary['findings']} findings, page 1 of {pages}"
    tab.click("#page-next")
    assert status(tab) == f"{summary['findings']} findings, page 2 of {pages}"
    select(tab, "#f-rule", "canonical/relative")
    assert status(tab).startswith(f"{summary['by_rule']['canonical/relative']} finding")
    tab.shot("findings-rule")
    worst = max(range(len(report["documents"])), key=lambda i: sum(
        f["severity"] == "error" for f in report["documents"][i]["findings"]))
    tab.goto(html.as_uri() + f"#doc-{worst}")
    tab.wait_for_selector("#doc-findings-table")
    assert tab.locator("#doc-findings-table tbody tr").count() == len(report["documents"][worst]["findings"])
    tab.shot("worst-document")


@pytest.mark.slow
def test_ten_thousand_documents_open_and_page(tab, tmp_path):
    results = audit(load_paths([str(EXAMPLES)]), Config()).documents
    many = [replace(r, document=replace(r.document, source=f"site/{i:05d}/{Path(r.document.source).name}"))
            for i, r in ((i, results[i % len(results)]) for i in range(10_000))]
    total = sum(len(r.findings) for r in many)
    html = tmp_path / "big.html"
    html.write_text(render(Report(many), RenderOptions()), encoding="utf-8")
    open_report(tab, html, "documents")
    assert status(tab) == "10000 documents of 10000, page 1 of 200"
    assert tab.locator("#documents-table tbody tr").count() == 50
    tab.click("#page-next")
    assert status(tab).endswith("page 2 of 200")
    type_into(tab, "#f-path", "site/09999/")
    assert tab.locator("#documents-table tbody tr").count() == 1
    tab.shot("documents")
    tab.click("text=Findings")
    tab.click("#f-clear")  # the filters are kept from view to view
    assert status(tab).startswith(f"{total} findings")
    tab.goto(html.as_uri() + "#doc-9999")
    tab.wait_for_selector(".serp.desktop")
    tab.shot("last-document")


# WCAG 2.1 contrast of every visible text against the colours behind it (blended up to the page's white);
# text over an image or a drawn pattern (placeholders) is left out: its background is not one colour.
CONTRAST = """() => {
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || el.closest('.visually-hidden, script, style, noscript')) continue;
    const layers = []; let patterned = false;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage !== 'none') { patterned = true; break; }
      const c = rgba(cs.backgroundColor); if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    if (patterned) continue;
    let bg = [255, 255, 255];
    for (const layer of layers.reverse()) bg = blend(layer, bg);
    const style = getComputedStyle(el);
    const fg = blend(rgba(style.color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push([el.textContent.trim().slice(0, 40), style.color, ratio.toFixed(2)]);
  }
  return failures;
}"""


@pytest.mark.parametrize("view", ["overview", "documents", "findings", "doc-1", "doc-4"])
def test_every_text_has_readable_contrast(tab, examples, view):
    _, html = examples
    open_report(tab, html, view)
    assert tab.evaluate(CONTRAST) == []


@pytest.mark.parametrize("view", ["overview", "findings", "doc-1"])
def test_keyboard_reaches_every_control_of_each_view(tab, examples, view):
    _, html = examples
    open_report(tab, html, view)
    controls, reached = tab_through(tab)
    assert reached == set(controls) and len(controls) > 3
