"""An import-linter contract type: no import cycle among the modules of the given packages.

import-linter's own `acyclic_siblings` judges packages squashed with their children, one level at a time, and never
sees a package's `__init__` take part in a cycle with its own modules; this contract judges every module, with the
imports inside functions (grimp records them as any other). Imports under `if TYPE_CHECKING:` are left out: they
never run, so they cannot make a cycle at import time.

`rules/` ships as `seoaudit.rules` (package-dir), a name grimp resolves to the `seoaudit` package: an import of
`seoaudit.rules…` is counted as an import of the `rules…` module it names.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import grimp
from importlinter import Contract, ContractCheck, fields, output

SHIPPED_AS = {"seoaudit.rules": "rules"}  # installed name → the package as grimp sees it on disk


class NoCyclesContract(Contract):
    type_name = "no_cycles"

    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        own = grimp.build_graph(*self.packages, exclude_type_checking_imports=True, cache_dir=None)
        return ContractCheck(kept=not (found := cycles(own)), metadata={"cycles": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle, group in check.metadata["cycles"]:
            output.print_error(" -> ".join(cycle), bold=False)
            output.print(f"  (the modules that import each other: {', '.join(group)})")
        output.new_line()


def cycles(graph: grimp.ImportGraph) -> list[tuple[tuple[str, ...], list[str]]]:
    """For each group of modules that import each other: a shortest cycle through its first module, and the group."""
    imports = import_map(graph)
    return [(_shortest_cycle(imports, group), group) for group in _groups(imports)]


def import_map(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Module → the modules it imports directly. grimp reads `import seoaudit.rules` as an import of `seoaudit` and
    drops `from seoaudit.rules.x import y`: those imports are read from the source and counted as imports of the
    `rules…` module they name."""
    imports: dict[str, set[str]] = {module: set() for module in graph.modules}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            details = graph.get_import_details(importer=importer, imported=imported)
            if imported != "seoaudit" or not all(_INSTALLED.search(d["line_contents"]) for d in details):
                imports[importer].add(imported)
        imports[importer] |= set(_installed_imports(graph, importer))
        imports[importer].discard(importer)
    return imports


_INSTALLED = re.compile(r"\bseoaudit\.rules\b")


def _installed_imports(graph: grimp.ImportGraph, module: str) -> Iterator[str]:
    """The on-disk modules that `module` imports by an installed name (`seoaudit.rules…`), from its source."""
    path = _source(module)
    if path is None or not _INSTALLED.search(text := path.read_text(encoding="utf-8")):
        return
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for installed, on_disk in SHIPPED_AS.items():
            named = [on_disk + name[len(installed):] for name in names
                     if name == installed or name.startswith(installed + ".")]
            modules = [name for name in named if name in graph.modules]
            if named:
                yield max(modules, key=len) if modules else on_disk


def _source(module: str) -> Path | None:
    """The file of `module`, found where its top package is imported from."""
    top, _, rest = module.partition(".")
    spec = importlib.util.find_spec(top)
    if spec is None or spec.origin is None:
        return None
    if not rest:
        return Path(spec.origin)
    base = Path(spec.origin).parent.joinpath(*rest.split("."))
    return next((path for path in (base.with_suffix(".py"), base / "__init__.py") if path.is_file()), None)


def _groups(imports: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for root in sorted(imports):
        if root in index:
            continue
        work = [(root, iter(sorted(imports[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            for target in targets:
                if target not in imports:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports[target]))))
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return sorted(groups)


def _shortest_cycle(imports: dict[str, set[str]], group: list[str]) -> tuple[str, ...]:
    """A shortest path from the group's first module back to itself, inside the group (breadth first)."""
    start, members = group[0], set(group)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(imports[module] & members):
                if target == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return (start, *reversed(path[:-1]), start)
                if target not in came_from:
                    came_from[target] = module
                    following.append(target)
        frontier = following
    return (*group, group[0])  # not reached: every group is strongly connected
