"""Social fields that tell another story than the head tag they stand for (title/ and description/social-mismatch):
og:/twitter: values compared with the view's title or meta description by seoaudit.derive.text.same_story, one
finding per distinct pair of texts."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from seoaudit.derive.text import same_story, social_fields
from seoaudit.extract.view import Field, View
from seoaudit.model import Violation


def _as_is(text: str) -> str:
    return text


def social_mismatch(field_of: Callable[[View], Field | None], keys: tuple[str, ...], what: str, fix: str,
                    comparable: Callable[[str], str] = _as_is, shown: Callable[[str], str] = _as_is):
    """The check of `keys` against the view's `field_of`, named `what` in the message. `comparable` is what of a
    text the story is judged on, `shown` what of it the message quotes; `fix` is completed by the key."""
    def check(page, options) -> Iterator[Violation]:
        seen: set[tuple[str, str]] = set()
        for view in page.views.values():
            own = field_of(view)
            if own is None or not own.value:
                continue
            for key, field in social_fields(view, keys):
                pair = (own.value, field.value)
                if pair in seen or same_story(comparable(own.value), comparable(field.value)):
                    continue
                seen.add(pair)
                yield Violation(f"{key} {shown(field.value)!r} differs from {what} {shown(own.value)!r} in "
                                f"{view.name}", field.location, value=field.value, expected=own.value,
                                view=view.name, fix=fix.format(key=key))

    return check
