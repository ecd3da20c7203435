"""Rules across documents: an aggregation whose state merges in any grouping and order, at a cost linear in what
it adds, and whose findings land on the right documents, from memory or from disk."""

from __future__ import annotations

import json
import random
import tracemalloc
from functools import reduce

import pytest

from seoaudit.aggregate import Aggregation, group_key
from seoaudit.engine import Auditor, Config, audit
from seoaudit.load import documents_from_json, load_bytes, load_paths
from seoaudit.model import DocumentRef
from seoaudit.registry import all_rules
from seoaudit.run import Run
from seoaudit.spill import Multimap

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


def _posts(n: int) -> list[dict]:
    return [post(str(i), f"Title {i % 3}", f"https://{'www.' if i % 4 == 0 else ''}example.com/{i}/",
                 f"Description {i % 2}") for i in range(n)]


def _entries(documents) -> list[tuple]:
    auditor = Auditor.compile(Config())
    return [auditor.audit(d, (i, 0)).batch for i, d in enumerate(documents)]


def _findings(aggregation: Aggregation, state) -> list[tuple]:
    return sorted((key, late.finding.rule, late.finding.message) for key, late in aggregation.finish(state))


def test_combine_is_associative_and_commutative():
    entries = _entries(documents_from_json(_posts(12), "x.json"))
    aggregation = Auditor.compile(Config()).aggregation()

    def fold(part):
        return reduce(aggregation.add, part, aggregation.empty())

    expected = _findings(aggregation, fold(entries))
    assert len(expected) == 12 + 12 + 3  # every title and description is shared; the www. ones drift
    shuffled = entries[:]
    random.Random(7).shuffle(shuffled)
    a, b, c = fold(shuffled[:3]), fold(shuffled[3:8]), fold(shuffled[8:])
    assert _findings(aggregation, aggregation.combine(aggregation.combine(a, b), c)) == expected
    a, b, c = fold(shuffled[:3]), fold(shuffled[3:8]), fold(shuffled[8:])
    assert _findings(aggregation, aggregation.combine(c, aggregation.combine(b, a))) == expected
    # A tree, as Dask's reduction would fold one partition per worker, then their states in pairs.
    states = [fold(shuffled[i:i + 2]) for i in range(0, 12, 2)]
    while len(states) > 1:
        states = [aggregation.combine(*states[i:i + 2]) if i + 1 < len(states) else states[i]
                  for i in range(0, len(states), 2)]
    assert _findings(aggregation, states[0]) == expected


def test_a_state_pickles_whole_for_a_worker_to_send(tmp_path):
    import pickle

    entries = _entries(documents_from_json(_posts(8), "x.json"))
    aggregation = Auditor.compile(Config()).aggregation(budget=2_000)  # small: part of it is on disk
    state = reduce(aggregation.add, entries, aggregation.empty())
    assert state.members.spilled
    expected = _findings(aggregation, state)
    assert _findings(aggregation, pickle.loads(pickle.dumps(state))) == expected


def test_the_same_file_twice_is_two_documents_but_one_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Only one</title></head></html>")
    other = tmp_path / "other.html"
    other.write_text("<html><head><title>Only one</title></head></html>")
    report = audit(load_paths([str(page), str(page)]), Config(select=("title/duplicate",)))
    assert len(report.documents) == 2 and batch_findings(report) == []  # a page is never its own duplicate
    report = audit(load_paths([str(page), str(other), str(page)]), Config(select=("title/duplicate",)))
    # the page's first reading gets the finding, and names the other page once
    assert [(r.key, f.message) for r in report.documents for f in r.findings] == [
        (report.documents[0].key, f"title 'Only one' is also used by 1 other document of this run: {other}"),
        (report.documents[1].key, f"title 'Only one' is also used by 1 other document of this run: {page}")]


def test_adding_and_combining_cost_what_is_added(monkeypatch):
    added = []
    original = Multimap.add
    monkeypatch.setattr(Multimap, "add", lambda self, key, value: (added.append(key), original(self, key, value)))
    entries = _entries(documents_from_json(_posts(40), "x.json"))
    aggregation = Auditor.compile(Config()).aggregation()
    big = reduce(aggregation.add, entries[:30], aggregation.empty())
    assert len(added) == sum(map(len, entries[:30]))  # each document: its own entries, nothing copied
    added.clear()
    small = reduce(aggregation.add, entries[30:], aggregation.empty())
    added.clear()
    aggregation.combine(small, big)  # in either order, the smaller state is added to the larger
    assert len(added) == sum(map(len, entries[30:]))


def test_a_large_duplicate_group_names_others_in_linear_time(monkeypatch):
    names = []
    original = DocumentRef.display_source
    monkeypatch.setattr(DocumentRef, "display_source", property(lambda self: (names.append(1), original.fget(self))[1]))
    state_of = Auditor.compile(Config(select=("title/duplicate",)))
    aggregation = state_of.aggregation()
    posts = [post(str(i), "Same title", f"https://example.com/{i}/") for i in range(2000)]
    state = aggregation.empty()
    for i, document in enumerate(documents_from_json(posts, "x.json")):
        aggregation.add(state, state_of.audit(document, (i, 0)).batch)
    names.clear()
    found = list(aggregation.finish(state))
    assert len(found) == 2000
    assert "also used by 1999 other documents of this run: x.json#/0, x.json#/1, x.json#/10 and 1996 more" in \
        found[-1][1].finding.message
    # Sorting reads each name O(log n) times; the lists of names are built once for the group, not per member.
    assert len(names) < 2000 * 10


def test_a_run_spills_to_disk_and_finds_the_same(tmp_path):
    posts = [post(str(i), f"Title {i % 50}", f"https://example.com/{i}/", f"Text {i % 7}") for i in range(300)]
    collection = json.dumps(posts).encode()

    def late(budget: int):
        run = Run(Auditor.compile(Config()), budget=budget)
        for _ in run.results(load_bytes(collection, "site.json")):
            pass
        spilled = run.state.members.spilled
        found = [(item.key, [f.message for f in item.findings]) for item in run.finish()]
        run.close()
        return spilled, found

    in_memory, expected = late(64 * 1024 * 1024)
    on_disk, found = late(4_000)
    assert not in_memory and on_disk
    assert found == expected and len(expected) == 300


def test_the_state_size_estimate_matches_what_python_allocates():
    members = Multimap(budget=10 ** 12)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(5000):
        members.add(group_key("title/duplicate", f"title number {i} of the site"), b"m" * 120 + str(i).encode())
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert 0.75 < members.size / used < 1.25


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
    assert messages == [f"title 'Services' is also used by 1 other document of this run: collection.json#/{i}"
                        for i in "01"]


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
    assert messages["other.html"].endswith("1 other document of this run: sale.html")


@needs_corpus
@pytest.mark.timeout(300)
def test_the_corpus_findings_do_not_depend_on_the_order_documents_come_in():
    auditor = Auditor.compile(Config())
    documents = list(load_paths([str(CORPUS / "html"), str(CORPUS / "wp")]))
    entries = [auditor.audit(d, (i, 0)).batch for i, d in enumerate(documents)]
    aggregation = auditor.aggregation()
    expected = _findings(aggregation, reduce(aggregation.add, entries, aggregation.empty()))
    assert expected
    random.Random(12).shuffle(entries)
    halves = [reduce(aggregation.add, part, aggregation.empty()) for part in (entries[::2], entries[1::2])]
    assert _findings(aggregation, aggregation.combine(*halves)) == expected
