"""registry: find the rule modules shipped in `seoaudit.rules` and describe them.

A rule module defines `ID` (`category/kebab-name`), `SEVERITY` (its default), optional `OPTIONS` (name →
`options.Option`: type, default, range, meaning) and `check(page, options)`, a generator of `Violation`s (`options`
holds each option's value). Optional `REQUIRES` names the inputs
without which `check` finds nothing, so the engine does not even call it on a document that lacks one (as
Lighthouse's `requiredArtifacts`): `"post"` (WP post fields, `page.post`), `"wire"` (live-mode HTTP facts,
`document.wire`), `"graph"` (JSON-LD in some view, `page.schema_view`), `"sitemap"` (a sitemap file,
`page.sitemap`: only the rules that require it, and the input rules, run on a sitemap). Declare only what the
code already returns early without: the findings must be the same with or without the gate. A requirement that
`check` takes as a keyword parameter (`def check(page, options, graph)`) is passed in by the engine
(`ARTIFACTS`: `page.graph`, `page.post`, `document.wire`, `page.sitemap`), so the rule repeats no guard. Its
docstring is its documentation: the first line is the summary, and the fenced blocks after `Fails` and `Passes` are
examples that the test suite runs. A rule that compares the documents of a run defines `signature` and
`check_group` instead of `check` (seoaudit/aggregate.py).

A rule whose impact depends on what the document says declares the severity of its mild and aggravated cases
(`SEVERITY_MILD = "info"`, `SEVERITY_AGGRAVATED = "error"`) and marks each violation (`Violation.case`:
`model.MILD` or `model.AGGRAVATED`). `OPT_IN = True` keeps a
rule out of the default selection (advice that is not a defect): it runs only when `select` or
`extend-select` names it or its category.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any

from .model import AGGRAVATED, CATEGORIES, MILD, Severity
from .options import Option

REQUIREMENTS = ("post", "wire", "graph", "sitemap")  # what a rule's REQUIRES may name (see the module docstring)
# What the engine passes a rule's `check` for each requirement it takes as a parameter.
ARTIFACTS = {"post": attrgetter("post"), "wire": attrgetter("document.wire"), "graph": attrgetter("graph"),
             "sitemap": attrgetter("sitemap")}
RULE_ID = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
_EXAMPLE = re.compile(r"^\*\*(Fails|Passes)[^\n]*\n+```(\w+)\n(.*?)\n```", re.MULTILINE | re.DOTALL)
# An example of a rule across documents: several files of one run, each block after its name in backticks.
_RUN_EXAMPLE = re.compile(r"^\*\*(Fails|Passes)\*\* \(one run of these files\):\n+"
                          r"((?:`[^`\n]+`:\n+```\w+\n.*?\n```\n*)+)", re.MULTILINE | re.DOTALL)
RUN_FILE = re.compile(r"^`([^`\n]+)`:\n+```(\w+)\n(.*?)\n```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: Callable[..., Iterator[Any]] | None  # per document; None for a batch rule
    doc: str
    options: dict[str, Any] = field(default_factory=dict)  # name → default
    declared_options: dict[str, Option] = field(default_factory=dict)  # name → its declaration (type, range)
    module: str = ""
    # Batch rules (seoaudit/aggregate.py): a document's occurrences by group, and the judgement of one group.
    signature: Callable[..., Any] | None = None
    check_group: Callable[..., Iterator[Any]] | None = None
    requires: frozenset[str] = frozenset()  # of REQUIREMENTS: without one, `check` is not called
    mild: Severity | None = None  # the severity of a violation marked MILD (None: the rule has no mild case)
    aggravated: Severity | None = None  # the same for AGGRAVATED
    opt_in: bool = False  # off unless selected by id or category
    # The REQUIRES that `check` takes as keyword parameters (`def check(page, options, graph)`): the engine passes
    # them in (`ARTIFACTS`), so the rule needs no guard of its own (Lighthouse's requiredArtifacts).
    artifacts: tuple[str, ...] = ()

    # Asked for every rule of every document: computed once.
    category: str = field(init=False)
    is_batch: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", self.id.split("/", 1)[0])
        object.__setattr__(self, "is_batch", self.signature is not None)

    def __reduce_ex__(self, protocol):
        # A registered rule travels to worker processes by id (its check may be made by a function of
        # seoaudit.checks, which pickle cannot name); one built by hand travels whole.
        if all_rules().get(self.id) is self:
            return _registered, (self.id,)
        return super().__reduce_ex__(protocol)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def severity_text(self) -> str:
        """`warning (↑ error, ↓ info)`: the default, then the aggravated and mild cases; `opt-in` when off."""
        cases = [f"↑ {self.aggravated.label}"] if self.aggravated else []
        cases += [f"↓ {self.mild.label}"] if self.mild else []
        text = self.severity.label + (f" ({', '.join(cases)})" if cases else "")
        return text + (", opt-in" if self.opt_in else "")

    def severities(self, configured: Severity | None = None) -> dict[str | None, Severity]:
        """The severity of each case of a violation (None: the usual case); a configured severity holds for all."""
        if configured is not None:
            return {None: configured, MILD: configured, AGGRAVATED: configured}
        return {None: self.severity, MILD: self.mild or self.severity, AGGRAVATED: self.aggravated or self.severity}

    def examples(self) -> list[tuple[str, str, str]]:
        """(`Fails`|`Passes`, language, text) for every example block in the docstring; an example of several
        files of one run (`**Fails** (one run of these files):`, then `` `name`: `` and a block per file) is
        (kind, "run", its text), whose files `RUN_FILE` finds."""
        return [(m.group(1), m.group(2), m.group(3)) for m in _EXAMPLE.finditer(self.doc)] + [
            (m.group(1), "run", m.group(2)) for m in _RUN_EXAMPLE.finditer(self.doc)]


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
    check = getattr(module, "check", None)
    # After (page, options), `check` may take only requirements, which the engine passes in by name.
    artifacts = tuple(inspect.signature(check).parameters)[2:] if check is not None else ()
    if unknown := [name for name in artifacts if name not in REQUIREMENTS]:
        raise RuleError(f"{module.__name__}: check takes {unknown}, which the engine does not pass (after page "
                        f"and options it passes only requirements: {', '.join(REQUIREMENTS)})")
    if not set(artifacts) <= requires:
        raise RuleError(f"{module.__name__}: check takes {sorted(set(artifacts) - requires)} without REQUIRES")
    declared = dict(getattr(module, "OPTIONS", {}))
    if undeclared := sorted(name for name, option in declared.items() if not isinstance(option, Option)):
        raise RuleError(f"{module.__name__}: OPTIONS {undeclared} are not declared with options.Option")
    severity = Severity.parse(module.SEVERITY)
    mild, aggravated = (Severity.parse(getattr(module, name)) if hasattr(module, name) else None
                        for name in ("SEVERITY_MILD", "SEVERITY_AGGRAVATED"))
    if (mild is not None and mild >= severity) or (aggravated is not None and aggravated <= severity):
        raise RuleError(f"{module.__name__}: SEVERITY_MILD must be below SEVERITY and SEVERITY_AGGRAVATED above it")
    return Rule(
        id=rule_id,
        severity=severity,
        check=check,
        doc=inspect.cleandoc(module.__doc__ or ""),
        options={name: option.default for name, option in declared.items()},
        declared_options=declared,
        module=module.__name__,
        signature=batch[0],
        check_group=batch[1],
        requires=requires,
        mild=mild,
        aggravated=aggravated,
        opt_in=bool(getattr(module, "OPT_IN", False)),
        artifacts=artifacts,
    )


def _registered(rule_id: str) -> Rule:
    return all_rules()[rule_id]


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


# Rule ids that no longer exist, each with the id that took its place (None: none did) and why. A config, a command
# line or an ignore comment that still names one is told what to use instead (README "Retired rule ids").
RETIRED: dict[str, tuple[str | None, str]] = {
    "twitter/field-missing": ("image/og-missing", "an X card with no title or image lacks the Open Graph tags it falls "
                                                  "back to: image/og-missing and opengraph/required-missing report "
                                                  "them, and say what X shows"),
    "title/length-chars-too-long": ("title/width-px-too-wide", "characters and pixels of one title are one finding"),
    "title/length-chars-too-short": ("title/width-px-too-narrow", "characters and pixels of one title are one "
                                                                  "finding"),
    "description/length-chars-too-long": ("description/width-px-too-wide", "characters and pixels of one "
                                                                           "description are one finding"),
    "description/length-chars-too-short": ("description/width-px-too-narrow", "characters and pixels of one "
                                                                              "description are one finding"),
    "wordpress/seo-plugin": (None, "the SEO plugin is no defect: the report shows it in metadata.seo_plugins and in "
                                   "each document's header"),
}


@cache
def docs_base() -> str | None:
    """Where the rule pages generated into docs/rules/ (tools/rule_docs.py) are published: the `Rules` entry
    of `[project.urls]` in pyproject.toml, read from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("seoaudit").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip() == "Rules":
            return url.strip().rstrip("/") + "/"
    return None


def rule_page(rule_id: str) -> str:
    """The path of a rule's page below docs/rules/: `canonical/missing.md`."""
    return f"{rule_id}.md"


def rule_url(rule_id: str) -> str | None:
    """The documentation URL of a rule (SARIF `helpUri`, the JSON report's `help_uri`)."""
    base = docs_base()
    return base + rule_page(rule_id) if base else None


def _suggest(ref: str, known: list[str]) -> str:
    """What to write instead of an unknown reference: the successor of a retired id, else the closest id."""
    if ref in RETIRED:
        successor, why = RETIRED[ref]
        return f" (retired: {why}" + (f"; use {successor!r})" if successor else ")")
    import difflib

    close = difflib.get_close_matches(ref, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def unknown_ref(ref: str) -> str | None:
    """What is wrong with a reference that names neither a rule nor a category (with what to write instead),
    or None when it names one. The one check of a rule reference: config, command line and engine ask it."""
    rules = all_rules()
    if ref in rules or ref in CATEGORIES:
        return None
    return f"unknown rule or category {ref!r}" + _suggest(ref, [*rules, *CATEGORIES])


def check_options(rule_id: str, settings: dict[str, Any]) -> None:
    """Raise `RuleError` for the first option of `settings` that `rule_id` (a rule, or a category, which takes
    none) does not declare, or whose value its declaration (`options.Option`) refuses: one line that names the
    rule, the option and what it takes. The one check of a rule's options: config and engine ask it."""
    import difflib
    import json

    at = f"rules.{json.dumps(rule_id)}"
    rule = all_rules().get(rule_id)
    if rule is None and rule_id not in CATEGORIES:
        raise RuleError(f"{at}: unknown rule {rule_id!r}" + _suggest(rule_id, [*all_rules(), *CATEGORIES]))
    declared = rule.declared_options if rule is not None else {}
    for name, value in settings.items():
        if name not in declared:
            close = difflib.get_close_matches(name, ["severity", *declared], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (it takes {', '.join(['severity', *declared])})"
            scope = "rule" if rule is not None else "category (only `severity` is allowed)"
            raise RuleError(f"{at}: unknown option {name!r} for {scope} {rule_id!r}" + hint)
        if (problem := declared[name].problem(value)) is not None:
            raise RuleError(f"{at}.{name}: {problem}")


def check_refs(refs: Iterable[str]) -> None:
    """Raise `RuleError` for the first reference that is neither a rule nor a category."""
    for ref in refs:
        if (problem := unknown_ref(ref)) is not None:
            raise RuleError(problem)
