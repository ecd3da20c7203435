"""The run as a site, in the summary of every report: pages by what they are to search engines, sitemap
coverage, the largest duplicate groups; the same with one or two processes."""

from __future__ import annotations

import json
import subprocess
import sys

from seoaudit.engine import Config, audit
from seoaudit.load import load_bytes
from seoaudit.results import Report, site_line

from .conftest import ROOT


def page(slug: str, title: str, extra: str = "", canonical: str | None = None) -> str:
    return (f'<html><head><title>{title}</title><meta property="og:url" content="https://example.com/{slug}/">'
            f'<link rel="canonical" href="{canonical or f"https://example.com/{slug}/"}">{extra}</head>'
            "<body></body></html>")


def site(tmp_path, pages: int = 50):
    listed = "".join(f"<url><loc>https://example.com/p{i}/</loc></url>" for i in range(pages - 3))
    (tmp_path / "sitemap.xml").write_text(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{listed}</urlset>')
    for i in range(pages):  # the last three are in no sitemap
        title = "Shared title" if i < 4 else "Second shared" if i < 6 else f"Page {i}"
        (tmp_path / f"p{i}.html").write_text(page(f"p{i}", title))
    (tmp_path / "hidden.html").write_text(page("hidden", "Hidden", '<meta name="robots" content="noindex">'))
    (tmp_path / "copy.json").write_text(json.dumps({  # a post whose canonical names another page
        "link": "https://example.com/copy/", "status": "publish", "title": {"rendered": "Copy"},
        "yoast_head_json": {"title": "Copy", "canonical": "https://example.com/p0/"}}))
    (tmp_path / "draft.json").write_text(json.dumps({  # not public: no page of the site
        "link": "https://example.com/?p=7", "status": "draft", "title": {"rendered": "Draft"},
        "yoast_head_json": {"title": "Draft"}}))
    (tmp_path / "part.html").write_text("<div>a template part</div>")  # no page: not counted


def test_the_site_summary_counts_pages_sitemaps_and_duplicate_groups(tmp_path):
    site(tmp_path)
    documents = [d for path in sorted(tmp_path.iterdir()) for d in load_bytes(path.read_bytes(), str(path))]
    summary = Report(audit(documents, Config()).documents).summary()
    assert summary["site"] == {
        "indexable": 50, "noindex": 1, "canonicalised": 1, "sitemaps": {"files": 1, "pages_not_listed": 3},
        "largest_duplicate_groups": [{"rule": "title/duplicate", "value": "Shared title", "documents": 4},
                                     {"rule": "title/duplicate", "value": "Second shared", "documents": 2}]}
    assert site_line(summary) == ("site: 50 indexable, 1 noindex, 1 canonicalised to another page; 1 sitemap, 3 "
                                  "indexable pages in none; largest duplicate groups: title 'Shared title' (4 "
                                  "documents), title 'Second shared' (2 documents)")


def test_one_page_is_no_site():
    [document] = load_bytes(page("a", "A").encode(), "a.html")
    summary = Report(audit([document], Config()).documents).summary()
    assert summary["site"]["indexable"] == 1 and site_line(summary) is None


def test_the_site_summary_is_the_same_with_one_or_two_processes(tmp_path):
    site(tmp_path)

    def summary(jobs: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never",
                               "--jobs", jobs, "--format", "json", str(tmp_path)], cwd=ROOT, check=True,
                              capture_output=True)
        return json.loads(done.stdout)["summary"]

    one = summary("1")
    assert one == summary("2") and one["site"]["indexable"] == 50


def test_every_report_format_carries_the_site_summary(tmp_path):
    from seoaudit.report import formatter

    site(tmp_path, pages=6)
    documents = [d for path in sorted(tmp_path.iterdir()) for d in load_bytes(path.read_bytes(), str(path))]
    report = Report(audit(documents, Config()).documents)
    line = site_line(report.summary())
    assert line.startswith("site: 6 indexable, 1 noindex, 1 canonicalised to another page; 1 sitemap, 3 indexable")
    escaped = line.replace("'", "&#x27;")
    for name in ("rich", "concise", "markdown", "github", "junit", "html"):
        text = formatter(name).render(report)
        assert line[6:] in text or escaped[6:] in text or line[6:].replace("'", "\\u0027") in text, name
    for name in ("json", "sarif"):
        assert '"pages_not_listed": 3' in formatter(name).render(report), name
    assert '"pages_not_listed":3' in formatter("ndjson").render(report)
