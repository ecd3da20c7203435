"""The bundled examples keep their promise: every `clean-*` input has no finding at all (it passes even
`--fail-on info`), and every `broken-*` input fails the default gate with an error of the defect it is named
after."""

from __future__ import annotations

import pytest

from seoaudit.engine import Config, audit
from seoaudit.load import load_paths
from seoaudit.model import Severity

from .conftest import EXAMPLES

CLEAN = sorted(p.name for p in EXAMPLES.glob("clean-*"))
# broken-X: the category of the error it must show (a page's head: its canonical, Open Graph image or JSON-LD)
BROKEN = {"broken-canonical.json": {"canonical"}, "broken-images.json": {"image"},
          "broken-schema.json": {"schema"}, "broken-page.html": {"canonical", "image", "schema"}}


def findings(name: str) -> list:
    return list(audit(load_paths([str(EXAMPLES / name)]), Config()).findings)


def test_every_example_is_listed():
    assert sorted(p.name for p in EXAMPLES.glob("broken-*")) == sorted(BROKEN)
    assert CLEAN == ["clean-page.html", "clean-post.json"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_examples_have_no_finding_at_all(name):
    assert [(f.rule, f.message) for f in findings(name)] == []


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_examples_fail_the_default_gate_for_their_defect(name):
    errors = {f.category for f in findings(name) if f.severity == Severity.ERROR}
    assert BROKEN[name] <= errors, f"{name}: errors only in {sorted(errors)}"
