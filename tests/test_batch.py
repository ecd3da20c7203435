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
    for rule_id, rule in BATCH.items():
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
def test_a_post_read_twice_is_one_post():
    # The collections hold the same posts as the single-post files (and a context=edit export): the same link is
    # the same post, never a duplicate of itself, and no finding is doubled across its readings.
    report = audit(load_paths([str(CORPUS / "wp/local-yoast")]),
                   Config(select=("title/duplicate", "description/duplicate", "canonical/form-drift")))
    assert batch_findings(report) == []


def test_the_same_post_in_two_files_is_compared_once_with_another():
    a, b = post("a", "Services", "https://example.com/a/"), post("b", "Services", "https://example.com/b/")
    documents = [*documents_from_json([a, b], "collection.json"), *documents_from_json(a, "a.json")]
    report = audit(documents, Config(select=("title/duplicate",)))
    assert batch_findings(report) == [("collection.json#/0", "title/duplicate"),
                                      ("collection.json#/1", "title/duplicate")]
    messages = sorted(f.message for r in report.documents for f in r.findings)
    assert messages == [f"title 'Services' is also used by 1 other document of this run: https://example.com/{x}/"
                        for x in "ab"]


def test_noindex_and_canonicalised_documents_are_not_compared():
    noindex = {**post("b", "Services", "https://example.com/b/"), "link": "https://example.com/b/"}
    noindex["yoast_head_json"]["robots"] = {"index": "noindex", "follow": "follow"}
    elsewhere = post("c", "Services", "https://example.com/a/")
    http_form = post("d", "Services", "http://example.com/d/")  # its own URL in another form: still itself
    report = audit(documents_from_json([post("a", "Services", "https://example.com/a/"), noindex, elsewhere,
                                        http_form], "x.json"), Config(select=("title/duplicate",)))
    assert batch_findings(report) == [("x.json#/0", "title/duplicate"), ("x.json#/3", "title/duplicate")]


def test_a_page_saved_twice_is_one_page():
    from seoaudit.load import load_bytes

    def saved(name: str, canonical: str) -> list:
        html = (f'<html><head><title>Spring sale</title><link rel="canonical" href="{canonical}"></head>'
                '<body></body></html>')
        return list(load_bytes(html.encode(), name))

    documents = [*saved("sale.html", "https://example.com/sale/"), *saved("sale-copy.html", "https://EXAMPLE.com/sale/"),
                 *saved("other.html", "https://example.com/other/")]
    report = audit(documents, Config(select=("title/duplicate",)))
    assert batch_findings(report) == [("other.html", "title/duplicate"), ("sale.html", "title/duplicate")]
    messages = {r.document.source: f.message for r in report.documents for f in r.findings}
    assert messages["other.html"].endswith("1 other document of this run: https://example.com/sale/")
