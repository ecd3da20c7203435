"""The whole real corpus through the CLI: no crash, no traceback, every report valid."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache

import jsonschema

from .conftest import CORPUS, ROOT, needs_corpus

pytestmark = needs_corpus


@cache
def corpus_report() -> tuple[int, dict, str]:
    result = subprocess.run(
        [sys.executable, "-m", "seoaudit", "check", "--format", "json", "--fail-on", "never",
         str(CORPUS / "html"), str(CORPUS / "wp")],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    return result.returncode, json.loads(result.stdout), result.stderr


def count_wp_objects() -> int:
    total = 0
    for path in (CORPUS / "wp").rglob("*.json"):
        value = json.loads(path.read_text(encoding="utf-8"))
        total += len(value) if isinstance(value, list) else 1
    return total


def test_corpus_runs_clean_through_the_cli():
    code, report, stderr = corpus_report()
    assert code == 0, stderr[-2000:]
    assert stderr == ""
    jsonschema.validate(report, json.loads((ROOT / "seoaudit/schemas/report.schema.json").read_text()))


def test_every_page_and_wp_object_is_a_document():
    _, report, _ = corpus_report()
    kinds = [d["kind"] for d in report["documents"]]
    html_pages = sum(1 for p in (CORPUS / "html").rglob("*") if p.suffix in (".html", ".htm"))
    assert html_pages == 518
    assert kinds.count("html") == html_pages
    assert len(kinds) - html_pages == count_wp_objects()
    assert "invalid" not in kinds


def test_no_rule_crashed_on_any_document():
    _, report, _ = corpus_report()
    crashed = [(d["source"], f["message"]) for d in report["documents"] for f in d["findings"]
               if f["rule"] == "input/internal-error"]
    assert crashed == []


def test_globalcitieshub_post_is_audited_with_its_metadata():
    _, report, _ = corpus_report()
    doc = next(d for d in report["documents"] if d["source"].endswith("globalcitieshub/post-21227.json"))
    meta = doc["metadata"]
    assert meta["canonical"] == (
        "https://globalcitieshub.org/en/cities-at-the-core-of-wipos-global-innovation-cluster-index-2024/")
    assert meta["og_images"][0] == {"url": "https://globalcitieshub.org/wp-content/uploads/2024/09/1.jpg",
                                    "width": "786", "height": "524", "type": "image/jpeg"}
    assert meta["post"]["status"] == "publish"
    # Entities are decoded exactly once: Yoast's JSON holds "S&amp;T" and "&hellip;".
    assert "S&T" in meta["og"]["og:description"] and meta["og"]["og:description"].endswith("…")
