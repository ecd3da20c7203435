"""Helpers shared by the sitemap rules."""

from __future__ import annotations

from seoaudit.model import Location, Violation

SHOWN = 3  # offending entries a message names; the finding's value lists up to ten


def entries(page) -> tuple:
    """The entries of a sitemap document that parsed; () for any other document."""
    file = page.sitemap
    return file.sitemap.entries if file is not None and file.sitemap is not None else ()


def offenders(page, bad: list, what: str, fault: str, named: list[str], values: list[str], expected: str,
              fix: str) -> Violation:
    """One finding for all the offending entries of a sitemap (one root cause: its generator): counted, the
    first few named, located at the first."""
    shown = ", ".join(named[:SHOWN]) + (f" and {len(named) - SHOWN} more" if len(named) > SHOWN else "")
    count = len(bad)
    return Violation(f"{count:,} {what}{'' if count == 1 else 's'} of {page.document.source} "
                     f"{'is' if count == 1 else 'are'} {fault}: {shown}", Location(line=bad[0].line),
                     value=values[:10], expected=expected, fix=fix)
