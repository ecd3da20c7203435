"""cli_values: turn the command line's strings into the values `cli.py` declares, without pydantic.

typer (0.2x) coerces every parameter of every run through a pydantic `TypeAdapter`, built on first use:
pydantic's import and the adapters of some thirty parameters cost a quarter of a cold `seoaudit check
post.json`. The values declared here are only strings, paths, bounded numbers, flags, enums and lists of
them, so `Command` (a typer command class, `@app.command(cls=Command)`; `Group` for the application) gives
each parameter a plain coercion of its own, with messages like typer's. A parameter of any other type keeps
typer's. This leans on one internal of typer (a parameter's lazily built `_runtime_param`); if typer
changes it, typer's own coercion simply runs (tests/test_startup.py notices the import).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

try:
    from typer._coercion import RuntimeParam
except ImportError:  # another typer: its own coercion runs
    RuntimeParam = None

_PLAIN = (str, Path, int, float, bool)


def _plain(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return _plain(get_args(annotation)[0])
    return annotation in _PLAIN or (isinstance(annotation, type) and issubclass(annotation, Enum))


if RuntimeParam is not None:
    class PlainParam(RuntimeParam):
        """str, Path, int, float (with `min`/`max`), a flag, an Enum by value, or a list of one of them."""

        def _coerce_value(self, value: Any, param, ctx) -> Any:
            kind = self.annotation
            if get_origin(kind) is list:
                item = get_args(kind)[0]
                return [self._one(v, item, param, ctx) for v in value]
            return self._one(value, kind, param, ctx)

        def _one(self, value: Any, kind: Any, param, ctx) -> Any:
            if kind in (int, float):
                return self._number(value, kind, param, ctx)
            if kind is bool:  # a flag: click hands over a bool
                return value
            if isinstance(kind, type) and issubclass(kind, Enum):
                for choice in kind:
                    if value == choice.value or value is choice:
                        return choice
                choices = ", ".join(repr(choice.value) for choice in kind)
                raise typer.BadParameter(f"{value!r} is not one of {choices}.", ctx=ctx, param=param)
            return kind(value)

        def _number(self, value: Any, kind: type, param, ctx) -> Any:
            try:
                number = kind(value)
            except (TypeError, ValueError):
                what = "an integer" if kind is int else "a number"
                raise typer.BadParameter(f"{value!r} is not {what}.", ctx=ctx, param=param) from None
            info = self.parameter_info
            if info.min is not None and number < info.min:
                raise typer.BadParameter(f"{value} is less than the minimum {info.min}.", ctx=ctx, param=param)
            if info.max is not None and number > info.max:
                raise typer.BadParameter(f"{value} is more than the maximum {info.max}.", ctx=ctx, param=param)
            return number


def _plain_params(command, ctx) -> None:
    if RuntimeParam is None:
        return
    for param in command.get_params(ctx):  # with --help
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", False) is None \
                and _plain(descriptor.annotation):
            param._runtime_param = PlainParam(descriptor.parameter_info, descriptor.annotation)


class Command(TyperCommand):
    """typer's command, with `PlainParam` for every parameter whose type it covers."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _plain_params(self, ctx)
        return super().parse_args(ctx, args)


class Group(TyperGroup):
    """The same for the options of the application itself (`--version`)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _plain_params(self, ctx)
        return super().parse_args(ctx, args)
