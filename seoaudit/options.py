"""options: a rule option declared with its type, range and meaning.

A rule module's `OPTIONS` maps each option's name to an `Option`:

    OPTIONS = {"max_urls": Option(int, 50_000, "The entries one sitemap file may hold.", minimum=1)}

The type is `bool`, `int`, `float` (an integer is accepted too), `str` or `list[item]`. From the declaration
come the check of a configured value (`registry.check_options`), the rule's entry in the config JSON Schema
(`config.with_rule_options`, written into seoaudit/schemas/config.schema.json by tools/config_schema.py) and the
option tables of the docs (tools/readme_config.py, tools/rule_docs.py).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# JSON Schema type and the words an error message uses, per Python type an option may have.
_SCHEMA_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}
_ARTICLES = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array"}
_PLURALS = {bool: "booleans", int: "integers", float: "numbers", str: "strings"}


class OptionError(Exception):
    """A declaration that cannot work: an unknown type, a default outside its own type or range."""


def _is(value: Any, kind: type) -> bool:
    """`isinstance` as TOML means it: a boolean is no number, an integer is a number."""
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def _number(value: float) -> str:
    return json.dumps(value)


@dataclass(frozen=True)
class Option:
    type: Any  # bool, int, float, str or list[item]
    default: Any
    description: str  # one sentence: what the value means, with its unit
    minimum: float | None = None  # for a number (inclusive)
    maximum: float | None = None
    kind: type = field(init=False)  # the Python type the value has: list for list[str]
    item: type | None = field(init=False)  # the type of a list's items

    def __post_init__(self) -> None:
        kind, args = typing.get_origin(self.type) or self.type, typing.get_args(self.type)
        if kind not in _SCHEMA_TYPES or (kind is list) != bool(args) or any(a not in _PLURALS for a in args):
            raise OptionError(f"option type {self.type!r} is not one of bool, int, float, str, list[item]")
        if (self.minimum is not None or self.maximum is not None) and kind not in (int, float):
            raise OptionError(f"a {kind.__name__} option has no minimum or maximum")
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "item", args[0] if args else None)
        if (problem := self.problem(self.default)) is not None:
            raise OptionError(f"default: {problem}")

    @property
    def expected(self) -> str:
        """What a value must be: `an integer (at least 1)`, `a number (from 0 to 1)`, `an array of strings`."""
        if self.item is not None:
            return f"an array of {_PLURALS[self.item]}"
        return _ARTICLES[self.kind] + (f" ({self.bounds})" if self.bounds else "")

    @property
    def bounds(self) -> str:
        """The range in words (`from 0 to 1`, `at least 1`, `at most 10`), or "" when there is none."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"from {_number(low)} to {_number(high)}"
        if low is not None:
            return f"at least {_number(low)}"
        return f"at most {_number(high)}" if high is not None else ""

    def problem(self, value: Any) -> str | None:
        """What is wrong with a configured value, as `expected …, got …`, or None when it fits."""
        if not _is(value, self.kind):
            return f"expected {self.expected}, got {value!r}"
        if self.item is not None:
            wrong = next((i for i, v in enumerate(value) if not _is(v, self.item)), None)
            return None if wrong is None else f"expected {self.expected}, got {value[wrong]!r} at index {wrong}"
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return f"expected {self.expected}, got {value!r}"
        return None

    def schema(self) -> dict[str, Any]:
        """This option in JSON Schema (draft 2020-12)."""
        spec: dict[str, Any] = {"type": _SCHEMA_TYPES[self.kind]}
        if self.item is not None:
            spec["items"] = {"type": _SCHEMA_TYPES[self.item]}
        if self.minimum is not None:
            spec["minimum"] = self.minimum
        if self.maximum is not None:
            spec["maximum"] = self.maximum
        return {**spec, "default": self.default, "description": self.description}

    @property
    def type_text(self) -> str:
        """The type for a docs table: `integer`, `number`, `array of strings`."""
        return f"array of {_PLURALS[self.item]}" if self.item is not None else _SCHEMA_TYPES[self.kind]


def markdown_table(entries: Iterable[tuple[str, str, Option]], rule_column: bool = False) -> list[str]:
    """The lines of a Markdown table of options, from (rule id, option name, Option) entries: type, default,
    range, meaning, after the rule when `rule_column`. The docs' option tables (README, docs/rules/*)."""
    head = ["rule"] if rule_column else []
    lines = ["| " + " | ".join([*head, "option", "type", "default", "range", "meaning"]) + " |",
             "|" + "---|" * (len(head) + 5)]
    for rule_id, name, option in entries:
        cells = [f"`{rule_id}`"] if rule_column else []
        cells += [f"`{name}`", option.type_text, f"`{json.dumps(option.default, ensure_ascii=False)}`",
                  option.bounds or "any", option.description]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines
