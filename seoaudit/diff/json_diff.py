"""The diff as JSON (schema: seoaudit/schemas/diff.schema.json): the two reports, the totals, and per document
its status and its new, fixed and unchanged findings (as the reports wrote them)."""

from __future__ import annotations

import json

from .. import __version__
from . import VERSION, Diff


def diff_dict(diff: Diff) -> dict:
    return {
        "version": VERSION,
        "tool": {"name": "seoaudit", "version": __version__},
        "old": diff.old,
        "new": diff.new,
        "summary": diff.counts(),
        "documents": [{"source": d.source, "status": d.status, "new": d.new, "fixed": d.fixed,
                       "unchanged": d.unchanged} for d in diff.documents],
    }


def render(diff: Diff) -> str:
    return json.dumps(diff_dict(diff), indent=2, ensure_ascii=False) + "\n"
