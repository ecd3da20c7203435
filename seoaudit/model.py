"""The nouns every stage shares: severities, categories, locations, violations and findings.

Stdlib only, so that importing a rule or the engine costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that `severity >= fail_level` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None


# The fixed, documented set (DESIGN.md). The JSON report carries one of these on every finding.
CATEGORIES: dict[str, str] = {
    "input": "the input could not be read or is not a page, a post, a Yoast head or a sitemap",
    "title": "the document title",
    "description": "the meta description",
    "canonical": "rel=canonical and the URLs that must agree with it",
    "robots": "robots directives",
    "opengraph": "Open Graph properties",
    "twitter": "X (Twitter) card properties",
    "image": "declared images: og:image and schema ImageObjects",
    "schema": "JSON-LD, microdata and the schema.org graph",
    "url": "hosts, schemes and leaks across every metadata URL",
    "wordpress": "WordPress post fields and SEO plugin output",
    "content": "the post body or page content",
    "sitemap": "sitemap files: well-formed, absolute URLs on one host, valid dates, within the size limits",
}


# Immutable by convention, hashable and equal by value, but not `frozen`: a frozen dataclass's __init__ sets each
# field through object.__setattr__, which makes it 2.5x slower to build (tens of thousands per corpus).
@dataclass(slots=True, unsafe_hash=True)
class Location:
    """Where a value sits. `pointer` is an RFC 6901 JSON pointer into the input file (WP JSON);
    `line` is a 1-based line, in the HTML file or in the HTML string the pointer names (`yoast_head`)."""

    pointer: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None  # a JSON pointer inside an embedded JSON text (a JSON-LD block in HTML)

    def __reduce__(self):  # pickled by the thousand (workers, spool): positional, not dataclass's slots state
        return Location, (self.pointer, self.line, self.column, self.path)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k in ("pointer", "line", "column", "path") if (v := getattr(self, k)) is not None}

    def describe(self) -> str:
        parts = []
        if self.pointer is not None:
            parts.append(self.pointer or "/")
        if self.line is not None:
            parts.append(f"line {self.line}" + (f":{self.column}" if self.column else ""))
        if self.path:
            parts.append(self.path)
        return " ".join(parts) or "document"

    def child(self, *tokens: str | int) -> Location:
        """The location of a member below this one: inside the embedded JSON text when the location
        is a line of HTML, else further down the JSON pointer."""
        if len(tokens) == 1:  # the usual case, asked thousands of times per page: no generator
            suffix = "/" + str(tokens[0]).replace("~", "~0").replace("/", "~1")
        else:
            suffix = "".join(["/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens])
        if self.line is not None:
            return Location(self.pointer, self.line, self.column, (self.path or "") + suffix)
        return Location((self.pointer or "") + suffix, None, None, self.path)


NOWHERE = Location()


# A rule whose impact depends on context marks a violation as the mild or the aggravated case of its defect; the
# rule module declares the severity of each case (`SEVERITY_MILD`, `SEVERITY_AGGRAVATED`) and the engine stamps
# it, unless the config sets the rule's severity, which then holds for every case (README "Severities").
# Marker documents (load.py): what reading decided beside documents, recorded by the run, never audited.
SKIPPED = "skipped"  # a walked file that is none of seoaudit's inputs (its `reason` says why)
NOTED = "noted"  # an input with nothing to audit, such as an empty collection (its `reason` says what)
MARKERS = frozenset({SKIPPED, NOTED})

MILD = "mild"
AGGRAVATED = "aggravated"


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: the facts, never a severity (the engine stamps that from config). `case` is None
    (the rule's usual case), MILD or AGGRAVATED."""

    message: str
    location: Location = NOWHERE
    value: Any = None
    expected: Any = None
    fix: str | None = None
    view: str | None = None
    case: str | None = None


# Immutable by convention, not frozen (as Location): a run unpickles every finding at least twice (from a worker,
# from the spool), and a frozen dataclass is built 2.5 times slower.
@dataclass(slots=True, unsafe_hash=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    location: Location
    value: Any = None
    expected: Any = None
    fix: str | None = None
    view: str | None = None

    @classmethod
    def stamp(cls, rule_id: str, severity: Severity, violation: Violation) -> Finding:
        """The finding of a rule's violation at its configured severity: the one way findings are made."""
        v = violation
        return cls(rule_id, rule_id.split("/", 1)[0], severity, v.message, v.location, v.value, v.expected, v.fix,
                   v.view)

    def __reduce__(self):  # as Location's, the severity as its number (an enum is unpickled through a slow call)
        return _finding, (self.rule, self.category, int(self.severity), self.message, self.location, self.value,
                          self.expected, self.fix, self.view)

    def sort_key(self) -> tuple:
        return (-self.severity, self.category, self.rule, self.location.pointer or "", self.location.line or 0,
                self.message)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "location": self.location.to_dict(),
        }
        if self.view:
            out["view"] = self.view
        if self.value is not None:
            out["value"] = self.value
        if self.expected is not None:
            out["expected"] = self.expected
        if self.fix:
            out["fix"] = self.fix
        return out


_SEVERITIES = {int(severity): severity for severity in Severity}


def _finding(rule, category, severity, message, location, value, expected, fix, view) -> Finding:
    return Finding(rule, category, _SEVERITIES[severity], message, location, value, expected, fix, view)


class InputCode(StrEnum):
    """Why a document could not be audited, each the id of the input rule that reports it (rules/input/)."""

    EMPTY = "input/empty"
    INVALID_JSON = "input/invalid-json"
    LIMIT_EXCEEDED = "input/limit-exceeded"
    NOT_A_POST = "input/not-a-post"
    REST_ERROR = "input/rest-error"
    UNREADABLE = "input/unreadable"


@dataclass(slots=True)
class InputProblem:
    """Why a document could not be audited: its `code` is the input rule that reports it."""

    code: InputCode
    message: str
    location: Location = NOWHERE


@dataclass(slots=True)
class Document:
    """One unit of audit: a file, one post of a collection, or stdin.

    `data` is the decoded JSON object (WP post, get_head response) or None for HTML; `html` the page bytes
    for HTML documents. `pointer` prefixes every JSON location (a collection's `/3`).
    """

    source: str
    kind: str
    data: Any = None
    html: bytes | None = None
    pointer: str = ""
    problem: InputProblem | None = None
    notes: list[str] = field(default_factory=list)  # what loading had to repair (input/bad-encoding says it)
    encoding: str | None = None  # of `html`: "utf-8" once load.py decoded it; None: sniff (BOM, meta charset)
    wire: Any = None  # seoaudit.wire.Wire: what the server said (live runs and recorded exchanges)
    lines: Any = None  # seoaudit.positions.PointerLines of the JSON text it came from (shared by a collection)
    reason: str = ""  # a marker's (SKIPPED, NOTED): why there is nothing to audit; a marker has no problem

    @property
    def display_source(self) -> str:
        return f"{self.source}#{self.pointer}" if self.pointer else self.source


# Names one document of a run: its input's place in the run, then its place in that input (a collection's
# items). Opaque to rules; unique even when the same file is given twice, and it sorts in input order.
DocumentKey = tuple[int, ...]


# Not frozen, as Location: one per document and per batch-rule member read back at a run's end.
@dataclass(slots=True, unsafe_hash=True)
class DocumentRef:
    """What a report needs of a document once its bytes and tree are gone: its name, kind and problem, and
    `identity`, the baseline's name for it (baseline.document_key), worked out where its data was."""

    source: str
    kind: str
    pointer: str = ""
    problem: InputProblem | None = None
    identity: str = ""
    reason: str = ""  # a marker's (Document.reason)

    def __reduce__(self):  # as Location's
        return DocumentRef, (self.source, self.kind, self.pointer, self.problem, self.identity, self.reason)

    @property
    def display_source(self) -> str:
        return f"{self.source}#{self.pointer}" if self.pointer else self.source
