"""The layers hold: pyproject.toml's `layers-*` import contracts (rules ↛ live, live ↛ rules and engine, reports ↛
the engine's internals) are kept, and live mode does not reach the rules through their installed name either
(tests/test_layers.py runs every contract, the `rules-*` ones too)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

LAYERS = ("layers-rules-not-live", "layers-live-fetches", "layers-reports")


def test_the_layer_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    ids = [arg for contract in LAYERS for arg in ("--contract", contract)]
    done = subprocess.run([str(lint), "--no-cache", *ids], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(LAYERS)} kept, 0 broken." in done.stdout, done.stdout


def _imported(path: Path) -> list[str]:
    """The absolute names a module imports (relative imports resolved against its package)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = f"{base}.{node.module}" if node.level and node.module else base if node.level else node.module
            names += [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return names


def test_live_mode_does_not_import_the_rules_by_their_installed_name():
    """grimp cannot follow `seoaudit.rules` (package-dir maps it to rules/): live mode's imports are read here."""
    found = [(path.name, name) for path in sorted((ROOT / "seoaudit" / "live").glob("*.py"))
             for name in _imported(path) if name.startswith(("seoaudit.rules", "rules"))]
    assert found == []
    here = [name for name in _imported(ROOT / "seoaudit" / "load.py") if name.startswith("seoaudit.live")]
    assert here == []  # the recorded-exchange parser is load's own: no load ↔ live cycle
