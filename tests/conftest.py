from __future__ import annotations

import codecs
import importlib.util
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


def audit_example(language: str, text: str, config: Config | None = None):
    data, name = example_bytes(language, text)
    return audit(load_bytes(data, name), config or Config()).documents


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
