"""The canonical target family (canonical/target-error, target-redirects, target-noindex): rules that judge the
canonical URL's own answer, which live mode fetches when the canonical is another URL than the page's own
(`Wire.canonical`). Each rule keeps its module, id and doc; its `check` is `target_check(its judgement)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from seoaudit.model import Location, Violation
from seoaudit.wire import Response, Wire, chain

# What a rule says about the canonical's answer (`Wire.canonical`), at the page's canonical: a violation or None.
Judge = Callable[[Response, Wire, Location], Violation | None]


def target_check(judge: Judge):
    """The check of a rule of the family: `judge(target, wire, where)` on the fetched canonical, if any."""
    def check(page, options, wire) -> Iterator[Violation]:
        target = wire.canonical
        if target is None or page.canonical is None:  # the canonical is the page itself, or there is none
            return
        if (violation := judge(target, wire, page.canonical.location)) is not None:
            yield violation

    return check


def failure(target: Response) -> str | None:
    """Why the canonical's answer is no page to index: the fetch's error, or a 4xx/5xx status (with the redirects
    that led to it); None when it answered."""
    if target.error is not None:
        return target.error
    if target.status is not None and target.status >= 400:
        return f"HTTP {target.status}" + (f" after {chain(target)}" if target.redirects else "")
    return None
