"""The catalogue coverage table: every row accounted for, every rule real, at least 90 % covered."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from seoaudit.registry import all_rules

from .conftest import ROOT, SHARED


def tool():
    spec = importlib.util.spec_from_file_location("coverage_table", ROOT / "tools" / "coverage_table.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_catalogue_row_is_accounted_for():
    module = tool()
    seen = [(r.catalogue, r.number) for r in module.load_rows()]
    expected = {(name, n) for name, (_, count) in module.CATALOGUES.items() for n in range(1, count + 1)}
    assert set(seen) == expected, f"missing rows: {sorted(expected - set(seen))}"


def test_rows_name_real_rules_or_a_reason():
    rules = all_rules()
    for row in tool().load_rows():
        assert row.rules or row.reason, f"{row.label} has neither rules nor a reason"
        unknown = [r for r in row.rules if r not in rules]
        assert not unknown, f"{row.label} ({row.source}) names unknown rules {unknown}"


def test_at_least_90_percent_of_rows_are_covered():
    rows = tool().load_rows()
    assert sum(bool(r.rules) for r in rows) / len(rows) >= 0.90


@pytest.mark.skipif(not (SHARED / "docs").is_dir(), reason="../shared/docs is absent (a fresh clone)")
def test_generated_table_is_current():
    assert tool().main(["--check"]) == 0, "run `python tools/coverage_table.py` to regenerate docs/coverage.md"
