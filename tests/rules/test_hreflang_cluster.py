"""hreflang across the pages of a run: return links, alternates to excluded pages, language codes
(rules/url/_cluster.py). The docstring examples run in tests/test_rule_docs.py."""

from __future__ import annotations

import json
import random

from seoaudit.engine import Config, audit
from seoaudit.load import documents_from_json, load_bytes

RULES = ("url/hreflang-no-return", "url/hreflang-to-excluded", "url/hreflang-code-mismatch")


def html(slug: str, alternates: dict[str, str], robots: str = "", canonical: str | None = None) -> bytes:
    links = "".join(f'<link rel="alternate" hreflang="{code}" href="https://example.com/{to}/">'
                    for code, to in alternates.items())
    meta = f'<meta name="robots" content="{robots}">' if robots else ""
    meta += f'<meta property="og:url" content="https://example.com/{slug}/">'  # its address, whatever its canonical
    return (f'<html><head><title>{slug}</title>{meta}<link rel="canonical" '
            f'href="{canonical or f"https://example.com/{slug}/"}">{links}</head><body></body></html>').encode()


def found(*files) -> dict[str, list[tuple[str, str]]]:
    documents = [d for data, name in files for d in load_bytes(data, name)]
    report = audit(documents, Config(select=RULES))
    return {r.document.display_source: [(f.rule, f.message) for f in r.findings] for r in report.documents
            if r.findings}


def test_reciprocal_alternates_are_quiet_and_a_missing_return_is_one_finding_per_page():
    cluster = {"en": "en", "fr": "fr", "de": "de"}
    files = [(html(slug, cluster), f"{slug}.html") for slug in cluster.values()]
    assert found(*files) == {}
    files[2] = (html("de", {"de": "de"}), "de.html")  # the German page lost its alternates
    assert found(*files) == {"de.html": [(
        "url/hreflang-no-return", "2 pages of this run list https://example.com/de/ as an hreflang alternate, but "
        "this page does not list them back: en.html, fr.html")]}
    # a page outside the run is never judged
    assert found(files[0], files[1]) == {}


def test_alternates_to_noindex_and_canonicalised_pages():
    files = [(html("en", {"en": "en", "fr": "fr", "de": "de"}), "en.html"),
             (html("fr", {"en": "en", "fr": "fr"}, robots="noindex"), "fr.html"),
             (html("de", {"en": "en", "de": "de"}, canonical="https://example.com/en/"), "de.html")]
    result = found(*files)
    assert result == {"en.html": [
        ("url/hreflang-to-excluded", "the hreflang alternate https://example.com/de/ (de) is de.html, which is "
         "canonicalised to https://example.com/en/"),
        ("url/hreflang-to-excluded", "the hreflang alternate https://example.com/fr/ (fr) is fr.html, which is "
         "noindex")]}


def test_one_url_given_two_codes():
    files = [(html("en", {"en": "en", "fr-CA": "fr", "es": "es"}), "en.html"),
             (html("es", {"en": "en", "fr": "fr", "es": "es"}), "es.html"),
             (html("fr", {"en": "en", "fr": "fr", "es": "es"}), "fr.html")]
    assert found(*files) == {"en.html": [(
        "url/hreflang-code-mismatch", "the hreflang alternate https://example.com/fr/ is given the code 'fr-ca', "
        "but the page itself (fr.html) says 'fr'")]}
    # without the page, the code most pages use; x-default beside a code is no mismatch
    files = [(html("en", {"en": "en", "fr-CA": "fr", "x-default": "en"}), "en.html"),
             (html("es", {"en": "en", "fr": "fr", "es": "es", "x-default": "en"}), "es.html"),
             (html("it", {"en": "en", "fr": "fr", "it": "it"}), "it.html")]
    assert [f for f in found(*files)["en.html"] if f[0] == "url/hreflang-code-mismatch"] == [(
        "url/hreflang-code-mismatch", "the hreflang alternate https://example.com/fr/ is given the code 'fr-ca', "
        "but 2 of 3 pages of this run say 'fr'")]


def test_the_same_post_read_twice_is_one_lister():
    def post(slug: str, alternates: dict[str, str]) -> dict:
        head = "".join(f'<link rel="alternate" hreflang="{c}" href="https://example.com/{t}/" />'
                       for c, t in alternates.items())
        return {"link": f"https://example.com/{slug}/", "status": "publish", "title": {"rendered": slug},
                "yoast_head": f'<link rel="canonical" href="https://example.com/{slug}/" />{head}'}

    en, fr = post("en", {"en": "en", "fr": "fr"}), post("fr", {"fr": "fr"})
    documents = [*documents_from_json([en, fr], "posts.json"), *documents_from_json(en, "en.json")]
    report = audit(documents, Config(select=RULES))
    assert [(r.document.display_source, f.message) for r in report.documents for f in r.findings] == [
        ("posts.json#/1", "1 page of this run lists https://example.com/fr/ as an hreflang alternate, but this "
         "page does not list it back: en.json")]


def test_findings_do_not_depend_on_document_order():
    files = [(html("en", {"en": "en", "fr-CA": "fr", "de": "de", "it": "it"}), "en.html"),
             (html("fr", {"en": "en", "fr": "fr"}), "fr.html"),
             (html("de", {"de": "de"}), "de.html"),
             (html("it", {"en": "en", "it": "it"}, robots="noindex"), "it.html")]
    expected = found(*files)
    assert sorted(rule for f in expected.values() for rule, _ in f) == sorted(RULES)
    for seed in range(3):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        assert found(*shuffled) == expected
    assert json.dumps(expected)  # plain values
