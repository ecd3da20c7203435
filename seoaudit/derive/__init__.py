"""Computed artifacts: the facts about a page that more than one rule needs, each a pure function of the page
(or of its graph) computed once, by the first rule that asks (Lighthouse's computed artifacts).

One answer per question: `schema_types.is_article` is what an article is, `og.prop` how a property is read
across producers' spellings, `images.main_images` which images stand for the page, `text.width_px` how wide a
text is. Rules import these and their own category's private helpers, never another category's (the import
contracts in pyproject.toml enforce it).

One memo: a function decorated with `derived` is computed once per page (or graph) through its `memo`, and
its result is never changed by those who ask.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")


def derived(compute: Callable[[Any], T]) -> Callable[[Any], T]:
    """`compute(subject)` once per subject (a `Page` or a `Graph`: both have `memo`)."""
    @wraps(compute)
    def ask(subject) -> T:
        return subject.memo(compute)

    return ask
