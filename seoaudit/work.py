"""What a run works through: its inputs (a `Document`, or a file or archive that yields documents) and the auditor
of each (the run's, or that of a nested config file). The run (run.py) and its worker processes (pool.py) read
inputs alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .model import Document

if TYPE_CHECKING:
    from .engine import Auditor

Input = Any  # a Document, or something with `documents(limits)` that yields them (load.FileInput)


def documents_of(item: Input, limits) -> Iterable[Document]:
    return (item,) if isinstance(item, Document) else item.documents(limits)


def auditor_of(auditor: Auditor, item: Input) -> Auditor:
    """The auditor of an input: the run's, or that of the nested config file it lies under."""
    return auditor.nested(getattr(item, "config", None))
