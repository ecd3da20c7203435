"""The HTML report's file (the browser tests in tests/browser look at it drawn): self-contained, written piece
by piece, its JSON blocks safe whatever a page says, real images embedded once, never fetched offline; and
`seoaudit preview` in the terminal."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.engine import Config, audit
from seoaudit.load import load_paths
from seoaudit.model import Severity
from seoaudit.preview.images import next_to
from seoaudit.report import RenderOptions, formatter
from tests.conftest import EXAMPLES
from tests.pngs import png

runner = CliRunner()
BLOCK = re.compile(r'<script type="application/json"(?: id="([^"]+)")?(?: class="([^"]+)")?>(.*?)</script>', re.S)


def blocks(html: str) -> list[tuple[str, str, object]]:
    return [(i, c, json.loads(text)) for i, c, text in BLOCK.findall(html)]


def test_self_contained_and_reproducible(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    first = runner.invoke(app, ["check", "--isolated", "examples", "-f", f"html:{tmp_path}/a.html"])
    second = runner.invoke(app, ["check", "--isolated", "examples", "-f", f"html:{tmp_path}/b.html"])
    assert first.exit_code == second.exit_code == 1
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert html == (tmp_path / "b.html").read_text(encoding="utf-8")
    markup = BLOCK.sub("", html)  # the page itself, without the data blocks
    assert not re.search(r'<(?:link|img|iframe)\b|src="http|href="http|@import|url\(http', markup)
    assert str(EXAMPLES.parent) not in html
    found = blocks(html)
    index = [data for _, css, data in found if css == "seoaudit-index"]
    assert [d["s"] for d in index] == [r.document.display_source for r in audit(load_paths(["examples"])).documents]
    details = {i: data for i, _, data in found if i and i.startswith("seoaudit-doc-")}
    assert len(details) == len(index) and all(d["previews"]["search"] for d in details.values())


def test_the_findings_across_documents_are_in_place_beside_their_element(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    runner.invoke(app, ["check", "--isolated", "examples", "-f", f"html:{tmp_path}/r.html", "-f",
                        f"json:{tmp_path}/r.json", "--jobs", "1"])
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    found = blocks(html)
    index = {data["n"]: data for _, css, data in found if css == "seoaudit-index"}
    details = {i: data for i, _, data in found if i and i.startswith("seoaudit-doc-")}
    report = json.loads((tmp_path / "r.json").read_text())
    for number, document in enumerate(report["documents"]):
        assert [f[0] for f in index[number]["f"]] == [f["rule"] for f in document["findings"]]
        assert [d["fingerprint"] for d in details[f"seoaudit-doc-{number}"]["findings"]] == [
            f["fingerprint"] for f in document["findings"]]
    duplicated = [(n, doc) for n, doc in index.items() if "title/duplicate" in [f[0] for f in doc["f"]]]
    assert duplicated
    for n, doc in duplicated:  # drawn beside the title, as the findings of the document alone are
        placed = details[f"seoaudit-doc-{n}"]["previews"]["placed"]["title"]
        assert [f[0] for f in doc["f"]].index("title/duplicate") in placed
    # the API's whole report gives the same page as the run read back from its spool
    options = RenderOptions(fail_on=Severity.ERROR)
    assert formatter("html").render(audit(load_paths(["examples"]), Config()), options) == html


def test_a_page_cannot_break_out_of_its_json_block(tmp_path):
    evil = "</script><script>alert(1)</script><!-- x"
    page = tmp_path / "evil.html"
    page.write_text(f"<html><head><title>{evil.replace('<', '&lt;')}</title>"
                    f'<meta property="og:title" content="{evil.replace("<", "&lt;")}"></head><body></body></html>')
    html = formatter("html").render(audit(load_paths([str(page)]), Config()), RenderOptions())
    assert "<script>alert(1)" not in html and "<!-- x" not in html
    index = next(data for _, css, data in blocks(html) if css == "seoaudit-index")
    assert index["t"] == evil  # the title survives, escaped in the JSON text only


def test_real_images_next_to_a_saved_page(tmp_path):
    page = tmp_path / "post.html"
    page.write_text("<html></html>")
    (tmp_path / "post_files").mkdir()
    (tmp_path / "post_files" / "hero.png").write_bytes(png(1200, 630))
    (tmp_path / "wp-content/uploads").mkdir(parents=True)
    (tmp_path / "wp-content/uploads/b.png").write_bytes(png(300, 300))
    (tmp_path / "not-an-image.png").write_text("hello")
    (tmp_path.parent / "outside.png").write_bytes(png(10, 10))
    found = next_to(str(page), ["https://example.com/x/hero.png", "https://example.com/wp-content/uploads/b.png",
                                "/not-an-image.png", "../outside.png", "https://example.com/missing.png"])
    assert {url: (image.width, image.height, image.format, image.origin) for url, image in found.items()} == {
        "https://example.com/x/hero.png": (1200, 630, "png", "file"),
        "https://example.com/wp-content/uploads/b.png": (300, 300, "png", "file")}


def test_an_image_shared_by_documents_is_embedded_once(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.html").write_text(
            '<html><head><title>T</title><meta property="og:image" content="https://example.com/hero.png">'
            "</head><body></body></html>")
    (tmp_path / "hero.png").write_bytes(png(600, 600))
    html = formatter("html").render(audit(load_paths([str(tmp_path)]), Config()), RenderOptions())
    images = [data for i, _, data in blocks(html) if i and i.startswith("seoaudit-img-")]
    assert len(images) == 1 and images[0].startswith("data:image/png;base64,")
    details = [data for i, _, data in blocks(html) if i and i.startswith("seoaudit-doc-")]
    keys = {card["image"]["embed"] for d in details for card in d["previews"]["cards"] if card["image"]}
    assert keys == {"seoaudit-img-0"}
    facebook = details[0]["previews"]["cards"][0]
    assert facebook["layout"] == "large" and facebook["image"]["size_origin"] == "file"


def test_preview_command_draws_the_cut_texts_and_the_findings(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(app, ["preview", "--isolated", "examples/clean-page.html", "--color", "never"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in ("Google · desktop", "Google · phone", "Facebook", "LinkedIn", "X · summary_large_image", "Slack",
                     "Discord", "https://blog.example.com › 2026 › 02 › headless-cache-notes",
                     "serve fresh Open Graph tags without purging the ...",  # the phone snippet, cut at 680 px
                     "snippet cut after 98 of 115 characters",
                     "1600×900 (declared)", "cropped to 1.91:1", "1600×838 kept, 7% cut off"):
        assert expected in out, expected
    assert out.count("✔ no findings here") == 3  # beside the desktop result, Facebook and X: a clean page
    broken = runner.invoke(app, ["preview", "--isolated", "examples/broken-page.html", "--color", "never"]).stdout
    # each finding beside what it concerns: the snippet's beside the desktop result, the image's beside Facebook
    assert broken.index("Google · desktop") < broken.index("description/width-px-too-narrow") < broken.index(
        "Google · phone") < broken.index("Facebook") < broken.index("image/og-not-absolute") < broken.index("LinkedIn")


def test_preview_of_unreadable_input_exits_2_and_shows_the_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    result = runner.invoke(app, ["preview", "--isolated", str(bad), "examples/clean-post.json", "--color", "never"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"seoaudit: error: {bad}: ") and result.stderr.count("\n") == 1
    assert "examples/clean-post.json · wp-post" in result.stdout


def test_live_run_shows_and_embeds_the_real_image(monkeypatch, tmp_path):
    from tests.live_server import LiveServer, page

    monkeypatch.setenv("SEOAUDIT_LOOPBACK_ONLY", "1")
    with LiveServer("127.0.0.1") as server:
        image = server.url("/hero.png")
        server.add("/hero.png", body=png(1000, 1000), content_type="image/png", ranges=True)
        url = server.add("/post/", body=page(canonical=server.url("/post/"), extra=(
            f'<meta property="og:image" content="{image}"><meta property="og:image:width" content="1200">'
            '<meta property="og:image:height" content="630"><meta name="twitter:card" content="summary_large_image">')))
        result = runner.invoke(app, ["check", "--isolated", url, "-f", f"html:{tmp_path}/live.html"])
        preview = runner.invoke(app, ["preview", "--isolated", url, "--color", "never"], env={"COLUMNS": "100"})
    assert result.exit_code in (0, 1), result.output
    found = blocks((tmp_path / "live.html").read_text(encoding="utf-8"))
    images = [data for i, _, data in found if i and i.startswith("seoaudit-img-")]
    assert len(images) == 1 and images[0].startswith("data:image/png;base64,")
    x_card = next(data for i, _, data in found if i == "seoaudit-doc-0")["previews"]["cards"][2]
    assert x_card["image"]["size_origin"] == "live" and x_card["image"]["declared"] == [1200, 630]
    assert (x_card["image"]["width"], x_card["image"]["crop"]["h"]) == (1000, 500)  # the real square, cut to 2:1
    assert preview.exit_code == 0 and "1000×1000 (live)" in preview.stdout and "50% cut off" in preview.stdout


def test_an_offline_report_never_fetches(monkeypatch):
    import seoaudit.live.fetch

    def refuse(*args, **kwargs):
        raise AssertionError("an offline run created an HTTP client")

    monkeypatch.setattr(seoaudit.live.fetch, "Fetcher", refuse)
    report = audit(load_paths([str(EXAMPLES)]), Config())
    html = formatter("html").render(report, RenderOptions())
    details = [data for i, _, data in blocks(html) if i and i.startswith("seoaudit-doc-")]
    images = [card["image"] for d in details for card in d["previews"]["cards"] if card["image"]]
    assert images and not any(image["real"] for image in images)  # placeholders: declared sizes or "unknown"


def test_a_live_run_past_its_max_time_fetches_no_image(monkeypatch):
    import seoaudit.live.fetch
    from seoaudit.live.deadline import Deadline
    from seoaudit.live.fetch import FetchOptions, ImageDownloader
    from seoaudit.model import DocumentRef
    from seoaudit.report.html_report import HtmlFormatter
    from seoaudit.results import DocumentResult, Report

    def refuse(*args, **kwargs):
        raise AssertionError("an image was fetched after --max-time")

    monkeypatch.setattr(seoaudit.live.fetch, "Fetcher", refuse)
    image = "https://example.com/hero.png"
    run_deadline = Deadline(0, "the run's --max-time of 5 s")
    session = SimpleNamespace(image_downloader=lambda max_bytes: ImageDownloader(
        FetchOptions(max_time=5, max_bytes=max_bytes), run_deadline))
    result = DocumentResult(DocumentRef("https://example.com/post/", "html"), [],
                            {"title": "T", "og_images": [{"url": image}], "og": {"og:image": image}},
                            images={image: (1000, 1000, "png")})
    parts: list[str] = []
    formatter = HtmlFormatter(parts.append, RenderOptions())
    formatter.live(session)
    formatter.finish(Report([result]))
    details = next(data for i, _, data in blocks("".join(parts)) if i == "seoaudit-doc-0")
    facebook = details["previews"]["cards"][0]["image"]
    assert facebook["size_origin"] == "live" and facebook["width"] == 1000  # its probed size …
    assert not facebook["real"] and "embed" not in facebook  # … and no pixels
