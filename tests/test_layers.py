"""The import contracts of pyproject.toml `[tool.importlinter]` hold (import-linter), and they see every import
they judge."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

# `lint-imports` sees `rules/` as the package `rules`; an absolute `seoaudit.rules…` import would slip past it.
_ABSOLUTE_RULES_IMPORT = re.compile(r"^\s*(?:from|import)\s+seoaudit\.rules\b", re.MULTILINE)


def test_import_contracts_are_kept():
    done = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                           "lint_imports_command()"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    kept = re.findall(r"^(rules-[a-z-]+): .*?KEPT", done.stdout, re.MULTILINE | re.DOTALL)
    assert {"rules-categories", "rules-modules"} <= set(kept), done.stdout


def test_rules_import_each_other_only_relatively():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "rules").rglob("*.py")
                 if _ABSOLUTE_RULES_IMPORT.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
