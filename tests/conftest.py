from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from seoaudit.engine import Config, audit
from seoaudit.load import load_bytes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


def example_bytes(language: str, text: str) -> tuple[bytes, str]:
    """A docstring example as the bytes of a file; `text` blocks may spell bytes as \\x00 escapes."""
    if language == "text":
        return codecs.decode(text, "unicode_escape").encode("latin-1"), "example.bin"
    return text.encode("utf-8"), f"example.{language}"


def example_files(language: str, text: str) -> list[tuple[bytes, str]]:
    """The files of a docstring example: one, or for a "run" example (registry.RUN_FILE) each named file."""
    if language != "run":
        return [example_bytes(language, text)]
    from seoaudit.registry import RUN_FILE

    return [(example_bytes(lang, body)[0], name) for name, lang, body in RUN_FILE.findall(text)]


def audit_example(language: str, text: str, config: Config | None = None):
    documents = [doc for data, name in example_files(language, text) for doc in load_bytes(data, name)]
    return audit(documents, config or Config()).documents


def rule_ids(results) -> set[str]:
    return {f.rule for result in results for f in result.findings}
