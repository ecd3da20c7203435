"""What a fetch job hands back to the live run (run.py) and its WPGraphQL jobs (graphql.py): documents to audit,
further jobs, and fetches the run's deadline stopped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Document
from ..wire import Response


@dataclass
class JobResult:
    documents: list[tuple[tuple, Document]] = field(default_factory=list)
    children: list[tuple[tuple, str, Callable[[], JobResult]]] = field(default_factory=list)
    not_done: int = 0  # fetches the run's --max-time stopped


def without_body(answer: Response) -> Response:
    return Response(answer.url, answer.status, answer.final_url, answer.headers, answer.redirects, answer.error,
                    None, answer.truncated)


