"""The canonical graph of a run: chains, loops, canonicals to excluded pages and canonicals several pages share
(rules/canonical/_graph.py). The docstring examples run in tests/test_rule_docs.py."""

from __future__ import annotations

import json
import random
import subprocess
import sys

from seoaudit.engine import Config, audit
from seoaudit.load import documents_from_json, load_bytes, load_paths

from ..conftest import CORPUS, ROOT, needs_corpus

GRAPH = ("canonical/chain", "canonical/loop", "canonical/target-excluded", "canonical/shared-target")


def post(slug: str, canonical: str | None = None, noindex: bool = False, **more) -> dict:
    head = {"title": slug.title(), "canonical": canonical or f"https://example.com/{slug}/"}
    if noindex:
        head["robots"] = {"index": "noindex", "follow": "follow"}
    return {"link": f"https://example.com/{slug}/", "status": "publish", "title": {"rendered": slug},
            "yoast_head_json": head, **more}


def found(documents, select=GRAPH) -> dict[str, list[tuple[str, str]]]:
    report = audit(documents, Config(select=select))
    return {r.document.display_source: [(f.rule, f.message) for f in r.findings]
            for r in report.documents if r.findings}


def collection(*posts) -> list:
    return list(documents_from_json(list(posts), "site.json"))


def test_a_chain_is_reported_on_its_first_page_and_a_self_canonical_target_is_quiet():
    result = found(collection(post("a", "https://example.com/b/"), post("b", "https://example.com/c/"), post("c")))
    assert result == {"site.json#/0": [(
        "canonical/chain", "the canonical https://example.com/b/ is site.json#/1, which is itself canonicalised to "
        "https://example.com/c/: a chain of two hops")]}
    # A → B where B is its own canonical (in another URL form: http, no slash) is no chain
    assert found(collection(post("a", "https://example.com/b/"), post("b", "http://example.com/b"))) == {}


def test_a_longer_chain_is_reported_at_every_hop():
    posts = collection(post("a", "https://example.com/b/"), post("b", "https://example.com/c/"),
                       post("c", "https://example.com/d/"), post("d"))
    assert {doc: [rule for rule, _ in f] for doc, f in found(posts).items()} == {
        "site.json#/0": ["canonical/chain"], "site.json#/1": ["canonical/chain"]}


def test_a_loop_is_one_finding_on_the_first_page_by_name():
    posts = [post("b", "https://example.com/a/"), post("a", "https://example.com/b/")]
    result = found(collection(*posts))
    assert result == {"site.json#/0": [(
        "canonical/loop", "the canonical https://example.com/a/ is site.json#/1, whose canonical "
        "https://example.com/b/ names this page back: a canonical loop")]}
    assert found(collection(*reversed(posts))) == {"site.json#/0": [(
        "canonical/loop", "the canonical https://example.com/b/ is site.json#/1, whose canonical "
        "https://example.com/a/ names this page back: a canonical loop")]}


def test_a_canonical_to_a_noindex_page_of_the_run():
    result = found(collection(post("spring", "https://example.com/sale/"), post("sale", noindex=True)))
    assert result == {"site.json#/0": [(
        "canonical/target-excluded", "the canonical https://example.com/sale/ names a page of this run that is "
        "noindex (site.json#/1)")]}
    # a noindex page whose canonical names another is no pointer: its canonical is moot (and it is no chain)
    assert found(collection(post("spring", "https://example.com/sale/", noindex=True), post("sale"))) == {}


def recorded(url: str, body: str, final: str | None = None, redirects=()) -> bytes:
    wire = {"url": url, "status": 200, "final_url": final or url,
            "redirects": [{"url": u, "status": 301, "location": final} for u in redirects]}
    return json.dumps({"seoaudit_http": wire, "body": body}).encode()


def html(canonical: str, og_url: str | None = None) -> str:
    og = f'<meta property="og:url" content="{og_url}">' if og_url else ""
    return f'<html><head><title>T</title>{og}<link rel="canonical" href="{canonical}"></head><body></body></html>'


def test_a_canonical_to_a_url_the_run_saw_redirect():
    old, new = "https://example.com/old/", "https://example.com/new/"
    documents = [*load_bytes(recorded("https://example.com/a/", html(old, "https://example.com/a/")), "a.json"),
                 *load_bytes(recorded(old, html(new), final=new, redirects=[old]), "new.json")]
    assert found(documents) == {"a.json": [(
        "canonical/target-excluded", f"the canonical {old} names a page of this run that redirects to {new} "
        "(new.json)")]}


def test_distinct_posts_sharing_a_canonical_name_each_other_and_the_same_post_twice_is_one():
    original = "https://partner.example.org/original/"
    posts = [post(f"p{i}", original) for i in range(6)]
    documents = [*collection(*posts), *documents_from_json(posts[0], "p0.json")]  # p0 read twice: one page
    result = found(documents)
    # p0's first reading by name speaks for it
    assert sorted(result) == ["p0.json"] + [f"site.json#/{i}" for i in range(1, 6)]
    assert result["p0.json"] == [("canonical/shared-target", f"the canonical {original} is also declared by 5 "
                                  "other pages of this run: site.json#/1, site.json#/2, site.json#/3 and 2 more")]
    assert result["site.json#/4"][0][1].endswith("p0.json, site.json#/1, site.json#/2 and 2 more")
    # one page canonicalised to another (the target itself in the run and self-canonical) is no group
    assert found(collection(post("a", "https://example.com/b/"), post("b"))) == {}


def test_findings_do_not_depend_on_document_order():
    posts = [post("a", "https://example.com/b/"), post("b", "https://example.com/c/"), post("c"),
             post("x", "https://example.com/y/"), post("y", "https://example.com/x/"),
             post("s", "https://example.com/n/"), post("n", noindex=True),
             post("d1", "https://example.com/z/"), post("d2", "https://example.com/z/")]
    files = [(json.dumps(p).encode(), f"content/{p['title']['rendered']}.json") for p in posts]

    def run(order):
        return found([d for data, name in order for d in load_bytes(data, name)])

    expected = run(files)
    assert sorted(rule for f in expected.values() for rule, _ in f) == sorted((*GRAPH, "canonical/shared-target"))
    for seed in range(3):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        assert run(shuffled) == expected


def test_one_or_two_processes_give_the_same_findings(tmp_path):
    # more documents than run.POOL_FROM: the pool audits some of them
    posts = [post(f"p{i}", f"https://example.com/p{(i + 1) % 60}/" if i % 3 else None) for i in range(60)]
    posts += [post("n", noindex=True), post("m", "https://example.com/n/")]
    for i, p in enumerate(posts):
        (tmp_path / f"{i:02}.json").write_text(json.dumps(p))

    def report(jobs: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never",
                               "--select", "canonical", "--jobs", jobs, "--format", "json", str(tmp_path)],
                              cwd=ROOT, check=True, capture_output=True)
        return json.loads(done.stdout)

    one = report("1")
    assert one == report("2")
    assert {"canonical/chain", "canonical/target-excluded"} <= set(one["summary"]["by_rule"])


@needs_corpus
def test_the_yoast_corpus_custom_canonical_to_a_self_canonical_post_read_three_times_is_quiet():
    # post-with-custom-canonical names post-with-a-featured-image (self-canonical, indexable): no chain, and the
    # post read three times (its file, the collection, the context=edit export) shares no canonical with itself
    report = audit(load_paths([str(CORPUS / "wp" / "local-yoast")]), Config(select=GRAPH))
    assert [f for r in report.documents for f in r.findings] == []
    names = {r.document.display_source.removeprefix(str(CORPUS / "wp" / "local-yoast") + "/") for r in report.documents}
    assert {"post-custom-canonical.json", "posts-collection.json#/1", "posts-collection.edit.json#/3"} <= names


def test_the_state_a_page_adds_is_a_few_hundred_bytes():
    from seoaudit.engine import Auditor

    auditor = Auditor.compile(Config(select=GRAPH))
    posts = [post(f"post-{i}", f"https://example.com/post-{i + 1}/", noindex=i % 5 == 0) for i in range(200)]
    entries = [auditor.audit(d, (i, 0)).batch for i, d in enumerate(collection(*posts))]
    per_page = sum(len(group) + len(member) for e in entries for group, member in e) / len(entries)
    # measured: ~930 B for the four rules, every page pointing elsewhere (a pointer and an owner per rule)
    assert 0 < per_page < 1_500, per_page
