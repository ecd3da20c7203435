"""The golden summary of the corpus (tests/golden/corpus-summary.md): per rule, the findings of each severity
on `corpus/html` and `corpus/wp`. Any change in a rule's volume shows here and in review; regenerate the file with
`python tools/corpus_summary.py` and say in the commit why the counts moved."""

from __future__ import annotations

from .conftest import load_tool, needs_corpus

pytestmark = needs_corpus


def tool():
    return load_tool("corpus_summary")


def test_the_golden_summary_is_what_the_code_gives():
    summary = tool()
    assert summary.GOLDEN.read_text(encoding="utf-8") == summary.summary(), (
        "the corpus findings changed: run `python tools/corpus_summary.py` and review the diff")


def test_the_compare_table_lists_only_what_moved():
    summary = tool()
    old = ("| rule | html | wp |\n|---|---|---|\n| `a/b` | 1 / 2 / 3 | 0 / 0 / 0 |\n| `c/d` | 0 / 1 / 0 | 0 / 0 / 0 |\n"
           "| **total** | 1 / 3 / 3 | 0 / 0 / 0 |\n")
    new = old.replace("| `c/d` | 0 / 1 / 0 |", "| `c/d` | 0 / 0 / 1 |").replace("1 / 3 / 3", "1 / 2 / 4")
    assert summary.compare(old, new).splitlines()[2:] == ["| `c/d` | 0 / 1 / 0 | 0 / 0 / 1 | 0 / 0 / 0 | 0 / 0 / 0 |",
                                                          "| `total` | 1 / 3 / 3 | 1 / 2 / 4 | 0 / 0 / 0 | 0 / 0 / 0 |"]
