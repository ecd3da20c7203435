"""The conditions of each conditional severity, on small crafted inputs: the usual case, then what makes a rule's
finding its aggravated (↑) or mild (↓) case (README "Severities")."""

from __future__ import annotations

import json

import pytest

from seoaudit.engine import Config
from seoaudit.model import Severity

from ..conftest import audit_example

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def severities(language: str, text: str, rule: str) -> list[Severity]:
    config = Config(extend_select=(rule,))
    return [f.severity for r in audit_example(language, text, config) for f in r.findings if f.rule == rule]


def page(head: str, body: str = "") -> str:
    return f"<html><head><title>A page about coffee</title>{head}</head><body>{body}</body></html>"


def graph(*nodes) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": list(nodes)})
    return f'<script type="application/ld+json">{data}</script>'


def served(body: str, **wire) -> str:
    return json.dumps({"seoaudit_http": {"url": "https://example.com/post/", "status": 200, **wire}, "body": body})


def test_canonical_missing_is_expected_from_an_seo_plugin_and_advice_elsewhere():
    assert severities("html", page(""), "canonical/missing") == [INFO]
    yoast = "<!-- This site is optimized with the Yoast SEO plugin v22.1 - https://yoast.com/ -->"
    assert severities("html", page(yoast), "canonical/missing") == [WARN]


def test_x_robots_noindex_contradicted_by_the_page():
    header = {"headers": {"x-robots-tag": "noindex"}}
    assert severities("json", served(page(""), **header), "robots/x-robots-noindex") == [WARN]
    says_index = page('<meta name="robots" content="index, follow">')
    assert severities("json", served(says_index, **header), "robots/x-robots-noindex") == [ERR]


def test_robots_conflicting_on_indexing_is_a_contradiction():
    assert severities("html", page('<meta name="robots" content="index, noindex">'), "robots/conflicting") == [ERR]
    assert severities("html", page('<meta name="robots" content="max-snippet:10, max-snippet:50">'),
                      "robots/conflicting") == [WARN]


def test_producers_disagreeing_on_the_canonical_give_two_canonicals():
    post = {"id": 1, "status": "publish", "link": "https://example.com/a/", "title": {"rendered": "A"},
            "yoast_head_json": {"title": "A", "canonical": "https://example.com/a/", "og_url": "https://example.com/a/"},
            "yoast_head": '<link rel="canonical" href="https://example.com/b/" />'
                          '<meta property="og:url" content="https://example.com/c/" />'}
    assert sorted(severities("json", json.dumps(post), "canonical/producers-disagree")) == [WARN, ERR]


@pytest.mark.parametrize("holder, expected", [({"@type": "Recipe", "name": "Soup"}, ERR),
                                              ({"@type": "Article", "headline": "Soup"}, WARN)])
def test_an_image_without_url_is_an_error_only_where_google_requires_it(holder, expected):
    node = {**holder, "image": {"@type": "ImageObject", "width": 800, "height": 600}}
    assert severities("html", page(graph(node)), "image/object-url-missing") == [expected]


def test_a_dangling_reference_is_an_error_only_for_a_required_property():
    crumbs = {"@type": "BreadcrumbList", "itemListElement": {"@id": "https://example.com/#items"}}
    assert severities("html", page(graph(crumbs)), "schema/dangling-reference") == [ERR]
    article = {"@type": "Article", "headline": "H", "publisher": {"@id": "https://example.com/#org"}}
    assert severities("html", page(graph(article)), "schema/dangling-reference") == [WARN]


def test_dangling_reference_hints_only_a_node_it_surely_meant():
    target = {"@type": "ImageObject", "@id": "https://example.com/post/#primaryimage", "url": "https://e.com/a.jpg"}
    other = {"@type": "WebPage", "@id": "https://example.com/post/",
             "primaryImageOfPage": {"@id": "https://example.com/post/#mainImage"}}
    text = page(graph(other, target))
    found = [f for r in audit_example("html", text) for f in r.findings if f.rule == "schema/dangling-reference"]
    assert "did you mean" not in found[0].message  # #mainImage is another node than #primaryimage
    slash = {**other, "primaryImageOfPage": {"@id": "https://example.com/post#primaryimage"}}
    found = [f for r in audit_example("html", page(graph(slash, target))) for f in r.findings
             if f.rule == "schema/dangling-reference"]
    assert "(did you mean https://example.com/post/#primaryimage?)" in found[0].message


def test_invalid_dates_of_one_page_are_one_finding_and_an_error_where_google_requires_them():
    video = {"@type": "VideoObject", "name": "V", "uploadDate": "Mon Aug 24 2020 22:37:29 GMT+0000 (UTC)"}
    article = {"@type": "Article", "headline": "H", "datePublished": "May 1, 2024", "dateModified": "May 2, 2024"}
    assert severities("html", page(graph(video, article)), "schema/date-invalid") == [ERR]
    assert severities("html", page(graph(article)), "schema/date-invalid") == [WARN]
    found = [f for r in audit_example("html", page(graph(article))) for f in r.findings
             if f.rule == "schema/date-invalid"]
    assert found[0].value == ["May 1, 2024", "May 2, 2024"] and "2 dates are not an ISO 8601 date" in found[0].message


@pytest.mark.parametrize("published, modified, reported", [
    ("2018-09-11", "2018-08-12", True),  # date-only values are compared too
    ("2018-09-11", "2018-09-11", False),
    ("2018-09-11T10:00:00", "2018-09-11T08:00:00", False),  # no zone: compared by day, a day apart at least
    ("2018-09-11T10:00:00", "2018-09-09T08:00:00", True),
    ("2018-09-11T10:00:00+00:00", "2018-09-11T09:00:00+00:00", True),
])
def test_date_order_compares_date_only_and_zoneless_values_by_day(published, modified, reported):
    node = {"@type": "Article", "headline": "H", "datePublished": published, "dateModified": modified}
    assert severities("html", page(graph(node)), "schema/date-order") == ([WARN] if reported else [])


def test_an_empty_jsonld_block_is_a_warning_and_blocks_broken_one_way_are_one_finding():
    empty = '<script type="application/ld+json"> </script>'
    assert severities("html", page(empty), "schema/jsonld-invalid") == [WARN]
    cdata = '<script type="application/ld+json"><![CDATA[{"@type": "Thing"}]]></script>'
    text = page(cdata + "\n" + cdata + "\n" + '<script type="application/ld+json">{"a": 1,}</script>')
    assert severities("html", text, "schema/jsonld-invalid") == [ERR, ERR]  # the CDATA pair, and the comma


def test_unknown_properties_are_a_warning_when_a_value_was_meant():
    misspelt = {"@type": "Article", "headline": "H", "datepublished": "2024-01-01"}
    assert severities("html", page(graph(misspelt)), "schema/unknown-property") == [WARN]
    own_data = {"@type": "Article", "headline": "H", "pageType": "story", "subVertical": "news"}
    assert severities("html", page(graph(own_data)), "schema/unknown-property") == [INFO]


@pytest.mark.parametrize("tag, expected", [
    ('<meta name="twitter:image" content="/cover.jpg">', ERR),  # the preview has no image
    ('<meta property="og:url" content="/post/">', WARN),  # shares fall back to the URL shared
])
def test_malformed_social_urls(tag, expected):
    assert severities("html", page(tag), "url/malformed") == [expected]


@pytest.mark.parametrize("value, expected", [("/logo.png", WARN), ("//cdn.example.com/logo.png", INFO),
                                             ("https://example.comhttps://cdn.example.com/logo.png", ERR)])
def test_malformed_schema_urls(value, expected):
    org = {"@type": "Organization", "name": "O", "logo": value}
    assert severities("html", page(graph(org)), "url/malformed") == [expected]


def test_og_image_protocol_relative_is_a_warning_and_root_relative_an_error():
    assert severities("html", page('<meta property="og:image" content="//cdn.example.com/a.jpg">'),
                      "image/og-not-absolute") == [WARN]
    assert severities("html", page('<meta property="og:image" content="/a.jpg">'), "image/og-not-absolute") == [ERR]


def test_a_dev_host_is_an_error_where_it_shows_the_page():
    assert severities("html", page('<link rel="canonical" href="https://staging.example.com/post/">'),
                      "url/dev-host") == [ERR]
    person = {"@type": "Person", "name": "P", "sameAs": ["http://dev.example.com/"]}
    text = page('<link rel="canonical" href="https://example.com/post/">' + graph(person))
    assert severities("html", text, "url/dev-host") == [WARN]


def test_an_unfetchable_image_is_an_error_for_the_share_image():
    body = page('<meta property="og:image" content="https://example.com/gone.jpg">')
    assert severities("json", served(body, images={"https://example.com/gone.jpg": {"status": 404}}),
                      "image/fetch-failed") == [ERR]
    logo = {"@type": "Organization", "name": "O", "logo": "https://example.com/logo.png"}
    body = page(graph(logo))
    assert severities("json", served(body, images={"https://example.com/logo.png": {"status": 404}}),
                      "image/fetch-failed") == [WARN]


def test_an_svg_is_fine_in_structured_data_but_not_as_a_share_image():
    svg = {"status": 200, "format": "svg", "content_type": "image/svg+xml"}
    logo = page(graph({"@type": "Organization", "name": "O", "logo": "https://example.com/logo.svg"}))
    assert severities("json", served(logo, images={"https://example.com/logo.svg": svg}),
                      "image/real-format-unsupported") == []
    share = page('<meta property="og:image" content="https://example.com/logo.svg">')
    assert severities("json", served(share, images={"https://example.com/logo.svg": svg}),
                      "image/real-format-unsupported") == [ERR]


def test_a_canonical_that_redirects_is_an_error():
    target = {"url": "http://example.com/post/", "status": 200, "final_url": "https://example.com/post/",
              "redirects": [{"url": "http://example.com/post/", "status": 301}]}
    body = page('<link rel="canonical" href="http://example.com/post/">')
    assert severities("json", served(body, canonical=target), "canonical/target-redirects") == [ERR]


def test_identical_copies_of_the_title_or_description_are_information():
    same = page('<meta name="description" content="About coffee."><meta name="description" content="About coffee.">')
    assert severities("html", same, "description/multiple") == [INFO]
    other = page('<meta name="description" content="About coffee."><meta name="description" content="About tea.">')
    assert severities("html", other, "description/multiple") == [WARN]
    two = "<html><head><title>Coffee</title><title>{}</title></head><body></body></html>"
    assert severities("html", two.format("Coffee"), "title/multiple") == [INFO]
    assert severities("html", two.format("Tea"), "title/multiple") == [WARN]


def card(width: int, height: int) -> str:
    return page(f'<meta name="twitter:card" content="summary_large_image">'
                f'<meta property="og:image" content="https://example.com/a.jpg">'
                f'<meta property="og:image:width" content="{width}">'
                f'<meta property="og:image:height" content="{height}">')


def test_an_x_card_image_of_the_wrong_shape_is_advice_and_under_the_minimum_a_warning():
    assert severities("html", card(700, 875), "twitter/large-image-spec") == [INFO]
    assert severities("html", card(280, 140), "twitter/large-image-spec") == [WARN]


def test_link_text_that_is_a_bare_url_is_information():
    head = '<meta property="og:url" content="https://example.com/post/">'
    assert severities("html", page(head, '<a href="/pricing/">click here</a>'), "content/link-text") == [WARN]
    bare = page(head, '<a href="https://example.org/">https://example.org/</a>')
    assert severities("html", bare, "content/link-text") == [INFO]
