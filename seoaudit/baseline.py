"""baseline: record today's findings, then report only the new ones.

A fingerprint says *what* is wrong *where*, not on which line: the rule, the document's identity, the
producer (view), the location with array indices and lines left out, and the offending value (or, for
a finding without a value, its message with the digits left out). So it survives an edit above the
finding (lines move), re-ordered posts of a collection (`/3` becomes `/0`: the post is known by its
`type` and `id`), and a node inserted in a JSON-LD `@graph` (indices move). Two findings that end up
with one fingerprint are told apart by count, as PHPStan's baseline does: the baseline records how
many there were, and only those beyond that count are new.

Document identity: the path relative to the project root (the folder of the config file in use; without
one, the root of the git work tree, else the working directory: `config.project_root`), so the same
baseline matches from a subfolder or from another checkout of the repository; plus `#type:id` (or
`#link`) for a post inside a collection. The same fingerprint is SARIF's `partialFingerprints` and the
JSON report's `fingerprint`: every caller passes the run's project root.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from .model import Document, DocumentRef, Finding

VERSION = 1
_INDEX = re.compile(r"/\d+(?=/|$)")


class BaselineError(Exception):
    pass


def relative_source(source: str, root: Path | None = None) -> str:
    """The source path relative to `root` (default: the working directory) when it lies below it, in POSIX
    form; else absolute."""
    if source == "-":
        return source
    path, base = os.path.abspath(source), os.path.abspath(root) if root is not None else os.getcwd()
    if os.sep == "/" and not path.startswith("//") and not base.startswith("//"):
        # Two normalised POSIX paths: what commonpath, relpath and PurePath make of them, from one comparison
        # (they took a sixtieth of a run's work per document).
        if path == base:
            return "."
        prefix = base if base.endswith("/") else base + "/"
        return path[len(prefix):] if path.startswith(prefix) else path
    try:
        inside = os.path.commonpath([path, base]) == base
    except ValueError:  # another drive (Windows)
        inside = False
    return PurePath(os.path.relpath(path, base) if inside else path).as_posix()


def document_key(document: Document | DocumentRef, root: Path | None = None) -> str:
    if isinstance(document, DocumentRef):  # worked out where the document's data was, against the same root
        return document.identity
    key = relative_source(document.source, root)
    if not document.pointer:
        return key
    data = document.data if isinstance(document.data, dict) else {}
    if isinstance(data.get("id"), (int, str)) and not isinstance(data.get("id"), bool):
        return f"{key}#{data.get('type') or 'object'}:{data['id']}"
    if isinstance(data.get("link"), str):
        return f"{key}#{data['link']}"
    return f"{key}#{document.pointer}"  # no identity of its own: its place will have to do


def document_ref(document: Document, root: Path | None = None) -> DocumentRef:
    """`root`: the project root the document's identity (its baseline name) is relative to."""
    return DocumentRef(document.source, document.kind, document.pointer, document.problem,
                       document_key(document, root), document.reason)


def fingerprint(document: Document, finding: Finding, root: Path | None = None) -> str:
    """`root`: the run's project root (see the module docstring); None is the working directory."""
    location = finding.location
    pointer = location.pointer or ""
    if document.pointer and pointer.startswith(document.pointer):
        pointer = pointer[len(document.pointer):]
    if finding.value is not None:
        value = json.dumps(finding.value, sort_keys=True, ensure_ascii=False, default=str)
    else:
        value = re.sub(r"\d+", "#", finding.message)
    parts = (finding.rule, document_key(document, root), finding.view or "", _INDEX.sub("/*", pointer),
             _INDEX.sub("/*", location.path or ""), value)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Baseline:
    counts: Mapping[str, int]
    root: Path | None = None  # the project root its document paths are relative to

    def split(self, document: Document, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new findings, findings the baseline already holds)."""
        seen: Counter[str] = Counter()
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in sorted(findings, key=Finding.sort_key):
            print_ = fingerprint(document, finding, self.root)
            seen[print_] += 1
            (known if seen[print_] <= self.counts.get(print_, 0) else new).append(finding)
        return new, known


def render(results: Iterable[Any], root: Path | None = None) -> str:
    """The baseline file for a run's results (new and already-baselined findings; not suppressed ones),
    with document paths relative to `root`, the project root."""
    entries: dict[str, dict[str, Any]] = {}
    for result in results:
        for finding in [*result.findings, *result.baselined]:
            print_ = fingerprint(result.document, finding, root)
            entry = entries.setdefault(print_, {
                "fingerprint": print_, "rule": finding.rule, "document": document_key(result.document, root),
                "location": finding.location.describe(), "message": finding.message, "count": 0})
            entry["count"] += 1
    ordered = sorted(entries.values(), key=lambda e: (e["document"], e["rule"], e["location"], e["fingerprint"]))
    return json.dumps({"version": VERSION, "tool": "seoaudit", "findings": ordered}, indent=2,
                      ensure_ascii=False) + "\n"


def load(path: Path, root: Path | None = None) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: the baseline is not JSON (line {exc.lineno}: {exc.msg})") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(entries, list):
        raise BaselineError(f"{path}: not a seoaudit baseline (version {VERSION}); write one with --write-baseline")
    counts: Counter[str] = Counter()
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: a baseline entry has no fingerprint")
        counts[entry["fingerprint"]] += int(entry.get("count", 1))
    return Baseline(dict(counts), root)
