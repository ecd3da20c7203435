"""The schema family on small crafted inputs, on Yoast's published examples and on the real corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from seoaudit.engine import Config, audit_document
from seoaudit.load import load_paths
from seoaudit.model import Severity
from seoaudit.page import Page

from ..conftest import CORPUS, audit_example, needs_corpus

# The graph-integrity rules this file is about (the per-type and vocabulary rules have their own tests).
GRAPH_RULES = frozenset({
    "schema/jsonld-invalid", "schema/context-not-schema-org", "schema/missing-type", "schema/dangling-reference",
    "schema/empty-id", "schema/conflicting-duplicate-id", "schema/reference-type-mismatch",
    "schema/id-off-canonical", "schema/id-off-site", "schema/id-not-absolute",
})

YOAST_DOCS = CORPUS / "expected" / "yoast-developer-docs"
LOCAL = CORPUS / "wp" / "local-yoast"
GLOBALCITIES = CORPUS / "wp" / "globalcitieshub" / "post-21227.json"
HTML = CORPUS / "html"


def findings(language: str, text: str, rule: str | None = None) -> list:
    found = [f for result in audit_example(language, text) for f in result.findings if f.rule in GRAPH_RULES]
    return [f for f in found if f.rule == rule] if rule else found


def rules_of(found) -> Counter:
    return Counter(f.rule for f in found)


def html_page(*blocks, head: str = "") -> str:
    """A page whose JSON-LD blocks each start on their own line (block i of the list on line 2 + i)."""
    scripts = "".join(f'\n<script type="application/ld+json">{b if isinstance(b, str) else json.dumps(b)}</script>'
                      for b in blocks)
    return f"<html><head><title>Post</title>{head}{scripts}\n</head><body></body></html>"


def graph(*nodes) -> dict:
    return {"@context": "https://schema.org", "@graph": list(nodes)}


def post(*nodes, link="https://example.com/post/", canonical="https://example.com/post/", **extra) -> str:
    head = {"title": "Post", "schema": graph(*nodes), **extra}
    if canonical:
        head["canonical"] = canonical
    return json.dumps({"id": 7, "status": "publish", "type": "post", "link": link, "yoast_head_json": head})


def corpus_findings(path: Path) -> list:
    return [f for doc in load_paths([str(path)]) for f in audit_document(doc, Config()).findings]


def corpus_schema(path: Path) -> list:
    return [f for f in corpus_findings(path) if f.rule in GRAPH_RULES]


ARTICLE = {"@type": "Article", "@id": "https://example.com/post/#article",
           "isPartOf": {"@id": "https://example.com/post/"}, "publisher": {"@id": "https://example.com/#organization"}}
WEBPAGE = {"@type": "WebPage", "@id": "https://example.com/post/", "url": "https://example.com/post/",
           "isPartOf": {"@id": "https://example.com/#website"}}
WEBSITE = {"@type": "WebSite", "@id": "https://example.com/#website", "url": "https://example.com/",
           "publisher": {"@id": "https://example.com/#organization"}}
ORGANIZATION = {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example",
                "logo": {"@type": "ImageObject", "@id": "https://example.com/#/schema/logo/image/"},
                "image": {"@id": "https://example.com/#/schema/logo/image/"}, "sameAs": ["https://x.com/example"]}
CLEAN_GRAPH = (ARTICLE, WEBPAGE, WEBSITE, ORGANIZATION)


def test_a_complete_yoast_style_graph_is_clean():
    assert findings("json", post(*CLEAN_GRAPH)) == []
    canonical = '<link rel="canonical" href="https://example.com/post/">'
    assert findings("html", html_page(graph(*CLEAN_GRAPH), head=canonical)) == []


# -- jsonld-invalid --------------------------------------------------------------------------------------------


def test_each_broken_block_is_reported_with_its_line_and_column_and_the_others_are_still_checked():
    text = html_page('{"@context": "https://schema.org", "@type": "Article",}',
                     graph({"@type": "Article", "@id": "https://example.com/post/#article",
                            "author": {"@id": "https://example.com/#/schema/person/1"}}),
                     '{"@context": "https://schema.org",\n "@type": "Thing" "name": "x"}')
    found = findings("html", text)
    broken = [f for f in found if f.rule == "schema/jsonld-invalid"]
    # line in the page; column in the block's own line (for a block's first line, not the page's column)
    assert [(f.location.line, f.location.column) for f in broken] == [(2, 55), (5, 19)]
    assert "Expecting property name enclosed in double quotes at line 1, column 55 of the block" in broken[0].message
    assert "Expecting ',' delimiter at line 2, column 19 of the block" in broken[1].message
    assert all(f.view == "html" for f in broken)
    assert rules_of(found)["schema/dangling-reference"] == 1  # the valid block between them is still audited


def test_broken_block_in_yoast_head_is_reported_in_that_view():
    head = '<title>Post</title>\n<script type="application/ld+json" class="yoast-schema-graph">{"@graph": [,]}</script>'
    text = json.dumps({"id": 7, "status": "publish", "type": "post", "link": "https://example.com/post/",
                       "yoast_head": head, "yoast_head_json": {"title": "Post", "schema": graph(*CLEAN_GRAPH),
                                                              "canonical": "https://example.com/post/"}})
    found = findings("json", text)
    assert [(f.rule, f.view, f.location.pointer, f.location.line) for f in found] == [
        ("schema/jsonld-invalid", "yoast_head", "/yoast_head", 2)]


@needs_corpus
def test_yoast_docs_examples_that_are_not_json_are_reported_and_the_others_are_not():
    index = json.loads((YOAST_DOCS / "_index.json").read_text())
    invalid = {name for name, meta in index.items() if not meta["valid_json"]}
    assert len(invalid) == 4
    for name in index:
        found = findings("html", html_page((YOAST_DOCS / name).read_text()), "schema/jsonld-invalid")
        assert len(found) == (name in invalid), name
    article = findings("html", html_page((YOAST_DOCS / "features_schema_pieces_article__2.jsonld").read_text()),
                       "schema/jsonld-invalid")[0]
    # a missing comma after "name": "Comment" in the CommentAction; the block starts on line 2 of the page
    assert "Expecting ',' delimiter at line 46, column 23 of the block" in article.message
    assert (article.location.line, article.location.column) == (47, 23)


# -- context-not-schema-org ------------------------------------------------------------------------------------


def test_data_islands_are_not_structured_data():
    # Application data in an ld+json script: no @context, no @type. No schema rule judges it.
    island = {"dhTags": {"page": "recipe", "ids": ["1", "2"]}, "url": "/recipes/1"}
    assert findings("html", html_page(island)) == []
    results = audit_example("html", html_page(island))
    assert not [f for r in results for f in r.findings if f.rule.startswith(("schema/", "url/"))]


def test_one_block_is_never_reported_by_both_context_and_missing_type():
    found = findings("html", html_page({"@type": "", "@id": "https://example.com/#x", "name": "x"}))
    assert rules_of(found) == Counter({"schema/context-not-schema-org": 1})


def test_each_item_of_a_top_level_array_needs_its_own_context():
    text = html_page([{"@context": "https://schema.org", "@type": "WebSite"}, {"@type": "Organization"}])
    found = findings("html", text, "schema/context-not-schema-org")
    assert [f.location.path for f in found] == ["/1"]


# -- missing-type ----------------------------------------------------------------------------------------------


def test_missing_type_on_top_level_nodes_only():
    text = html_page(graph({"@id": "https://example.com/#website", "name": "Example"},
                           {"@type": "Article", "author": {"name": "Ann"}},
                           {"@type": "", "name": "blank"}, {"@type": ["WebPage", "FAQPage"]}))
    found = findings("html", text, "schema/missing-type")
    assert sorted(f.location.path for f in found) == ["/@graph/0", "/@graph/2/@type"]
    assert "top-level node https://example.com/#website has no @type" in {f.message for f in found}


# -- dangling-reference ----------------------------------------------------------------------------------------


def test_dangling_reference_names_the_property_the_id_and_the_node():
    found = findings("json", post(ARTICLE, WEBPAGE, WEBSITE), "schema/dangling-reference")
    assert len(found) == 2
    assert found[0].message.startswith("publisher reference https://example.com/#organization in Article "
                                       "https://example.com/post/#article resolves to no node")
    assert {f.location.pointer for f in found} == {"/yoast_head_json/schema/@graph/0/publisher/@id",
                                                   "/yoast_head_json/schema/@graph/2/publisher/@id"}


def test_yoast_author_reference_with_a_name_is_still_a_reference():
    author = {"name": "Ann", "@id": "https://example.com/#/schema/person/abc"}
    found = findings("json", post({**ARTICLE, "author": author}, *CLEAN_GRAPH[1:]), "schema/dangling-reference")
    assert [f.value for f in found] == ["https://example.com/#/schema/person/abc"]


def test_references_resolve_across_blocks_and_to_nested_nodes():
    text = html_page(graph(ARTICLE, WEBPAGE), graph(WEBSITE, ORGANIZATION))
    assert findings("html", text, "schema/dangling-reference") == []


def test_near_miss_is_suggested():
    article = {**ARTICLE, "publisher": {"@id": "https://example.com#organization"}}
    found = findings("json", post(article, *CLEAN_GRAPH[1:]), "schema/dangling-reference")
    assert found[0].message.endswith("(did you mean https://example.com/#organization?)")
    assert found[0].expected == "https://example.com/#organization"


def test_page_addresses_in_breadcrumb_items_and_main_entity_are_not_references():
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "item": {"@id": "https://example.com/", "name": "Home"}},
        {"@type": "ListItem", "position": 2, "item": {"@id": "https://example.com/news/#section"}}]}
    article = {"@type": "NewsArticle", "mainEntityOfPage": {"@id": "https://example.com/news/a"},
               "image": {"@id": "https://example.com/a.jpg"}}
    found = findings("html", html_page(graph(crumbs, article)), "schema/dangling-reference")
    # the fragment id is a graph name and the image URL is not a page address: both must resolve
    assert sorted(f.value for f in found) == ["https://example.com/a.jpg", "https://example.com/news/#section"]


def test_same_as_and_empty_ids_are_not_dangling_references():
    org = {**ORGANIZATION, "sameAs": [{"@id": "https://www.wikidata.org/wiki/Q1"}]}
    article = {**ARTICLE, "author": {"@id": ""}}
    assert findings("json", post(article, WEBPAGE, WEBSITE, org), "schema/dangling-reference") == []


# -- empty-id --------------------------------------------------------------------------------------------------


def test_empty_id_on_nodes_and_references():
    article = {**ARTICLE, "author": {"name": "", "@id": ""}}
    person = {"@type": "Person", "@id": "  ", "name": "Ann"}
    found = findings("json", post(article, *CLEAN_GRAPH[1:], person), "schema/empty-id")
    assert sorted(f.location.pointer for f in found) == ["/yoast_head_json/schema/@graph/0/author/@id",
                                                         "/yoast_head_json/schema/@graph/4/@id"]
    assert any(f.message == "author reference in Article https://example.com/post/#article has an empty @id and no "
                            "name: the article has no usable author" for f in found)
    # One empty author is one finding: author-name-missing and author-url-missing stay silent about it.
    everything = [f for r in audit_example("json", post(article, *CLEAN_GRAPH[1:])) for f in r.findings
                  if f.rule.startswith(("schema/author", "schema/empty-id"))]
    assert [f.rule for f in everything] == ["schema/empty-id"] and everything[0].severity == Severity.WARNING


# -- conflicting-duplicate-id ----------------------------------------------------------------------------------


def test_conflicting_type_and_values_are_reported_once_per_repeat():
    twin = {"@type": "WebPage", "@id": "https://example.com/#organization", "name": "Example shop"}
    found = findings("json", post(*CLEAN_GRAPH, twin), "schema/conflicting-duplicate-id")
    assert len(found) == 1
    assert found[0].message == ('@id https://example.com/#organization is defined twice with different values: '
                                '@type Organization vs WebPage; name "Example" vs "Example shop"')
    assert found[0].location.pointer == "/yoast_head_json/schema/@graph/4"


@pytest.mark.parametrize("twin", [
    dict(ORGANIZATION),
    {"@type": ["Organization", "Brand"], "@id": "https://example.com/#organization", "url": "https://example.com/"},
    {"@id": "https://example.com/#organization", "name": "Example"},
])
def test_identical_or_compatible_repeats_are_fine(twin):
    assert findings("json", post(*CLEAN_GRAPH, twin), "schema/conflicting-duplicate-id") == []


def test_numbers_and_their_strings_agree():
    a = {"@type": "ImageObject", "@id": "https://example.com/#logo", "width": 1200}
    b = {"@type": "ImageObject", "@id": "https://example.com/#logo", "width": "1200"}
    assert findings("html", html_page(graph(a), graph(b)), "schema/conflicting-duplicate-id") == []


# -- reference-type-mismatch -----------------------------------------------------------------------------------


def test_publisher_pointing_at_the_website():
    article = {**ARTICLE, "publisher": {"@id": "https://example.com/#website"}}
    found = findings("json", post(article, *CLEAN_GRAPH[1:]), "schema/reference-type-mismatch")
    assert [f.message for f in found] == ["publisher of Article https://example.com/post/#article points at WebSite "
                                          "https://example.com/#website, expected an Organization or Person"]


def test_image_pointing_at_the_permalink_webpage_and_inline_author_page():
    article = {**ARTICLE, "image": {"@id": "https://example.com/post/"},
               "author": {"@type": "WebPage", "name": "Ann"}}
    found = findings("json", post(article, *CLEAN_GRAPH[1:]), "schema/reference-type-mismatch")
    assert sorted(f.expected for f in found) == ["a Person or Organization", "an ImageObject"]


def test_webpage_is_part_of_an_organization():
    page = {**WEBPAGE, "isPartOf": {"@id": "https://example.com/#organization"}}
    found = findings("json", post(ARTICLE, page, WEBSITE, ORGANIZATION), "schema/reference-type-mismatch")
    assert len(found) == 1 and found[0].expected.startswith("a WebSite")


def test_main_entity_of_page():
    recipe = {"@type": "Recipe", "mainEntityOfPage": {"@id": "https://example.com/post/#article"}}
    assert findings("json", post(*CLEAN_GRAPH, recipe), "schema/reference-type-mismatch") == []
    article = {**ARTICLE, "mainEntityOfPage": {"@id": "https://example.com/#website"}}
    found = findings("json", post(article, *CLEAN_GRAPH[1:]), "schema/reference-type-mismatch")
    assert [f.expected for f in found] == ["a WebPage"]


@pytest.mark.parametrize("target", [
    {"@type": ["Person", "Organization"]}, {"@type": "Dentist"}, {"@type": "NewsMediaOrganization"}, {"name": "x"},
])
def test_fitting_unknown_or_untyped_targets_are_not_judged(target):
    article = {**ARTICLE, "publisher": {**target, "@id": "https://example.com/#pub"}}
    if "@type" not in target:  # an untyped object with an @id is a reference: give it an untyped node
        article["publisher"] = {"@id": "https://example.com/#pub"}
    nodes = [article, *CLEAN_GRAPH[1:], {"@id": "https://example.com/#pub", **target}]
    assert findings("json", post(*nodes), "schema/reference-type-mismatch") == []


# -- id-off-canonical ------------------------------------------------------------------------------------------


def test_article_and_primary_image_off_the_canonical():
    article = {**ARTICLE, "@id": "https://old.example.com/post/#article"}
    image = {"@type": "ImageObject", "@id": "https://example.com/post#primaryimage"}
    found = findings("json", post(article, *CLEAN_GRAPH[1:], image), "schema/id-off-canonical")
    # One finding per URL the ids sit on (one root cause each), as information: @ids are opaque identifiers.
    assert [(f.message, f.severity) for f in found] == [
        ("1 page-level @id is on https://old.example.com/post/, not on the canonical https://example.com/post/ "
         "(host old.example.com vs example.com): Article https://old.example.com/post/#article", Severity.INFO),
        ("1 page-level @id is on https://example.com/post, not on the canonical https://example.com/post/ "
         "(trailing slash only (missing)): ImageObject https://example.com/post#primaryimage", Severity.INFO)]
    assert found[0].expected == "https://example.com/post/#article"


def test_ids_on_the_url_of_an_off_canonical_webpage_are_one_finding_of_schema_url_mismatch():
    old = "https://old.example.com/post/"
    nodes = [{**ARTICLE, "@id": old + "#article"}, {**WEBPAGE, "@id": old, "url": old}, WEBSITE, ORGANIZATION,
             {"@type": "ImageObject", "@id": old + "#primaryimage"}]
    results = audit_example("json", post(*nodes))
    found = [f for r in results for f in r.findings if f.rule in ("schema/id-off-canonical",
                                                                     "canonical/schema-url-mismatch")]
    assert [f.rule for f in found] == ["canonical/schema-url-mismatch"] * 2  # @id and url, once each
    listed = "2 more @ids on that URL: https://old.example.com/post/#article, https://old.example.com/post/#primaryimage"
    assert sum(listed in f.message for f in found) == 1


def test_nothing_is_measured_against_conflicting_canonicals():
    article = {**ARTICLE, "@id": "https://example.com/other/#article"}
    head = ('<link rel="canonical" href="https://example.com/" />\n'
            '<link rel="canonical" href="https://example.com/post/" />\n'
            '<meta property="og:url" content="https://example.com/post/" />')
    results = audit_example("html", html_page(graph(article, WEBPAGE, WEBSITE, ORGANIZATION), head=head))
    rules = {f.rule for r in results for f in r.findings}
    assert "canonical/conflicting" in rules
    assert not rules & {"schema/id-off-canonical", "canonical/schema-url-mismatch", "canonical/og-url-mismatch"}


def test_webpage_id_may_be_the_permalink_or_the_legacy_webpage_fragment():
    legacy = {**WEBPAGE, "@id": "https://example.com/post/#webpage"}
    assert findings("json", post(ARTICLE, legacy, WEBSITE, ORGANIZATION), "schema/id-off-canonical") == []
    # Yoast: custom canonical, WebPage @id stays the permalink, the Article follows the canonical
    article = {**ARTICLE, "@id": "https://example.com/other/#article"}
    text = post(article, WEBPAGE, WEBSITE, ORGANIZATION, canonical="https://example.com/other/")
    assert findings("json", text, "schema/id-off-canonical") == []


def test_noindex_page_uses_og_url_and_a_page_without_either_is_skipped():
    article = {**ARTICLE, "@id": "https://elsewhere.example/post/#article"}
    noindex = {"robots": {"index": "noindex", "follow": "follow"}}
    found = findings("json", post(article, canonical=None, og_url="https://example.com/post/", **noindex),
                     "schema/id-off-canonical")
    assert len(found) == 1 and "not on the og:url https://example.com/post/" in found[0].message
    assert findings("json", post(article, canonical=None, **noindex), "schema/id-off-canonical") == []


# -- id-off-site -----------------------------------------------------------------------------------------------


def test_site_entities_off_the_site_origin():
    website = {**WEBSITE, "@id": "http://example.com/#website"}
    org = {**ORGANIZATION, "@id": "https://other.example/#organization"}
    person = {"@type": "Person", "@id": "https://example.com/#/schema/person/1"}
    found = findings("json", post(ARTICLE, WEBPAGE, website, org, person), "schema/id-off-site")
    assert [(f.message, f.severity) for f in found] == [
        ("1 site-level @id is on http://example.com, not on the site's origin https://example.com (scheme http vs "
         "https): WebSite http://example.com/#website", Severity.INFO),
        ("1 site-level @id is on https://other.example, not on the site's origin https://example.com (host "
         "other.example vs example.com): Organization https://other.example/#organization", Severity.INFO)]


def test_site_entities_shared_by_the_sites_language_hosts_are_on_the_site():
    org = {**ORGANIZATION, "@id": "https://en.example.com/#organization"}
    assert findings("json", post(ARTICLE, WEBPAGE, WEBSITE, org), "schema/id-off-site") == []


def test_relative_and_nested_site_entities_are_not_off_site():
    article = {**ARTICLE, "publisher": {"@type": "Organization", "@id": "https://wire.example.net/#org"}}
    org = {**ORGANIZATION, "@id": "#organization"}
    assert findings("json", post(article, WEBPAGE, WEBSITE, org), "schema/id-off-site") == []


# -- id-not-absolute -------------------------------------------------------------------------------------------


def test_ids_that_are_not_absolute():
    nodes = [{"@type": "Organization", "@id": "#org"}, {"@type": "Thing", "@id": "_:b0"},
             {"@type": "Thing", "@id": "//example.com/#x"}, {"@type": "Book", "@id": "urn:isbn:0451450523"},
             {"@type": "Article", "publisher": {"@type": "Organization", "@id": "#org"}}]
    found = findings("html", html_page(graph(*nodes), head='<link rel="canonical" href="https://example.com/p/">'),
                     "schema/id-not-absolute")
    by_value = {f.value: f for f in found}
    assert sorted(by_value) == ["#org", "//example.com/#x", "_:b0"] and len(found) == 3  # each id once; urn: is fine
    assert by_value["#org"].expected == "https://example.com/#org"
    assert "blank-node id" in by_value["_:b0"].message and "scheme-relative" in by_value["//example.com/#x"].message


# -- the real corpus -------------------------------------------------------------------------------------------


@needs_corpus
def test_globalcitieshub_post_graph_is_whole():
    doc = next(load_paths([str(GLOBALCITIES)]))
    graph_ = Page(doc).graph
    assert len(graph_.references) == 10
    assert all(graph_.resolve(ref) for ref in graph_.references)
    assert corpus_schema(GLOBALCITIES) == []


@needs_corpus
@pytest.mark.parametrize("name", ["post-draft.edit.json", "post-canonical-noindex.json",
                                  "post-custom-canonical.json", "posts-collection.edit.json", "user-admin.json"])
def test_local_yoast_graphs_are_clean(name):
    # drafts carry ?p= ids on a ?p= canonical; the noindex post anchors on og:url (https://example.com/…) while
    # its WebPage @id stays the permalink; the custom canonical moves the Article but not the WebPage
    assert corpus_schema(LOCAL / name) == []


@needs_corpus
@pytest.mark.parametrize("source", ["headstartwp", "nextwp", "tiberia-capripost", "yoast-developer"])
def test_other_wordpress_sources_are_clean(source):
    assert corpus_schema(CORPUS / "wp" / source) == []


@needs_corpus
@pytest.mark.parametrize("name", [
    "features_schema_functional-specification__1.jsonld", "features_schema_plugins_yoast-seo__1.jsonld",
    "features_schema_plugins_local-seo__2.jsonld", "features_schema_plugins_local-seo__3.jsonld",
    "features_schema_plugins_yoast-seo-shopify__1.jsonld", "features_schema_pieces_breadcrumb__1.jsonld",
    "features_schema_pieces_howto__1.jsonld", "features_schema_technology-approach__1.jsonld",
])
def test_yoast_docs_complete_graphs_are_clean(name):
    assert findings("html", html_page((YOAST_DOCS / name).read_text())) == []


@needs_corpus
def test_yoast_docs_functional_specification_really_dangles():
    # the published example refers to the logo as example.jp while the logo node is example.jpg
    found = findings("html", html_page((YOAST_DOCS / "features_schema_functional-specification__2.jsonld").read_text()))
    assert [(f.rule, f.value, f.expected) for f in found] == [
        ("schema/dangling-reference", "https://www.example.com/images/example.jp",
         "https://www.example.com/images/example.jpg")]
    # the full article example references two images and two videos it never outputs
    spec3 = (YOAST_DOCS / "features_schema_functional-specification__3.jsonld").read_text()
    assert rules_of(findings("html", html_page(spec3))) == Counter({"schema/dangling-reference": 5})


@needs_corpus
def test_real_dangling_references():
    knowtechie = corpus_schema(HTML / "trafilatura" / "cache__knowtechie.com.rally.html")
    assert [(f.rule, f.value, f.expected) for f in knowtechie] == [
        ("schema/dangling-reference", "https://knowtechie.com#organization", "https://knowtechie.com/#organization")]
    # Yoast with "site represents a person" and no person chosen: publisher → …/#/schema/person/ (no hash)
    majka = corpus_schema(HTML / "trafilatura" / "cache__majkaswelt.com.fashion.html")
    assert [(f.rule, f.value) for f in majka] == [("schema/dangling-reference",
                                                   "https://majkaswelt.com/#/schema/person/")] * 2
    # AIOSEO: author #author never output, primaryImageOfPage on the page while the image is on the home URL
    froll = corpus_schema(HTML / "trafilatura" / "eval__frolleinherr.com.lost.html")
    assert sorted(f.value for f in froll if f.rule == "schema/dangling-reference") == [
        "https://frolleinherr.com/author/karoherr/#author",
        "https://frolleinherr.com/thoughts/kolumne-lost-aber-immer-noch-da/#mainImage"]


@needs_corpus
@pytest.mark.parametrize("name", ["metascraper/cnet.html", "recipe-scrapers/aldi-nord.de__aldinord.html",
                                  "metascraper/pr-newswire.html", "trafilatura/eval__zfk.de.waermepumpen.html"])
def test_breadcrumb_items_and_main_entity_page_urls_do_not_dangle(name):
    assert not [f for f in corpus_schema(HTML / name) if f.rule == "schema/dangling-reference"]


@needs_corpus
def test_real_site_and_canonical_drift():
    # Yoast ids on en.reset.org while the page is reset.org (multilingual domain mapping)
    # is a language host of the same site: not off the site
    reset = corpus_schema(HTML / "trafilatura" / "eval__reset.org.clickbait.html")
    assert rules_of(reset)["schema/id-off-site"] == 0
    # canonical has the /de/ language prefix, the Yoast ids do not: one finding, the WebPage's, naming the others
    auto = corpus_findings(HTML / "trafilatura" / "eval__autosprint.ch-pistenstopp.html")
    assert not [f for f in auto if f.rule == "schema/id-off-canonical"]
    mismatch = [f for f in auto if f.rule == "canonical/schema-url-mismatch"]
    assert len(mismatch) == 2
    assert any("#breadcrumb" in f.message and "#primaryimage" in f.message for f in mismatch)


@needs_corpus
def test_other_real_findings():
    empty = corpus_schema(HTML / "trafilatura" / "eval__public.spot-on-news.de-Traumfrau.html")
    assert [(f.rule, f.location.path) for f in empty] == [("schema/empty-id", "/@graph/0/author/@id")]
    # a second copy of #organization and #website with a blank name is less complete, not contradictory
    twin = corpus_schema(HTML / "trafilatura" / "eval__diariolahuella.com-aeropuerto.html")
    assert not [f for f in twin if f.rule == "schema/conflicting-duplicate-id"]
    reuters = corpus_schema(HTML / "metascraper" / "reuters.html")
    assert [f.rule for f in reuters] == ["schema/missing-type"]  # the NewsArticle is wrapped in an "article" key
    aclu = corpus_schema(HTML / "readability" / "aclu.html")
    assert [f.rule for f in aclu] == ["schema/jsonld-invalid"] and "<![CDATA[" in aclu[0].message


def test_no_schema_rule_fires_on_most_pages(corpus_audit):
    counts: Counter = Counter()
    documents = len(corpus_audit)
    for document in corpus_audit:
        counts.update(document.fired(set(GRAPH_RULES)))
    assert documents > 550
    assert max(counts.values()) < documents // 10, counts



def test_nodes_nested_in_a_describing_reference_are_indexed():
    # yna.co.kr writes "publisher": {"@id": …, "name": …, "logo": {…}} with no @type
    article = {"@type": "NewsArticle", "@id": "https://example.com/a#article",
               "publisher": {"@id": "https://example.com/#publisher", "name": "Example",
                             "logo": {"@type": "ImageObject", "@id": "https://example.com/#logo"}}}
    org = {"@type": "Organization", "@id": "https://example.com/#publisher", "image": {"@id": "https://example.com/#logo"}}
    assert findings("html", html_page(graph(article, org)), "schema/dangling-reference") == []


@needs_corpus
def test_headline_visible_text_from_a_stripped_copy_equals_the_xpath_definition():
    # body_text copies <body> and strips the invisible elements, for speed; on every corpus page it must give
    # exactly the text nodes of its XPath definition (and several pages have <noscript>, <template> and styles).
    from seoaudit.rules.schema import headline_not_visible as rule

    pages = [Page(d) for d in load_paths([CORPUS / "html"])]
    views = [p.views["html"] for p in pages if "html" in p.views and p.views["html"].tree is not None]
    assert len(views) > 500
    copied = 0
    for view in views:
        defined = rule.normalise(" ".join(rule._VISIBLE_TEXT(view.tree)))
        assert rule.body_text(view) == defined, view
        copied += view.tree.find("body") is not None and rule._one_body(view.tree)
    assert copied > 400  # the copy path is the one under test
