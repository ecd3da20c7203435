"""Social properties written more than once in one HTML head (opengraph/duplicate-tag, twitter/duplicate-tag)."""

from __future__ import annotations

from seoaudit.derive.og import fields
from seoaudit.model import MILD, Violation


def duplicates(page, keys):
    """(view, [(key, fields)]) for every HTML head that writes properties of `keys` more than once."""
    for view in page.head_views:
        repeated = [(key, found) for key in keys if len(found := [f for f in fields(view, key) if f.in_head]) > 1]
        if repeated:
            yield view, repeated


def describe(key: str, found) -> str:
    values = [f.value for f in found]
    where = ", ".join(f.location.describe() for f in found)
    if len(set(values)) == 1:
        return f"{key} ×{len(found)} ({where}), the same value {values[0]!r}"
    return f"{key} ×{len(found)} ({where}) with different values: " + " | ".join(map(repr, values))


def duplicate_finding(view, repeated, fix: str) -> Violation:
    """One finding for a head's repeated tags: warning when some copies differ, else the mild case."""
    differ = any(len({f.value for f in found}) > 1 for _, found in repeated)
    first = repeated[0][1]
    return Violation(f"{len(repeated)} propert{'ies are' if len(repeated) > 1 else 'y is'} written more than once in "
                     f"{view.name}: " + "; ".join(describe(key, found) for key, found in repeated),
                     first[1].location, value={key: [f.value for f in found] for key, found in repeated},
                     expected="one of each", view=view.name, case=None if differ else MILD, fix=fix)
