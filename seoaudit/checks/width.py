"""How wide a result page prints a text, against a bound (title/ and description/width-px-too-wide and -narrow):
measured in Arial at the rule's `font_px` (seoaudit.derive.text.width_px), one finding per distinct text shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from seoaudit.derive.text import fit_px, width_px
from seoaudit.model import Violation
from seoaudit.options import Option


def font_px(default: int) -> Option:
    """The `font_px` option of a width rule: the size the result page prints the text in."""
    return Option(int, default, "The Arial font size in pixels the width is measured at.", minimum=1)


Shown = Callable[..., Iterator[tuple]]  # page → (view, field, the text as printed): shown_titles, shown_descriptions


def too_wide(shown: Shown, what: str, cut: Callable[[str], str], fix: str):
    """The check of a text wider than `max_px`; `cut` says what is left of it (the text cut at the bound)."""
    def check(page, options) -> Iterator[Violation]:
        limit, font_px = options["max_px"], options["font_px"]
        for view, field, text in shown(page):
            width = width_px(text, font_px)
            if width > limit:
                yield Violation(f"{what} is {width} px wide ({len(text)} characters) in Arial {font_px} px, over "
                                f"{limit} px: {cut(fit_px(text, limit, font_px))}", field.location, value=width,
                                expected=f"at most {limit} px", view=view.name, fix=fix)

    return check


def too_narrow(shown: Shown, what: str, fix: str):
    """The check of a text narrower than `min_px`."""
    def check(page, options) -> Iterator[Violation]:
        limit, font_px = options["min_px"], options["font_px"]
        for view, field, text in shown(page):
            width = width_px(text, font_px)
            if width < limit:
                yield Violation(f"{what} is {width} px wide ({len(text)} characters) in Arial {font_px} px, under "
                                f"{limit} px: {text!r}", field.location, value=width,
                                expected=f"at least {limit} px", view=view.name, fix=fix)

    return check
