"""The title and the meta description as tags of a head (title/ and description/empty, -multiple and
-duplicate): one parametrised check per question, each rule saying what it calls its tag and how to fix it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from seoaudit.batch import duplicates, occurrence
from seoaudit.derive.text import describe_views, fields_once
from seoaudit.extract.view import Field, View
from seoaudit.model import MILD, Violation

FieldsOf = Callable[[View], list[Field]]  # a view's tags of the kind: View.titles, View.descriptions


def empty(fields_of: FieldsOf, what: str, expected: str, fix: str):
    """The check of a first tag that is empty, once per value across producers."""
    def check(page, options) -> Iterator[Violation]:
        for view, field in fields_once(page, lambda v: fields_of(v)[:1]):
            if not field.value:
                yield Violation(f"the {what} in {view.name} is empty", field.location, value=field.value,
                                view=view.name, expected=expected, fix=fix)

    return check


def multiple(fields_of: FieldsOf, count: Callable[[int], str], used: Callable[[Field], str], expected: str,
             fix: str):
    """The check of a view with more than one tag of the kind: mild when every copy says the same.
    `count(n)` names n tags, `used(first)` says what consumers do with them, and `fix` is completed by where
    the tags are."""
    def check(page, options) -> Iterator[Violation]:
        for view in page.views.values():
            found = fields_of(view)
            if len(found) < 2:
                continue
            first, *rest = found
            same = all(f.value == first.value for f in rest)
            how = "all the same" if same else "with different text"
            yield Violation(f"{count(len(found))} in {view.name} ({how}){used(first)}", rest[0].location,
                            value=[f.value for f in found], view=view.name, expected=expected,
                            case=MILD if same else None, fix=fix.format(where=describe_views(found)))

    return check


def duplicate(field_of: Callable[[View], Field | None], what: str, fix: str):
    """The batch check of a primary view's tag that another page of the run shares, as (signature,
    check_group)."""
    def signature(page, options):
        view = page.primary
        return occurrence(page, field_of(view), view.name) if view is not None else None

    def check_group(group, members, options):
        yield from duplicates(members, what, fix)

    return signature, check_group
