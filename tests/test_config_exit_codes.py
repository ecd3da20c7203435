"""The gate's contract: exit codes for every kind of run and every --fail-on.

0: nothing at or above the fail level; 1: findings at or above it; 2: usage, config or unreadable input.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

from .conftest import EXAMPLES, ROOT

runner = CliRunner()
LEVELS = ("error", "warning", "info", "never")

# (inputs and flags, exit code per --fail-on level in LEVELS order)
MATRIX = {
    # The clean examples stay clean for these categories (new info rules elsewhere may note things).
    "clean": ([EXAMPLES / "clean-post.json", EXAMPLES / "clean-page.html", "--select", "canonical"],
              (0, 0, 0, 0)),
    "info only": ([EXAMPLES / "draft-post.json", "--select", "canonical/draft-placeholder"], (0, 0, 1, 0)),
    "warnings only": ([EXAMPLES / "broken-page.html", "--select", "url/tracking-params"], (0, 1, 1, 0)),
    "errors": ([EXAMPLES / "broken-page.html"], (1, 1, 1, 0)),
    "unreadable file": ([ROOT / "tests" / "data" / "truncated.json", EXAMPLES / "clean-post.json"], (2, 2, 2, 2)),
    "missing file": (["no/such/file.json"], (2, 2, 2, 2)),
    "unknown rule": ([EXAMPLES / "clean-post.json", "--select", "canonical/mising"], (2, 2, 2, 2)),
}


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no config file of the repository or of the user


def code_of(*args) -> int:
    return runner.invoke(app, ["check", "-q", *map(str, args)]).exit_code


@pytest.mark.parametrize("case", MATRIX)
@pytest.mark.parametrize("level", LEVELS)
def test_exit_code_matrix(case, level):
    args, codes = MATRIX[case]
    assert code_of(*args, "--fail-on", level) == codes[LEVELS.index(level)]


@pytest.mark.parametrize("level", LEVELS)
def test_fail_on_from_the_config_file(tmp_path, level):
    (tmp_path / ".seoaudit.toml").write_text(f'fail-on = "{level}"\n')
    args, codes = MATRIX["warnings only"]
    assert code_of(*args) == codes[LEVELS.index(level)]


@pytest.mark.parametrize("level", LEVELS)
def test_a_baseline_covering_every_finding_exits_0(tmp_path, level):
    baseline = tmp_path / "baseline.json"
    assert code_of(EXAMPLES, "--write-baseline", baseline) == 0
    assert code_of(EXAMPLES, "--baseline", baseline, "--fail-on", level) == 0


def test_a_baseline_does_not_hide_unreadable_input(tmp_path):
    baseline = tmp_path / "baseline.json"
    bad = ROOT / "tests" / "data" / "truncated.json"
    assert code_of(bad, "--write-baseline", baseline) == 2
    assert code_of(bad, "--baseline", baseline) == 2


@pytest.mark.parametrize("config", ['select = ["imgae"]', "fail-on = 3", "nonsense = true", "select = ["])
def test_a_bad_config_exits_2_whatever_the_input(tmp_path, config):
    (tmp_path / ".seoaudit.toml").write_text(config + "\n")
    assert code_of(EXAMPLES / "clean-post.json") == 2


def test_unreadable_output_file_exits_2(tmp_path):
    (tmp_path / "f").write_text("")
    assert code_of(EXAMPLES / "clean-post.json", "-f", f"json:{tmp_path / 'f' / 'x.json'}") == 2


def test_bad_usage_exits_2():
    assert code_of(EXAMPLES / "clean-post.json", "--format", "xml") == 2
    assert code_of(EXAMPLES / "clean-post.json", "--fail-on", "sometimes") == 2
    assert runner.invoke(app, ["check"]).exit_code == 2
