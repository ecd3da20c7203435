"""The input rules that report why a document could not be audited (input/empty, input/unreadable…): each
reports the documents whose `InputProblem` has its code, which is the rule's id (model.InputCode)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from seoaudit.model import InputCode, Violation

Check = Callable[..., Iterator[Violation]]


def reports_problem(code: InputCode, fix: str, readable: Check | None = None) -> Check:
    """The check of the input rule `code`: one violation for a document that could not be read for that reason,
    naming it and saying why. `readable`: what the rule checks in the documents that could be read, if anything."""
    def check(page, options) -> Iterator[Violation]:
        problem = page.document.problem
        if problem is None:
            if readable is not None:
                yield from readable(page, options)
        elif problem.code == code:
            yield Violation(f"{page.document.display_source}: {problem.message}", problem.location, fix=fix)

    return check
