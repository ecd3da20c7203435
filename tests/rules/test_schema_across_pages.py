"""Structured data across the pages of a run: shared WebPage/Article ids, and one entity described two ways.
The docstring examples run in tests/test_rule_docs.py."""

from __future__ import annotations

import json
import random

from seoaudit.engine import Config, audit
from seoaudit.load import documents_from_json, load_bytes

RULES = ("schema/page-id-shared", "schema/entity-conflict")


def post(slug: str, *nodes, canonical: str | None = None) -> dict:
    return {"link": f"https://example.com/{slug}/", "status": "publish", "title": {"rendered": slug},
            "yoast_head_json": {"title": slug, "canonical": canonical or f"https://example.com/{slug}/",
                                "schema": {"@context": "https://schema.org", "@graph": list(nodes)}}}


def webpage(node_id: str) -> dict:
    return {"@type": "WebPage", "@id": node_id}


def org(name: str, logo: str | None = None) -> dict:
    node = {"@type": "Organization", "@id": "https://example.com/#organization", "name": name}
    if logo:
        node["logo"] = {"@id": "https://example.com/#logo"}
    return node


def logo(url: str) -> dict:
    return {"@type": "ImageObject", "@id": "https://example.com/#logo", "url": url}


def found(documents) -> dict[str, list[tuple[str, str]]]:
    report = audit(documents, Config(select=RULES))
    return {r.document.display_source: [(f.rule, f.message) for f in r.findings] for r in report.documents
            if r.findings}


def test_a_hard_coded_webpage_id_on_distinct_pages():
    shared = "https://example.com/#webpage"
    posts = [post("a", webpage(shared)), post("b", webpage(shared)), post("c", webpage("https://example.com/c/"))]
    documents = [*documents_from_json(posts, "site.json"), *documents_from_json(posts[0], "a.json")]
    assert found(documents) == {  # site.json#/0 and a.json are one post: its first reading in the run speaks
        "site.json#/0": [("schema/page-id-shared", f"WebPage or Article @id '{shared}' is also used by 1 other "
                          "document of this run: site.json#/1")],
        "site.json#/1": [("schema/page-id-shared", f"WebPage or Article @id '{shared}' is also used by 1 other "
                          "document of this run: site.json#/0")]}


def test_a_page_canonicalised_to_another_and_an_archive_listing_articles_are_quiet():
    article = {"@type": "Article", "@id": "https://example.com/a/#article"}
    posts = [post("a", webpage("https://example.com/a/"), article),
             post("a-copy", webpage("https://example.com/a/"), canonical="https://example.com/a/"),
             post("news", {"@type": "CollectionPage", "@id": "https://example.com/news/", "hasPart": [article]})]
    assert found(list(documents_from_json(posts, "site.json"))) == {}


def test_one_organization_with_two_names_or_logos():
    posts = [post("a", org("Acme")), post("b", org("ACME")), post("c", org("Acme Widgets Ltd")),
             post("d", org("Acme", logo=True), logo("https://example.com/logo.png")),
             post("e", org("Acme", logo=True), logo("https://example.com/old-logo.png")),
             post("f", org("Acme", logo=True), logo("https://example.com/logo.png"))]
    result = found(list(documents_from_json(posts, "site.json")))
    assert result == {
        "site.json#/2": [("schema/entity-conflict", "Organization https://example.com/#organization is described "
                          "differently across the run: its name is 'Acme Widgets Ltd', while 5 of 6 pages of this "
                          "run give 'Acme'")],
        "site.json#/4": [("schema/entity-conflict", "Organization https://example.com/#organization is described "
                          "differently across the run: its logo is 'https://example.com/old-logo.png', while 2 of 3 "
                          "pages of this run give 'https://example.com/logo.png'")]}


def test_findings_do_not_depend_on_document_order():
    posts = [post("a", webpage("https://example.com/#webpage"), org("Acme")),
             post("b", webpage("https://example.com/#webpage"), org("Acme")),
             post("c", webpage("https://example.com/c/"), org("Acme Inc"))]
    files = [(json.dumps(p).encode(), f"{p['title']['rendered']}.json") for p in posts]
    expected = found([d for data, name in files for d in load_bytes(data, name)])
    assert sorted(rule for f in expected.values() for rule, _ in f) == sorted([*RULES, "schema/page-id-shared"])
    for seed in range(3):
        random.Random(seed).shuffle(files)
        assert found([d for data, name in files for d in load_bytes(data, name)]) == expected


def test_pages_that_give_the_same_stale_name_share_one_finding():
    posts = [post(slug, org("Acme")) for slug in "abcdef"] + [post(slug, org("Old Acme")) for slug in "ghijk"]
    result = found(list(documents_from_json(posts, "site.json")))
    assert result == {"site.json#/10": [(
        "schema/entity-conflict", "Organization https://example.com/#organization is described differently on "
        "this page and 4 others (site.json#/6, site.json#/7, site.json#/8 and 1 more): its name is 'Old Acme', "
        "while 6 of 11 pages of this run give 'Acme'")]}
