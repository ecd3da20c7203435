"""config: find, read and validate `[tool.seoaudit]` / `.seoaudit.toml`, and merge the command line over it.

Discovery (as ruff does): from the working directory upward, the first `.seoaudit.toml`, or
`pyproject.toml` that has a `[tool.seoaudit]` table (a pyproject.toml without one is skipped); or the
file given with `--config`. Validation has two layers: the installed rules (the `rules` table's rule ids and
categories, and each option by the rule's declaration, `registry.check_options`: its type, range and item type;
the rule references of `select`, `ignore`…) and the JSON Schema shipped in the package
(`seoaudit/schemas/config.schema.json`: keys and types; its `rules` entries are generated from the same
declarations by tools/config_schema.py). Any problem is one `ConfigError` line that names the file, the key
(and for an option the rule, the option and what it takes) and, when one is close, the right spelling.
"""

from __future__ import annotations

import difflib
import json
import pkgutil
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .discovery import DEFAULT_EXCLUDE, FileRules, Pattern
from .limits import Limits
from .model import Severity
from .registry import RuleError, all_rules, check_options, check_refs, unknown_ref

DOT_FILE = ".seoaudit.toml"
PYPROJECT = "pyproject.toml"
FAIL_LEVELS = ("error", "warning", "info", "never")


class ConfigError(Exception):
    pass


@cache
def schema() -> dict[str, Any]:
    return json.loads(pkgutil.get_data("seoaudit", "schemas/config.schema.json"))


def with_rule_options(spec: dict[str, Any]) -> dict[str, Any]:
    """The config schema `spec` with an entry in its `rules` table for each rule that declares options, made from
    the declarations (`options.Option`). tools/config_schema.py writes it into seoaudit/schemas/; a test keeps the
    file equal to it. Other rules and the categories take `severity` alone (`$defs.ruleSettings`)."""
    entries = {rule.id: {"type": "object",
                         "properties": {"severity": {"$ref": "#/$defs/severity"},
                                        **{name: option.schema() for name, option in rule.declared_options.items()}},
                         "additionalProperties": False}
               for rule in all_rules().values() if rule.declared_options}
    rules = {**spec["properties"]["rules"], "properties": entries}
    return {**spec, "properties": {**spec["properties"], "rules": rules}}


@dataclass(frozen=True)
class FileConfig:
    """A validated config table and where it came from (`path` is None when there is no file)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        if self.path is None:
            return "config"
        return f"{self.path} [tool.seoaudit]" if self.path.name == PYPROJECT else str(self.path)


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None (or empty) leaves the file's value alone."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    site_url: str | None = None
    fail_on: str | None = None
    baseline: Path | None = None
    exclude: tuple[str, ...] | None = None  # replaces the file's `exclude` (patterns relative to the cwd)
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    respect_gitignore: bool | None = None


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one run: the engine's Config plus what only the CLI uses."""

    config: Any  # engine.Config
    fail_on: Severity | None  # None: never exit 1 on findings
    baseline: Path | None
    source: Path | None  # the config file, if any
    allow_private_hosts: tuple[str, ...] = ()  # live mode's address policy (seoaudit/live/policy.py)
    files: FileRules = None  # how files are found (seoaudit/discovery.py)

    @property
    def root(self) -> Path:
        """The project root: the config file's folder; without one, see `project_root`."""
        return self.files.root


def discover(start: Path) -> FileConfig:
    for directory in [start.resolve(), *start.resolve().parents]:
        found = _config_in(directory)
        if found.path is not None:
            return found
    return FileConfig()


def _config_in(directory: Path) -> FileConfig:
    """The config of this folder itself: `.seoaudit.toml`, else a pyproject.toml with `[tool.seoaudit]`."""
    dot = directory / DOT_FILE
    if dot.is_file():
        return read(dot)
    pyproject = directory / PYPROJECT
    if pyproject.is_file():
        return read(pyproject)
    return FileConfig()


class Resolver:
    """The settings that govern each folder: those of the nearest config file above it, as ruff resolves
    them; a folder under none has the run's own (`base`, found from the working directory). With
    `--config` or `--isolated` (`hierarchical=False`) the run's own settings govern everything. The
    command line overrides every config alike. A small map: one Settings per distinct config file."""

    def __init__(self, base: Settings, cli: Overrides | None = None, hierarchical: bool = True):
        self.base = base
        self.cli = cli or Overrides()
        self.hierarchical = hierarchical
        self._by_directory: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {base.source.resolve(): base} if base.source is not None else {}

    def __call__(self, directory: Path) -> Settings:
        if not self.hierarchical:
            return self.base
        found = self._by_directory.get(directory)
        if found is None:
            file = _config_in(directory)
            if file.path is not None:
                key = file.path.resolve()
                found = self._by_file.get(key) or self._by_file.setdefault(key, resolve(file, self.cli))
            elif directory.parent == directory:
                found = self.base
            else:
                found = self(directory.parent)
            self._by_directory[directory] = found
        return found

    def for_file(self, path: Path) -> Settings:
        return self(path.parent)

    @property
    def settings(self) -> list[Settings]:
        """Every distinct Settings met so far, the run's own first."""
        return [self.base, *(s for s in self._by_file.values() if s is not self.base)]


def read(path: Path) -> FileConfig:
    """Read and validate one file. A pyproject.toml without `[tool.seoaudit]` gives an empty FileConfig."""
    import tomllib  # only a run that reads a config file pays for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("seoaudit")
        if table is None:
            return FileConfig()
    else:
        table = data
    config = FileConfig(path, table)
    validate(table, config.where)
    return config


def validate(table: Any, where: str = "config") -> None:
    """Raise ConfigError for the first problem: unknown key, wrong type, unknown rule or option."""
    spec = schema()
    if isinstance(table, dict):
        for key in table:
            if key not in spec["properties"]:
                raise ConfigError(f"{where}: unknown key {key!r}" + _suggest(key, spec["properties"]))
        # The rules table first, by the rules' own declarations: their messages name the allowed range and the
        # option meant (the schema, generated from the same declarations, says no more than they do).
        rules = table.get("rules")
        for rule_id, settings in rules.items() if isinstance(rules, dict) else ():
            if isinstance(settings, dict):
                _validate_rule(rule_id, settings, where)
    if not _conforms(table):
        _schema_error(table, spec, where)
    refs = [(key, ref) for key in ("select", "extend-select", "ignore") for ref in table.get(key, [])]
    refs += [(f"per-file-ignores.{json.dumps(pattern)}", ref)
             for pattern, listed in table.get("per-file-ignores", {}).items() for ref in listed]
    for key, ref in refs:
        if (problem := unknown_ref(ref)) is not None:
            raise ConfigError(f"{where}: {key}: {problem}")
    for entry in table.get("allow-private-hosts", []):
        if "/" in entry:
            import ipaddress

            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as exc:
                raise ConfigError(f"{where}: allow-private-hosts: {entry!r} is not a network ({exc})") from None


def _conforms(table: Any) -> bool:
    """Whether `table` conforms to the schema, by its compiled validator (seoaudit/config_validator.py, written by
    tools/config_schema.py): importing jsonschema would cost a run that reads a config file a quarter of its
    start-up."""
    from fastjsonschema import JsonSchemaException

    from .config_validator import validate as conforming

    try:
        conforming(table)
    except JsonSchemaException:
        return False
    return True


def _schema_error(table: Any, spec: dict[str, Any], where: str) -> None:
    """Raise the ConfigError jsonschema words for a table that does not conform (jsonschema has the last word:
    a table it accepts is valid)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(spec).iter_errors(table))
    if error is not None:
        path = ".".join(json.dumps(p) if not str(p).replace("-", "").isalnum() else str(p)
                        for p in error.absolute_path)
        raise ConfigError(f"{where}: {path or 'config'}: {error.message}")


def _validate_rule(rule_id: str, settings: dict[str, Any], where: str) -> None:
    try:
        check_options(rule_id, {name: value for name, value in settings.items() if name != "severity"})
    except RuleError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _suggest(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def resolve(file: FileConfig, cli: Overrides | None = None) -> Settings:
    """Merge the command line over the file into the engine's Config. The CLI wins: `--select` replaces
    `select` and `extend-select`; `--ignore` and `--extend-select` add to the file's lists."""
    from .engine import Config

    cli = cli or Overrides()
    values = file.values
    base = file.path.resolve().parent if file.path is not None else None
    try:
        check_refs([*cli.select, *cli.extend_select, *cli.ignore])
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    select = cli.select or tuple(values.get("select", ()))
    extend_select = (() if cli.select else tuple(values.get("extend-select", ()))) + cli.extend_select
    ignore = tuple(values.get("ignore", ())) + cli.ignore
    severities: dict[str, Severity] = {}
    options: dict[str, dict[str, Any]] = {}
    rules = all_rules()
    table = values.get("rules", {})
    # Category severities first, so that a rule's own severity wins over its category's.
    for key in sorted(table, key=lambda k: "/" in k):
        settings = dict(table[key])
        level = settings.pop("severity", None)
        targets = [key] if key in rules else [r for r in rules if rules[r].category == key]
        for rule_id in targets:
            if level is not None:
                severities[rule_id] = Severity.parse(level)
        if settings:
            options[key] = settings
    per_file: list[tuple[str, tuple[str, ...]]] = []
    for pattern, refs in values.get("per-file-ignores", {}).items():
        per_file.append((pattern, tuple(refs)))
        if base is not None and "/" in pattern and not Path(pattern).is_absolute():
            per_file.append(((base / pattern).as_posix(), tuple(refs)))
    fail_on = cli.fail_on or values.get("fail-on", "error")
    baseline = cli.baseline
    if baseline is None and values.get("baseline"):
        baseline = (base or Path.cwd()) / values["baseline"]
    config = Config(select=select, ignore=ignore, extend_select=extend_select, severities=severities,
                    options=options, per_file_ignores=tuple(per_file),
                    site_url=cli.site_url or values.get("site-url"),
                    allowed_hosts=tuple(values.get("allowed-hosts", ())),
                    limits=Limits.from_config(values.get("limits", {})))
    root = base or project_root(Path.cwd())
    return Settings(config, None if fail_on == "never" else Severity.parse(fail_on), baseline, file.path,
                    tuple(values.get("allow-private-hosts", ())), _file_rules(values, root, cli))


def project_root(cwd: Path) -> Path:
    """Where relative paths of a run without a config file are anchored: the root of the git work tree
    holding `cwd`, else `cwd` (so a baseline matches from any subfolder of a repository)."""
    from .discovery import _git_root

    cwd = cwd.resolve()
    return _git_root(cwd) or cwd


def _file_rules(values: dict[str, Any], root: Path, cli: Overrides) -> FileRules:
    cwd = Path.cwd().resolve()
    if cli.exclude is not None:
        exclude = tuple(Pattern.of(glob, cwd) for glob in cli.exclude)
    else:
        exclude = tuple(Pattern.of(glob, root) for glob in values.get("exclude", DEFAULT_EXCLUDE))
    extend = tuple(Pattern.of(glob, root) for glob in values.get("extend-exclude", ()))
    extend += tuple(Pattern.of(glob, cwd) for glob in cli.extend_exclude)
    rules = FileRules(root, exclude, extend, respect_gitignore=values.get("respect-gitignore", True),
                      force_exclude=values.get("force-exclude", False))
    if "include" in values:
        rules = replace(rules, include=tuple(values["include"]))
    rules = replace(rules, extend_include=tuple(values.get("extend-include", ())))
    if cli.force_exclude is not None:
        rules = replace(rules, force_exclude=cli.force_exclude)
    if cli.respect_gitignore is not None:
        rules = replace(rules, respect_gitignore=cli.respect_gitignore)
    return rules


def load(cwd: Path, config_file: Path | None = None, isolated: bool = False,
         cli: Overrides | None = None) -> Settings:
    """The whole story for the CLI: the file (given, discovered, or none) plus the command line."""
    if isolated:
        file = FileConfig()
    elif config_file is not None:
        file = read(config_file)
        if file.path is None:
            raise ConfigError(f"{config_file}: has no [tool.seoaudit] table")
    else:
        file = discover(cwd)
    return resolve(file, cli)


def reference_markdown() -> str:
    """The README's config reference, generated from the schema (tests/test_config.py keeps them equal)."""
    lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, spec in schema()["properties"].items():
        kind = _schema_type(spec)
        default = f"`{json.dumps(spec['default'])}`" if "default" in spec else "none"
        meaning = spec["description"].replace("|", "\\|")
        lines.append(f"| `{key}` | {kind} | {default} | {meaning} |")
    return "\n".join(lines)


def options_markdown() -> str:
    """The README's table of every rule option, from the declarations (tests/test_options.py keeps them equal)."""
    from .options import markdown_table

    entries = [(rule.id, name, option) for rule in all_rules().values()
               for name, option in rule.declared_options.items()]
    return "\n".join(markdown_table(entries, rule_column=True))


def _schema_type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return "array of rule ids or categories"
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("type") == "object":
        return "table"
    if spec.get("type") == "array":
        return "array of strings"
    return spec.get("type", "any")
