"""limits: how much of one document seoaudit is willing to read, and what happens past that.

Every limit has a default that no real page comes near, is configurable under `[tool.seoaudit.limits]`,
and is reported as an `input/limit-exceeded` finding when hit: seoaudit never truncates silently.
docs/limits.md has the table. `Limits` is part of the engine's `Config` (`Config.limits`).

The time limit is a deadline per document, checked between rules: when a rule returns after the
deadline, the finding names it and the rules not yet run are skipped. A rule that never returns is not
interrupted (no thread is killed): in a worker process, the pool stops the worker (seoaudit/pool.py); the
other limits exist so that no rule is given that much to do.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .model import NOWHERE, Location

MB = 1024 * 1024

# config key → (Limits field, what it bounds) — the order of docs/limits.md
KEYS = {
    "max-input-bytes": "max_input_bytes",
    "max-json-depth": "max_json_depth",
    "max-jsonld-nodes": "max_jsonld_nodes",
    "max-graph-depth": "max_graph_depth",
    "max-elements": "max_elements",
    "document-timeout": "document_timeout",
}


@dataclass(frozen=True)
class Limits:
    max_input_bytes: int = 20 * MB  # one file (or stdin), after gzip decompression
    max_json_depth: int = 128  # nesting of a JSON file or of one JSON-LD block
    max_jsonld_nodes: int = 5000  # schema.org nodes in the graph of one view
    max_graph_depth: int = 64  # nodes nested inside nodes (graph.MAX_DEPTH)
    max_elements: int = 10_000  # <meta>, <link>, <script> or <title> elements of one kind, per view
    document_timeout: float = 10.0  # seconds per document, checked between rules

    @classmethod
    def from_config(cls, table: dict[str, Any]) -> Limits:
        return cls(**{KEYS[key]: value for key, value in table.items()})

    @staticmethod
    def key(name: str) -> str:
        """The config key of a field: `max_json_depth` → `max-json-depth`."""
        return name.replace("_", "-")


assert {f.name for f in fields(Limits)} == set(KEYS.values())


@dataclass(frozen=True, slots=True)
class LimitHit:
    """A limit that was reached: which (its config key), what was found, and what was left out."""

    limit: str  # the config key, e.g. "max-elements"
    message: str
    location: Location = NOWHERE
    value: Any = None  # what was measured (at least this)
    expected: Any = None  # the limit


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """Is `value` nested deeper than `limit` arrays/objects? Iterative, stops at the first too-deep value."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
