"""Extraction: one parse, each producer its own view, entities decoded once, the graph flattened."""

from __future__ import annotations

import json

from seoaudit.engine import Config, audit_document
from seoaudit.graph import MAX_DEPTH, build_graph
from seoaudit.load import load_bytes
from seoaudit.model import Location
from seoaudit.page import Page

from .conftest import CORPUS, EXAMPLES, needs_corpus


def page_of(text: str, name: str = "doc.json") -> Page:
    (document,) = list(load_bytes(text.encode(), name))
    return Page(document)


def test_wp_post_keeps_each_producer_as_its_own_view():
    page = page_of((EXAMPLES / "broken-canonical.json").read_text())
    assert list(page.views) == ["yoast_head_json", "yoast_head"]
    assert page.primary.name == "yoast_head_json"
    json_canonical = page.views["yoast_head_json"].canonical
    head_canonical = page.views["yoast_head"].canonical
    assert json_canonical.value != head_canonical.value  # the example's stale yoast_head
    assert json_canonical.location == Location(pointer="/yoast_head_json/canonical")
    assert head_canonical.location.pointer == "/yoast_head" and head_canonical.location.line == 5


def test_og_image_parts_have_json_pointers():
    page = page_of((EXAMPLES / "broken-images.json").read_text())
    image = page.views["yoast_head_json"].og_images[0]
    assert image.width.value == "" and image.width.location.pointer == "/yoast_head_json/og_image/0/width"
    html_image = page.views["yoast_head"].og_images[0]
    assert html_image.width.value == "1024" and html_image.width.location.line is not None


def test_entities_are_decoded_exactly_once():
    post = {"link": "https://example.com/a/", "title": {"rendered": "Women&#8217;s &amp; Men&#8217;s"},
            "yoast_head_json": {"title": "S&amp;T &hellip;", "og_title": "A &amp;amp; B"},
            "yoast_head": '<title>S&amp;T &hellip;</title><meta property="og:title" content="A &amp;amp; B">'}
    page = page_of(json.dumps(post))
    assert page.post.title.value == "Women’s & Men’s"
    assert page.views["yoast_head_json"].title.value == "S&T …"
    assert page.views["yoast_head"].title.value == "S&T …"
    # A double-encoded value stays visibly double-encoded after one decode, in both producers.
    assert page.views["yoast_head_json"].first("og:title").value == "A &amp; B"
    assert page.views["yoast_head"].first("og:title").value == "A &amp; B"


def test_html_tags_in_body_are_marked_outside_head():
    html = (EXAMPLES / "broken-page.html").read_text()
    view = page_of(html, "page.html").primary
    assert [(c.value, c.in_head) for c in view.canonicals] == [
        ("/spring-sale/", True),
        ("https://shop.example.com/spring-sale/?utm_source=newsletter", True),
        ("https://shop.example.com/sale/", False),
    ]
    assert view.canonicals[2].location.line == 34


def test_a_broken_jsonld_block_does_not_hide_the_others():
    view = page_of((EXAMPLES / "broken-page.html").read_text(), "page.html").primary
    good, bad = view.jsonld
    assert good.error is None and good.data["@type"] == "WebPage"
    assert bad.data is None and "Expecting ',' delimiter at line 6, column 3 of the block" in bad.error
    assert (bad.error_location.line, bad.error_location.column) == (28, 3)


def test_graph_flattens_indexes_and_records_references():
    page = page_of((EXAMPLES / "clean-post.json").read_text())
    graph = page.graph
    assert {n.types[0] for n in graph.nodes if n.top_level} == {
        "Article", "WebPage", "ImageObject", "BreadcrumbList", "WebSite", "Organization", "Person"}
    logo = graph.by_id["https://blog.example.com/#/schema/logo/image/"][0]
    assert not logo.top_level and logo.property == "logo"
    assert logo.location.pointer == "/yoast_head_json/schema/@graph/5/logo"
    author = next(r for r in graph.references if r.property == "author")
    assert author.location.pointer == "/yoast_head_json/schema/@graph/0/author/@id"
    assert graph.resolve(author)[0].is_a("Person")
    assert all(r.property != "sameAs" for r in graph.references)


def test_graph_depth_is_bounded():
    nested: dict = {"@type": "Thing", "name": "leaf"}
    for _ in range(MAX_DEPTH + 10):
        nested = {"@type": "Thing", "subjectOf": nested}
    from seoaudit.extract.view import JsonLdBlock

    graph = build_graph([JsonLdBlock(location=Location(pointer=""), data={"@context": "https://schema.org",
                                                                          **nested})])
    assert len(graph.nodes) == MAX_DEPTH
    assert graph.too_deep is not None


def test_get_head_response_gives_both_yoast_views():
    response = {"html": '<link rel="canonical" href="https://example.com/a/" />',
                "json": {"canonical": "https://example.com/a/"}, "status": 200}
    page = page_of(json.dumps(response))
    assert page.kind == "yoast-get-head"
    assert page.views["yoast_head"].canonical.location.pointer == "/html"
    assert page.views["yoast_head_json"].canonical.location.pointer == "/json/canonical"


@needs_corpus
def test_real_yoast_post_views_agree_on_the_basics():
    page = page_of((CORPUS / "wp/globalcitieshub/post-21227.json").read_text())
    head, data = page.views["yoast_head"], page.views["yoast_head_json"]
    assert head.canonical.value == data.canonical.value == page.link.value
    assert head.title.value == data.title.value == (
        "Cities at the core of WIPO’s Global Innovation Cluster Index 2024 - Global Cities Hub")
    assert head.robots_directives() == ["index", "follow", "max-snippet:-1", "max-image-preview:large",
                                        "max-video-preview:-1"]
    assert data.robots_directives() == head.robots_directives()
    assert len(page.graph.of_type("Person")) == 1


@needs_corpus
def test_microdata_comes_from_extruct_on_the_shared_tree():
    page_path = CORPUS / "html/extruct/schema.org/Event.001.html"
    page = page_of(page_path.read_text(), "event.html")
    items = page.structured_data["microdata"]
    assert items and items[0]["type"] == "http://schema.org/Event"


def test_a_stray_html_end_tag_before_body_does_not_lose_the_body():
    # libxml2 puts what follows `</html>` in a second root; a browser keeps reading into the one body
    # (trafilatura's business-punk.com page has this shape).
    page = page_of('<html><head><title>Same text</title></head></html>\n<body><h1>Same text</h1>'
                   '<p><a href="/pricing/">click here</a></p></body>', "doc.html")
    view = page.views["html"]
    assert view.body is not None and view.body.sourceline == 2
    assert [e.tag for e in view.body_elements["headings"]] == ["h1"]
    rules = {f.rule for f in audit_document(page.document, Config(extend_select=("title/same-as-h1",))).findings}
    assert "title/same-as-h1" in rules and "content/link-text" in rules
    assert "content/h1-missing" not in rules


@needs_corpus
def test_microdata_itemref_is_resolved_without_an_id_table():
    # The parser builds no table of ids (a fifteenth of the parse); extruct's itemref must still find its targets.
    name = "extruct/schema.org/product-ref"
    page = page_of((CORPUS / f"html/{name}.html").read_text(), "product-ref.html")
    expected = json.loads((CORPUS / f"expected/{name}.json").read_text())
    assert page.structured_data["microdata"] == expected
    assert "referenced_product" in expected[0]["properties"]
