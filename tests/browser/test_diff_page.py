"""The diff page in a real browser: two runs of the examples, one defect fixed and one added."""

from __future__ import annotations

from typer.testing import CliRunner

from seoaudit.cli import app
from tests.test_diff import runs  # noqa: F401  (the fixture: the two runs)

runner = CliRunner()


def test_diff_page_shows_the_changes_and_filters_them(tab, runs, tmp_path):  # noqa: F811
    old, new = runs
    assert runner.invoke(app, ["diff", str(old), str(new), "-f", f"html:{tmp_path}/diff.html"]).exit_code == 0
    tab.goto((tmp_path / "diff.html").as_uri())
    tab.wait_for_selector("#diff-status:not(:empty)")
    tiles = tab.locator("ul.tiles li").all_inner_texts()
    assert [t.split()[0] for t in tiles] == ["2", "3", "85", "2"]
    assert tab.inner_text("#diff-status") == "5 findings in 2 documents"
    assert tab.locator("tr[data-change=new] td:nth-child(3)").all_inner_texts() == [
        "opengraph/image-alt-missing", "description/empty"]
    tab.shot("changes")
    tab.uncheck("#c-fixed")
    assert tab.inner_text("#diff-status") == "2 findings in 2 documents"
    tab.check("#c-unchanged")
    assert tab.inner_text("#diff-status") == "87 findings in 9 documents"
    tab.select_option("#c-sev", "error")
    assert tab.inner_text("#diff-status") == "22 findings in 5 documents"
    tab.fill("#c-q", "og-not-absolute")
    assert tab.inner_text("#diff-status") == "0 findings in 0 documents"  # it was fixed, and fixed is unticked
    tab.check("#c-fixed")
    assert tab.inner_text("#diff-status") == "1 finding in 1 document"
    tab.shot("fixed-error")
