"""Rules across documents: signatures merge associatively, and findings land on the right documents."""

from __future__ import annotations

import random

from seoaudit.aggregate import merge_all, merge_signatures
from seoaudit.engine import Config, audit, audit_document
from seoaudit.load import documents_from_json, load_paths
from seoaudit.registry import all_rules

from .conftest import CORPUS, EXAMPLES, needs_corpus

BATCH = {r.id: r for r in all_rules().values() if r.is_batch}


def post(slug: str, title: str, canonical: str, description: str = "") -> dict:
    head = {"title": title, "canonical": canonical}
    if description:
        head["description"] = description
    return {"link": f"https://example.com/{slug}/", "title": {"rendered": slug}, "status": "publish",
            "yoast_head_json": head}


def batch_findings(report) -> list[tuple[str, str]]:
    return sorted((r.document.display_source, f.rule) for r in report.documents for f in r.findings
                  if f.rule in BATCH)


def test_batch_rules_are_registered():
    assert {"title/duplicate", "description/duplicate", "canonical/form-drift"} <= set(BATCH)


def test_duplicates_and_drift_across_a_collection():
    posts = [post("a", "Services", "https://example.com/a/", "Same words."),
             post("b", "services ", "https://example.com/b/", "Same words."),
             post("c", "Contact", "http://example.com/c/", "Other words."),
             post("d", "About", "https://example.com/d", "More words.")]
    report = audit(documents_from_json(posts, "site.json"), Config())
    assert batch_findings(report) == [
        ("site.json#/0", "description/duplicate"), ("site.json#/0", "title/duplicate"),
        ("site.json#/1", "description/duplicate"), ("site.json#/1", "title/duplicate"),
        ("site.json#/2", "canonical/form-drift"), ("site.json#/3", "canonical/form-drift"),
    ]
    drift = {f.message for r in report.documents for f in r.findings if f.rule == "canonical/form-drift"}
    assert any("uses http on example.com, while 3 of 4 canonicals of this run use https" in m for m in drift)
    assert any("uses no trailing slash" in m for m in drift)


def test_merge_order_and_grouping_do_not_change_the_result():
    posts = [post(str(i), f"Title {i % 3}", f"https://{'www.' if i % 4 == 0 else ''}example.com/{i}/",
                  f"Description {i % 2}") for i in range(12)]
    results = [audit_document(d, Config()) for d in documents_from_json(posts, "x.json")]
    signatures = [r.signatures for r in results]
    expected = merge_all(signatures, BATCH)
    shuffled = signatures[:]
    random.Random(7).shuffle(shuffled)
    halves = merge_signatures(merge_all(shuffled[:5], BATCH), merge_all(shuffled[5:], BATCH), BATCH)
    assert set(expected) == set(halves)  # the rules that had something to say (no sitemap here: not sitemap/*)
    for rule_id in expected:
        rule = BATCH[rule_id]
        findings = sorted((k, v.message) for k, v in rule.check_batch(expected[rule_id], {}))
        assert findings == sorted((k, v.message) for k, v in rule.check_batch(halves[rule_id], {}))


def test_a_single_document_has_no_batch_findings():
    report = audit(load_paths([str(EXAMPLES / "clean-post.json")]), Config())
    assert batch_findings(report) == []


def test_ignored_batch_rules_do_not_run():
    posts = [post("a", "Same", "https://example.com/a/"), post("b", "Same", "https://example.com/b/")]
    report = audit(documents_from_json(posts, "x.json"), Config(ignore=("title/duplicate",)))
    assert batch_findings(report) == []


@needs_corpus
def test_the_local_yoast_site_repeats_its_posts_across_files():
    # The collections hold the same posts as the single-post files: their titles are duplicates across the run.
    report = audit(load_paths([str(CORPUS / "wp/local-yoast")]), Config(select=("title/duplicate",)))
    flagged = {r.document.source.rsplit("/", 1)[-1] + (f"#{r.document.pointer}" if r.document.pointer else "")
               for r in report.documents if any(f.rule == "title/duplicate" for f in r.findings)}
    assert "post-featured-image.json" in flagged
    assert any(name.startswith("posts-collection.json#/") for name in flagged)
    # The category archive's title is its own: not a duplicate.
    assert "category-guides.json" not in flagged
