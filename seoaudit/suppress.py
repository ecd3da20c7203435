"""suppress: `<!-- seoaudit: ignore RULE -->` comments, and which of them silenced nothing.

A comment anywhere in an HTML page (a comment as the parser reads it: not the same characters inside a
`<script>`), or in the `yoast_head` / `aioseo_head` string of a WP object (the `html` of a Yoast get_head
response), silences the named rules or categories for that whole document.
It must name at least one rule (`<!-- seoaudit: ignore canonical/missing, image -->`): a blanket
ignore would hide every future problem of the page. A name that silenced nothing is reported by the
rule `input/unused-suppression` (ruff's RUF100, sqlfluff's `warn_unused_ignores`), so stale comments
do not pile up. Pure functions: the engine calls them inside `audit_document`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import CATEGORIES, Document, Finding, Location, Violation
from .registry import Rule, _suggest, all_rules

RULE_ID = "input/unused-suppression"
# [^<>]*? rather than .*?: an unclosed comment is scanned up to the next tag, not to the end of the page once
# per comment (quadratic on a page of a million unclosed ignore comments).
_COMMENT = re.compile(r"<!--\s*seoaudit:\s*ignore\b(?P<names>[^<>]*?)-->", re.IGNORECASE)
# The same, on the text of a comment node of a parsed page.
_COMMENT_TEXT = re.compile(r"\s*seoaudit:\s*ignore\b(?P<names>[^<>]*)", re.IGNORECASE)
# The head strings of a JSON document, by path: `html` only in a Yoast get_head response, `head` only in Rank
# Math's getHead response.
_HEAD_STRINGS = (("yoast_head",), ("aioseo_head",), ("html",), ("head",), ("seo", "fullHead"))
_ONLY_IN = {"html": "yoast-get-head", "head": "rank-math-get-head"}


@dataclass(frozen=True, slots=True)
class Suppression:
    names: tuple[str, ...]
    location: Location


def find(document: Document, comments: list | None = None) -> list[Suppression]:
    """Every ignore comment of the document, with the line it is on (in the file, or in the head string).
    `comments`: an HTML page's comment nodes (View.comments), which spare a scan of its bytes."""
    if document.kind == "html":
        if comments is not None:
            return _from_nodes(comments)
        data = document.html or b""
        return list(_scan(data.decode("utf-8", "replace"), None))
    if not isinstance(document.data, dict):
        return []
    found: list[Suppression] = []
    for path in _HEAD_STRINGS:
        text = document.data
        for key in path:
            text = text.get(key) if isinstance(text, dict) else None
        if isinstance(text, str) and _ONLY_IN.get(path[0], document.kind) == document.kind:
            found.extend(_scan(text, document.pointer + "".join(f"/{key}" for key in path)))
    return found


def _from_nodes(comments: list) -> list[Suppression]:
    found = []
    for comment in comments:
        text = comment.text
        match = _COMMENT_TEXT.match(text) if text else None
        if match is not None and match.end() == len(text):
            # libxml2 gives a comment the line it ends on: the line of its `<!--` is that minus its line breaks
            found.append(((comment.sourceline or 1) - text.count("\n"), _names(match)))
    return [Suppression(names, Location(line=line)) for line, names in sorted(found)]


def _names(match: re.Match) -> tuple[str, ...]:
    return tuple(n for n in re.split(r"[\s,]+", match.group("names").strip()) if n)


def _scan(text: str, pointer: str | None) -> Iterator[Suppression]:
    for match in _COMMENT.finditer(text):
        yield Suppression(_names(match), Location(pointer=pointer, line=text.count("\n", 0, match.start()) + 1))


def apply(suppressions: list[Suppression], findings: list[Finding],
          rules: list[Rule]) -> tuple[list[Finding], list[Finding], list[Violation]]:
    """(kept findings, suppressed findings, violations of `input/unused-suppression`)."""
    if not suppressions:
        return findings, [], []
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    silenced: list[Finding] = []
    for finding in findings:
        hits = {(index, name) for index, s in enumerate(suppressions) for name in s.names
                if name in (finding.rule, finding.category)}
        if hits and finding.rule != RULE_ID:
            silenced.append(finding)
            used |= hits
        else:
            kept.append(finding)
    known = all_rules()
    ran = {r.id for r in rules}
    ran_categories = {r.category for r in rules}
    unused: list[Violation] = []
    for index, suppression in enumerate(suppressions):
        if not suppression.names:
            unused.append(unused_violation(None, suppression.location, "names no rule"))
        for name in suppression.names:
            if (index, name) in used:
                continue
            if name not in known and name not in CATEGORIES:
                reason = "is not a rule or category" + _suggest(name, [*known, *CATEGORIES])
            elif name in ran or name in ran_categories:
                reason = "silenced nothing: the document has no such finding"
            else:
                continue  # the rule did not run (not selected): we cannot tell whether it is stale
            unused.append(unused_violation(name, suppression.location, reason))
    return kept, silenced, unused


def unused_violation(name: str | None, location: Location, reason: str) -> Violation:
    """What `input/unused-suppression` says of a comment that names nothing, or of one name in it."""
    if name is None:
        return Violation(f"`seoaudit: ignore` comment {reason}", location,
                         fix="Name the rules to ignore: <!-- seoaudit: ignore canonical/missing -->.")
    return Violation(f"suppression of {name!r} {reason}", location, value=name,
                     fix=f"Remove {name!r} from the ignore comment (or fix its spelling).")
