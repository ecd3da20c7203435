"""The layers hold: pyproject.toml's `layers-*` import contracts (rules ↛ live, live ↛ rules and engine, reports ↛
the engine's internals, no import cycle) are kept, and live mode does not reach the rules through their installed
name either (tests/test_layers.py runs every contract, the `rules-*` ones too)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

from tools.import_cycles import cycles, import_map

from .conftest import ROOT

LAYERS = ("layers-rules-not-live", "layers-live-fetches", "layers-reports", "layers-no-cycles")


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


def test_no_module_takes_part_in_an_import_cycle():
    done = _lint_imports(ROOT, "layers-no-cycles")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Contracts: 1 kept, 0 broken." in done.stdout, done.stdout


def test_a_cycle_through_a_function_level_import_breaks_the_contract(tmp_path):
    """A lazy import (inside a function) closes a cycle as surely as one at the top: plant one in a copy."""
    for name in ("seoaudit", "rules", "tools"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "seoaudit" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n\ndef _planted():\n    from . import engine\n",
                     encoding="utf-8")
    done = _lint_imports(tmp_path, "layers-no-cycles")
    assert done.returncode == 1, done.stdout + done.stderr
    text = " ".join(done.stdout.split())  # lint-imports wraps long lines
    assert "layers-no-cycles: no import cycle among the modules of seoaudit and the rules BROKEN" in text, text
    assert "seoaudit.model -> seoaudit.engine ->" in text, text


def test_the_cycle_finder_reads_the_installed_name_of_the_rules():
    """`import seoaudit.rules.x` is an import of the module `rules.x` (grimp alone reads it as `seoaudit`)."""
    graph = grimp.build_graph("seoaudit", "rules", exclude_type_checking_imports=True)
    imports = import_map(graph)
    assert "rules" in imports["seoaudit.registry"]
    assert "seoaudit" not in imports["seoaudit.registry"]
    assert cycles(graph) == []
    graph.add_import(importer="rules", imported="seoaudit.registry")
    assert [cycle for cycle, _ in cycles(graph)] == [("rules", "seoaudit.registry", "rules")]


def _lint_imports(where, contract: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                           "lint_imports_command()", "--no-cache", "--contract", contract],
                          cwd=where, capture_output=True, text=True, timeout=300)
