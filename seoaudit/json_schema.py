"""json_schema: the errors jsonschema's Draft 2020-12 validator reports of an instance, for the keywords the
per-type packs (seoaudit/schemas/types/) use, without importing jsonschema (a tenth of a second of every run
that meets one invalid node: more than all the schema rules' own work on the corpus).

Each error is what the rules read of jsonschema's: the keyword that failed (`validator`), its value in the pack
(`validator_value`) and where in the instance (`path`), yielded in jsonschema's order (the pack's keywords in
the order it lists them, properties in the order the pack lists them, array items by index). A pack using any
other keyword is refused when it is compiled: `KEYWORDS` is all this module knows how to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from numbers import Number
from typing import Any

# What jsonschema reads in a pack without validating against it, and what this module validates.
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description"})
KEYWORDS = frozenset({"type", "required", "properties", "items", "minItems", "maxItems", "anyOf", "not", "pattern",
                      "minimum", "$ref"})


@dataclass(frozen=True, slots=True)
class SchemaError:
    validator: str  # the keyword that failed
    validator_value: Any  # its value in the pack
    path: tuple[str | int, ...]  # where in the instance, from its root


class Pack:
    """One pack, its keywords checked once: `errors(instance)` yields what jsonschema's `iter_errors` would."""

    def __init__(self, schema: dict[str, Any]):
        self.schema = schema
        _check_keywords(schema)

    def errors(self, instance: Any) -> Iterator[SchemaError]:
        return self._errors(instance, self.schema, ())

    def _errors(self, instance: Any, schema: dict[str, Any], path: tuple) -> Iterator[SchemaError]:
        for keyword, value in schema.items():
            if keyword in ANNOTATIONS:
                continue
            if keyword == "$ref":  # the errors of the referenced schema, as they are (jsonschema adds nothing)
                yield from self._errors(instance, self._resolve(value), path)
            elif keyword == "properties":
                if isinstance(instance, dict):
                    for name, subschema in value.items():
                        if name in instance:
                            yield from self._errors(instance[name], subschema, (*path, name))
            elif keyword == "items":
                if isinstance(instance, list):
                    for index, item in enumerate(instance):
                        yield from self._errors(item, value, (*path, index))
            elif keyword == "required":
                if isinstance(instance, dict):
                    yield from (SchemaError(keyword, value, path) for name in value if name not in instance)
            elif keyword == "anyOf":
                if not any(self._valid(instance, subschema) for subschema in value):
                    yield SchemaError(keyword, value, path)
            elif keyword == "not":
                if self._valid(instance, value):
                    yield SchemaError(keyword, value, path)
            elif not _holds(keyword, value, instance):
                yield SchemaError(keyword, value, path)

    def _valid(self, instance: Any, schema: dict[str, Any]) -> bool:
        return next(self._errors(instance, schema, ()), None) is None

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"only references to the pack's own $defs are read, not {ref!r}")
        return self.schema["$defs"][ref.removeprefix("#/$defs/")]


@cache
def _pattern(text: str) -> re.Pattern:
    return re.compile(text)


def _holds(keyword: str, value: Any, instance: Any) -> bool:
    """Whether a keyword that looks at the instance alone holds (each applies to its own types only)."""
    if keyword == "type":
        return any(_is_type(instance, name) for name in (value if isinstance(value, list) else [value]))
    if keyword == "pattern":
        return not isinstance(instance, str) or _pattern(value).search(instance) is not None
    if keyword == "minimum":
        return not _is_type(instance, "number") or not instance < value
    if keyword == "minItems":
        return not isinstance(instance, list) or len(instance) >= value
    if keyword == "maxItems":
        return not isinstance(instance, list) or len(instance) <= value
    raise ValueError(f"JSON Schema keyword {keyword!r} is not read here")


def _is_type(instance: Any, name: str) -> bool:
    """jsonschema's Draft 2020-12 type checker: a bool is no number, a float with no fraction is an integer."""
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "string":
        return isinstance(instance, str)
    if name == "null":
        return instance is None
    if name == "boolean":
        return isinstance(instance, bool)
    if isinstance(instance, bool):
        return False
    if name == "integer":
        return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
    if name == "number":
        return isinstance(instance, Number)
    raise ValueError(f"JSON Schema type {name!r} is not read here")


def _check_keywords(schema: Any) -> None:
    """Refuse a pack with a keyword this module would silently skip."""
    if not isinstance(schema, dict):
        raise ValueError(f"a schema is an object here, not {schema!r}")
    for keyword, value in schema.items():
        if keyword in ("$defs", "properties"):
            for subschema in value.values():
                _check_keywords(subschema)
        elif keyword in ("items", "not"):
            _check_keywords(value)
        elif keyword == "anyOf":
            for subschema in value:
                _check_keywords(subschema)
        elif keyword not in KEYWORDS and keyword not in ANNOTATIONS:
            raise ValueError(f"JSON Schema keyword {keyword!r} is not read here")
