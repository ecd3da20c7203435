from __future__ import annotations

import codecs
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

from seoaudit.engine import Config, audit
from seoaudit.load import load_bytes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent (a fresh clone)")


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true",
                     help="also run the tests marked `slow` (wheel build, fuzzing, whole-corpus signals); CI does")


def pytest_collection_modifyitems(config, items):
    """`slow` tests run with --slow (CI: .ci/run) or when -m names them; a plain `pytest` leaves them out."""
    if config.getoption("slow") or "slow" in (config.getoption("markexpr") or ""):
        return
    kept = [item for item in items if item.get_closest_marker("slow") is None]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("slow") is not None])
        items[:] = kept


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


@dataclass(frozen=True)
class AuditedDocument:
    """One corpus document as the session's single corpus audit saw it (no bytes, no tree: just the findings)."""

    source: str
    kind: str
    findings: tuple

    def fired(self, rules) -> set[str]:
        """The rules among `rules` (ids or categories) that found something here."""
        return {f.rule for f in self.findings if f.rule in rules or f.category in rules}


@pytest.fixture(scope="session")
def corpus_audit() -> list[AuditedDocument]:
    """Every page and WordPress object of ../shared/corpus audited once, per document, with every rule (the opt-in
    ones too): the category tests read their rules' findings from here instead of each auditing the corpus."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (a fresh clone)")
    from seoaudit.engine import audit_document
    from seoaudit.load import load_paths
    from seoaudit.model import CATEGORIES

    config = Config(select=tuple(CATEGORIES))
    return [AuditedDocument(doc.display_source, doc.kind, tuple(audit_document(doc, config).findings))
            for doc in load_paths([str(CORPUS / "html"), str(CORPUS / "wp")])]


def rule_ids(results) -> set[str]:
    return {f.rule for result in results for f in result.findings}


@pytest.fixture
def server():
    """A live test server on 127.0.0.1 (tests/live_server.py): the site a live test audits."""
    from .live_server import LiveServer

    with LiveServer("127.0.0.1") as live:
        yield live


@pytest.fixture
def internal():
    """A live test server on 127.0.0.2: another host, which stands for an internal one."""
    from .live_server import LiveServer

    with LiveServer("127.0.0.2") as live:
        yield live


def load_tool(name: str):
    """A script of tools/ as a module (tools/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
