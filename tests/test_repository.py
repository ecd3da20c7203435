"""The issue's proof: seoaudit dropped into a realistic repository (a headless WordPress front end, see
realistic_repo.py) audits exactly its posts, pages and sitemap, exits by their findings alone, and a baseline
written at the root holds from the root and from a subfolder. Run as users run it: the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .realistic_repo import AUDITED, make_repository


def seoaudit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "seoaudit", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return make_repository(tmp_path_factory.mktemp("site"))


def audited(result: subprocess.CompletedProcess) -> list[str]:
    return sorted({d["source"].split("#")[0] for d in json.loads(result.stdout)["documents"]})


def test_check_dot_audits_exactly_the_posts_pages_and_sitemap(repo):
    result = seoaudit("check", ".", "-f", "json", cwd=repo)
    assert audited(result) == AUDITED
    findings = [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]
    assert result.returncode == 1 and any(f["severity"] == "error" for f in findings)  # by the findings alone
    assert not [f for f in findings if f["category"] == "input"]  # nothing unreadable, nothing of node_modules
    assert seoaudit("check", ".", "-q", "--fail-on", "never", cwd=repo).returncode == 0


def test_concise_run_of_the_repository(repo):
    result = seoaudit("check", ".", "-f", "concise", cwd=repo)
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and lines[-1].startswith("5 documents: ")
    assert {line.split(":")[0] for line in lines[:-1]} <= set(AUDITED)
    assert "skipped 5 files that are no post, page or sitemap" in result.stderr


def test_a_baseline_written_at_the_root_holds_from_the_root_and_from_a_subfolder(repo):
    written = seoaudit("check", ".", "--write-baseline", "seoaudit-baseline.json", "-q", cwd=repo)
    assert written.returncode == 0, written.stderr
    from_root = seoaudit("check", ".", "--baseline", "seoaudit-baseline.json", "-f", "json", cwd=repo)
    assert from_root.returncode == 0 and audited(from_root) == AUDITED  # the baseline itself is not read
    report = json.loads(from_root.stdout)
    assert report["summary"]["findings"] == 0 and report["summary"]["baselined"] > 0
    inner = seoaudit("check", ".", "--baseline", "../seoaudit-baseline.json", "-q", cwd=repo / "public")
    assert inner.returncode == 0 and "baselined" in inner.stdout, inner.stdout + inner.stderr
    # A new problem in the subfolder is new whichever folder the run starts in.
    page = repo / "public" / "blog" / "headless-cache-notes" / "index.html"
    original = page.read_text()
    try:
        page.write_text(original.replace("</head>", '<link rel="canonical" href="/other/">\n</head>', 1))
        for cwd, baseline in ((repo, "seoaudit-baseline.json"), (repo / "public", "../seoaudit-baseline.json")):
            result = seoaudit("check", ".", "--baseline", baseline, "-f", "concise", cwd=cwd)
            assert result.returncode == 1 and "canonical/" in result.stdout, result.stdout
    finally:
        page.write_text(original)
