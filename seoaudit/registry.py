"""registry: find the rule modules shipped in `seoaudit.rules` and describe them.

A rule module defines `ID` (`category/kebab-name`), `SEVERITY` (its default), optional `OPTIONS`
(name → default) and `check(page, options)`, a generator of `Violation`s. Optional `REQUIRES` names the inputs
without which `check` finds nothing, so the engine does not even call it on a document that lacks one (as
Lighthouse's `requiredArtifacts`): `"post"` (WP post fields, `page.post`), `"wire"` (live-mode HTTP facts,
`document.wire`), `"graph"` (JSON-LD in some view, `page.schema_view`). Declare only what the code already
returns early without: the findings must be the same with or without the gate. Its docstring is its
documentation: the first line is the summary, and the fenced blocks after `Fails` and `Passes` are
examples that the test suite runs. A rule that compares the documents of a run defines `signature` and
`check_group` instead of `check` (seoaudit/aggregate.py).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .model import CATEGORIES, Severity

REQUIREMENTS = ("post", "wire", "graph")  # what a rule's REQUIRES may name (see the module docstring)
RULE_ID = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
_EXAMPLE = re.compile(r"^\*\*(Fails|Passes)[^\n]*\n+```(\w+)\n(.*?)\n```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: Callable[..., Iterator[Any]] | None  # per document; None for a batch rule
    doc: str
    options: dict[str, Any] = field(default_factory=dict)
    module: str = ""
    # Batch rules (seoaudit/aggregate.py): a document's occurrences by group, and the judgement of one group.
    signature: Callable[..., Any] | None = None
    check_group: Callable[..., Iterator[Any]] | None = None
    requires: frozenset[str] = frozenset()  # of REQUIREMENTS: without one, `check` is not called


    # Asked for every rule of every document: computed once.
    category: str = field(init=False)
    is_batch: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", self.id.split("/", 1)[0])
        object.__setattr__(self, "is_batch", self.signature is not None)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def examples(self) -> list[tuple[str, str, str]]:
        """(`Fails`|`Passes`, language, text) for every example block in the docstring."""
        return [(m.group(1), m.group(2), m.group(3)) for m in _EXAMPLE.finditer(self.doc)]


class RuleError(Exception):
    pass


def _rule_from_module(module) -> Rule:
    rule_id = getattr(module, "ID", None)
    match = RULE_ID.match(rule_id or "")
    if not match or match.group(1) not in CATEGORIES:
        raise RuleError(f"{module.__name__}: ID {rule_id!r} is not category/kebab-name with a known category")
    batch = [getattr(module, name, None) for name in ("signature", "check_group")]
    if any(batch) and not all(batch):
        raise RuleError(f"{module.__name__}: a batch rule needs signature and check_group")
    requires = frozenset(getattr(module, "REQUIRES", ()))
    if not requires <= set(REQUIREMENTS):
        raise RuleError(f"{module.__name__}: REQUIRES {sorted(requires)} names other than {REQUIREMENTS}")
    return Rule(
        id=rule_id,
        severity=Severity.parse(module.SEVERITY),
        check=getattr(module, "check", None),
        doc=inspect.cleandoc(module.__doc__ or ""),
        options=dict(getattr(module, "OPTIONS", {})),
        module=module.__name__,
        signature=batch[0],
        check_group=batch[1],
        requires=requires,
    )


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule, keyed by id, in id order."""
    import seoaudit.rules as package

    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        if not hasattr(module, "check") and not hasattr(module, "signature"):
            continue  # a helper module such as _shared.py
        rule = _rule_from_module(module)
        if rule.id in found:
            raise RuleError(f"duplicate rule id {rule.id} in {module.__name__} and {found[rule.id].module}")
        found[rule.id] = rule
    return dict(sorted(found.items()))


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules matching `select` (ids or categories; all when empty) and not matching `ignore`."""
    rules = all_rules()
    for ref in [*(select or []), *(ignore or [])]:
        if ref not in rules and ref not in CATEGORIES:
            raise RuleError(f"unknown rule or category {ref!r}" + _suggest(ref, [*rules, *CATEGORIES]))

    def matches(rule: Rule, refs: list[str]) -> bool:
        return rule.id in refs or rule.category in refs

    return [r for r in rules.values()
            if (not select or matches(r, select) or r.category == "input") and not matches(r, ignore or [])]


def _suggest(ref: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(ref, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
