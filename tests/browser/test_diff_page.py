"""The diff page in a real browser: two runs of the examples, one defect fixed and one added."""

from __future__ import annotations

from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.diff import compare, load_report
from tests.test_diff import runs  # noqa: F401  (the fixture: the two runs)

runner = CliRunner()


def _shown(diff, statuses: tuple[str, ...], severity: str | None = None) -> str:
    """The page's status line for these changes (and severity), counted from the diff itself."""
    documents = found = 0
    for document in diff.documents:
        mine = [f for status in statuses for f in getattr(document, status)
                if severity is None or f["severity"] == severity]
        found += len(mine)
        documents += bool(mine)
    return f"{found} findings in {documents} documents"


def test_diff_page_shows_the_changes_and_filters_them(tab, runs, tmp_path):  # noqa: F811
    old, new = runs
    diff = compare(load_report(old), load_report(new))
    assert runner.invoke(app, ["diff", str(old), str(new), "-f", f"html:{tmp_path}/diff.html"]).exit_code == 0
    tab.goto((tmp_path / "diff.html").as_uri())
    tab.wait_for_selector("#diff-status:not(:empty)")
    tiles = tab.locator("ul.tiles li").all_inner_texts()
    counts = diff.counts()
    assert (counts["new"], counts["fixed"], counts["documents"]["changed"]) == (2, 2, 2)
    assert [t.split()[0] for t in tiles] == [str(counts[k]) for k in ("new", "fixed", "unchanged")] + ["2"]
    assert tab.inner_text("#diff-status") == "4 findings in 2 documents"
    assert tab.locator("tr[data-change=new] td:nth-child(3)").all_inner_texts() == [
        "opengraph/image-alt-missing", "description/empty"]
    tab.shot("changes")
    tab.uncheck("#c-fixed")
    assert tab.inner_text("#diff-status") == "2 findings in 2 documents"
    tab.check("#c-unchanged")
    assert tab.inner_text("#diff-status") == _shown(diff, ("new", "unchanged"))
    tab.select_option("#c-sev", "error")
    assert tab.inner_text("#diff-status") == _shown(diff, ("new", "unchanged"), "error")
    tab.fill("#c-q", "og-not-absolute")
    assert tab.inner_text("#diff-status") == "0 findings in 0 documents"  # it was fixed, and fixed is unticked
    tab.check("#c-fixed")
    assert tab.inner_text("#diff-status") == "1 finding in 1 document"
    tab.shot("fixed-error")
