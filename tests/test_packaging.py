"""Every rule folder is listed in pyproject.toml, or its rules would silently not ship in the wheel."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_rules_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {f"seoaudit.rules.{p.parent.name}" for p in (ROOT / "rules").glob("*/__init__.py")}
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
