"""Rules across the documents of one run, as mergeable aggregations.

A batch rule module defines, instead of `check`:

- `signature(page, options)`: a small state for one document (or None when it has nothing to say);
- `merge(a, b)`: combine two states; associative, so states can be merged in any grouping, in one
  process, across a pool, or on a cluster (Dask's `reduction` takes exactly these two functions);
- `check_batch(state, options)`: from the merged state, yield `(document key, Violation)` pairs.

A document's key is its `Page.cross_document_key`: the post `link` of a WordPress object (so a post read twice is
one document), else its `display_source`; a document whose key is None (noindex, canonicalised elsewhere) gives
no signature. The engine attaches the findings of a key to the first document that has it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from typing import Any

from .model import Finding
from .registry import Rule

Signatures = dict[str, Any]  # rule id → that rule's state


def document_signatures(page, rules: Iterable[Rule], options_for) -> Signatures:
    """What one document contributes to every selected batch rule."""
    states: Signatures = {}
    for rule in rules:
        if rule.signature is not None:
            state = rule.signature(page, options_for(rule))
            if state is not None:
                states[rule.id] = state
    return states


def merge_signatures(a: Signatures, b: Signatures, rules_by_id: dict[str, Rule]) -> Signatures:
    merged = dict(a)
    for rule_id, state in b.items():
        merged[rule_id] = rules_by_id[rule_id].merge(merged[rule_id], state) if rule_id in merged else state
    return merged


def merge_all(all_signatures: Iterable[Signatures], rules_by_id: dict[str, Rule]) -> Signatures:
    return reduce(lambda a, b: merge_signatures(a, b, rules_by_id), all_signatures, {})


def batch_findings(merged: Signatures, rules_by_id: dict[str, Rule], options_for, severity_for
                   ) -> dict[str, list[Finding]]:
    """Findings of the batch rules, grouped by the key of the document they belong to."""
    found: dict[str, list[Finding]] = {}
    for rule_id, state in merged.items():
        rule = rules_by_id[rule_id]
        for key, v in rule.check_batch(state, options_for(rule)):
            found.setdefault(key, []).append(Finding(rule.id, rule.category, severity_for(rule), v.message,
                                                     v.location, v.value, v.expected, v.fix, v.view))
    return found
