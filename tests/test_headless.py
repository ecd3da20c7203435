"""The inputs of headless front ends: WPGraphQL answers (wp-graphql-yoast-seo, wp-graphql-rank-math), Rank Math's
getHead and SEOPress's REST answer. Fixtures: tests/data/graphql (PROVENANCE.md says where each shape comes from)."""

from __future__ import annotations

import copy
import json

import pytest

from seoaudit.engine import Config, audit
from seoaudit.load import json_shape, load_bytes
from seoaudit.model import InputCode, Location
from seoaudit.page import Page

from .conftest import EXAMPLES, ROOT

DATA = ROOT / "tests" / "data" / "graphql"


def fixture(name: str) -> dict:
    path = EXAMPLES / name if name == "graphql-post.json" else DATA / name
    return json.loads(path.read_text())


def documents(value) -> list:
    return list(load_bytes(json.dumps(value).encode(), "answer.json"))


def pages(value) -> list[Page]:
    return [Page(d) for d in documents(value)]


def results(value, config: Config | None = None) -> list:
    return audit(documents(value), config or Config()).documents


def found(value, rule: str) -> list:
    return [f for r in results(value) for f in r.findings if f.rule == rule]


# -- wp-graphql-yoast-seo ---------------------------------------------------------------------------------------


def test_a_single_yoast_node_is_a_post_with_its_seo_fields_and_full_head():
    (page,) = pages(fixture("graphql-post.json"))
    assert page.kind == "graphql-post" and page.document.pointer == "/data/post"
    assert list(page.views) == ["seo", "seo.fullHead"]
    assert page.primary.name == "seo.fullHead"  # the whole head speaks; the fields are a subset of it
    seo = page.views["seo"]
    assert seo.producer == "Yoast SEO" and page.views["seo.fullHead"].producer == "Yoast SEO"
    assert seo.canonical.value == page.link.value == "https://blog.example.com/2026/04/open-graph-tags-that-render/"
    assert seo.canonical.location == Location(pointer="/data/post/seo/canonical")
    assert seo.robots_directives() == ["index", "follow"]
    image = seo.og_images[0]
    assert (image.width.value, image.height.value) == ("1200", "675")
    assert image.width.location.pointer == "/data/post/seo/opengraphImage/mediaDetails/width"
    assert seo.first("og:type").value == "article" and seo.first("twitter:card").value == "summary_large_image"
    assert seo.first("article:author") is None  # "" is Yoast's "not output"
    block = seo.jsonld[0]
    assert block.location == Location(pointer="/data/post/seo/schema/raw", line=1) and block.error is None
    assert page.graph_of(seo).of_type("Article")[0].location.path == "/@graph/0"
    assert page.post.status == "publish" and page.post.date_gmt.location.pointer == "/data/post/dateGmt"
    assert page.post.title.value == "Open Graph tags that render everywhere"


def test_the_graphql_example_is_as_clean_as_the_rest_example():
    """examples/graphql-post.json is Yoast's output for another post of the blog of examples/clean-post.json,
    as wp-graphql-yoast-seo answers it: whatever the rules say of one, they say of the other."""
    config = Config()
    rest = audit(load_bytes((EXAMPLES / "clean-post.json").read_bytes(), "clean-post.json"), config).documents
    graphql = results(fixture("graphql-post.json"), config)
    assert [r.document.kind for r in graphql] == ["graphql-post"]
    graphql_rules = {f.rule for f in graphql[0].findings}
    assert graphql_rules <= {f.rule for f in rest[0].findings}
    assert not [f for f in graphql[0].findings if f.severity.label != "info"]


def test_a_connection_gives_one_document_per_edge_node():
    docs = documents(fixture("yoast-connection.json"))
    assert [d.pointer for d in docs] == ["/data/posts/edges/0/node", "/data/posts/edges/1/node"]
    assert [d.display_source for d in docs][1] == "answer.json#/data/posts/edges/1/node"
    for result in results(fixture("yoast-connection.json")):
        assert not [f for f in result.findings if f.severity.label != "info"]


def test_several_top_level_fields_and_a_batched_answer():
    post = fixture("graphql-post.json")["data"]["post"]
    page = copy.deepcopy(fixture("yoast-connection.json")["data"]["posts"]["edges"][1]["node"])
    page["__typename"] = "Page"
    answer = {"data": {"post": post, "page": page, "seo": {"meta": {"config": {"separator": "-"}}}}}
    assert [d.pointer for d in documents(answer)] == ["/data/post", "/data/page"]  # root `seo`: site settings
    assert [d.pointer for d in documents([answer, answer])][2:] == ["/1/data/post", "/1/data/page"]


def test_a_canonical_that_differs_between_seo_canonical_and_full_head_is_found():
    answer = fixture("graphql-post.json")
    answer["data"]["post"]["seo"]["canonical"] = "https://cms.example.com/2026/04/open-graph-tags-that-render/"
    (finding,) = found(answer, "canonical/producers-disagree")
    assert finding.message.startswith("canonical differs between seo and seo.fullHead: host ")
    assert finding.location.pointer == "/data/post/seo/canonical" and finding.view == "seo"
    assert "/data/post/seo/fullHead line 5" in finding.message  # line 1: the Yoast comment
    assert finding.severity.label == "error"  # two canonicals of one page: it contradicts itself


def test_og_url_and_schema_drift_between_the_fields_and_the_head():
    answer = fixture("graphql-post.json")
    seo = answer["data"]["post"]["seo"]
    seo["opengraphUrl"] = "http://localhost:3000/open-graph-tags-that-render/"
    seo["schema"]["raw"] = seo["schema"]["raw"].replace(
        '"url":"https://blog.example.com/2026/04/open-graph-tags-that-render/"', '"url":"https://cms.example.com/x/"')
    labels = {f.message.split(" differs")[0]: f.location for f in found(answer, "canonical/producers-disagree")}
    assert labels["og:url"].pointer == "/data/post/seo/opengraphUrl"
    assert labels["schema WebPage url"] == Location("/data/post/seo/schema/raw", 1, None, "/@graph/1/url")


def test_fields_the_query_did_not_ask_for_are_not_missing():
    answer = fixture("graphql-post.json")
    seo = answer["data"]["post"]["seo"]
    answer["data"]["post"]["seo"] = {"title": seo["title"], "metaDesc": seo["metaDesc"]}  # no fullHead either
    (page,) = pages(answer)
    assert page.primary.name == "seo" and not page.primary.states("canonical")
    rules = {f.rule for r in results(answer) for f in r.findings}
    for rule in ("canonical/missing", "image/og-missing", "opengraph/required-missing", "twitter/card-missing"):
        assert rule not in rules


def test_a_field_asked_for_and_empty_is_not_output():
    answer = fixture("graphql-post.json")
    seo = answer["data"]["post"]["seo"]
    del seo["fullHead"]
    seo["canonical"] = ""  # what wp-graphql-yoast-seo answers when Yoast prints no canonical
    seo["opengraphImage"] = None
    (missing,) = found(answer, "canonical/missing")
    assert missing.message.startswith("no rel=canonical in seo, although Yoast SEO prints one")
    assert missing.location.pointer == "/data/post/seo"
    (no_image,) = found(answer, "image/og-missing")
    assert no_image.message.startswith("no og:image in seo, so the summary_large_image X card")


def test_a_node_without_seo_and_a_null_full_head():
    node = copy.deepcopy(fixture("graphql-post.json")["data"]["post"])
    del node["seo"]
    (finding,) = found({"data": {"post": node}}, "wordpress/no-seo-output")
    assert "no `seo` field in the GraphQL answer" in finding.message
    node["seo"] = {"title": "Open Graph tags that render everywhere - Example Blog", "fullHead": ""}
    (null,) = found({"data": {"post": node}}, "wordpress/head-null")
    assert null.location.pointer == "/data/post/seo/fullHead" and "seo.fullHead is null" in null.message


def test_an_ignore_comment_in_full_head_suppresses():
    answer = fixture("graphql-post.json")
    seo = answer["data"]["post"]["seo"]
    without_alt = "".join(line + "\n" for line in seo["fullHead"].split("\n") if "image:alt" not in line)
    seo["fullHead"] = "<!-- seoaudit: ignore opengraph/image-alt-missing -->\n" + without_alt
    (result,) = results(answer)
    assert "opengraph/image-alt-missing" not in {f.rule for f in result.findings}
    assert [s.rule for s in result.suppressed] == ["opengraph/image-alt-missing"]


# -- wp-graphql-rank-math and Rank Math's getHead -----------------------------------------------------------------


def test_rank_math_fields_are_mapped_to_the_values_rank_math_printed():
    (page,) = pages(fixture("rank-math-posts.json"))
    seo = page.views["seo"]
    assert seo.producer == "Rank Math" and page.primary.name == "seo.fullHead"
    assert seo.robots_directives()[:2] == ["follow", "index"]
    assert seo.first("og:locale").value == "en_US"  # answered as the enum name EN_US
    assert seo.first("twitter:card").value == "summary_large_image"  # answered as SUMMARY_LARGE_IMAGE
    assert seo.og_images[0].width.value == "1200"  # a GraphQL Float: 1200.0
    (block,) = seo.jsonld
    assert block.css_class == "rank-math-schema" and block.location == Location("/data/posts/nodes/0/seo/jsonLd/raw", 1)
    assert not seo.states("og:image:alt") and seo.states("twitter:site")
    for view in page.views.values():  # the fields and the head agree, value for value
        assert view.canonical.value == page.link.value
        assert view.first("og:url").value == page.link.value


def test_rank_math_canonical_drift_and_the_rank_math_rules_on_its_answers():
    answer = fixture("rank-math-posts.json")
    answer["data"]["posts"]["nodes"][0]["seo"]["canonicalUrl"] = "https://wp.coffee.example.com/choosing-a-coffee-grinder/"
    (finding,) = found(answer, "canonical/producers-disagree")
    assert finding.location.pointer == "/data/posts/nodes/0/seo/canonicalUrl"
    assert finding.message.startswith("canonical differs between seo and seo.fullHead")
    for name in ("rank-math-posts.json", "rank-math-get-head.json"):
        (result,) = results(fixture(name))
        assert not [f for f in result.findings if f.severity.label != "info"], result.findings
        assert [p["name"] for p in result.metadata["seo_plugins"]] == ["Rank Math"]


def test_rank_math_get_head():
    (page,) = pages(fixture("rank-math-get-head.json"))
    assert page.kind == "rank-math-get-head" and list(page.views) == ["rank_math_head"]
    view = page.primary
    assert view.canonical.location == Location("/head", 4)
    assert view.jsonld[0].css_class == "rank-math-schema"
    (empty,) = documents({"success": True, "head": " "})
    assert empty.problem.code == InputCode.EMPTY and "empty head" in empty.problem.message
    (failed,) = documents({"success": False, "head": ""})
    assert failed.problem.code == InputCode.REST_ERROR


# -- SEOPress -------------------------------------------------------------------------------------------------------


def test_seopress_answer_states_only_what_seopress_returns():
    (page,) = pages(fixture("seopress-post.json"))
    view = page.primary
    assert page.kind == "seopress" and view.name == "seopress" and view.producer == "SEOPress"
    assert view.robots_directives() == ["index", "follow"]
    assert view.og_images[0].height.location.pointer == "/data/og/image_height"
    assert view.canonical is None and not view.states("canonical")  # "": SEOPress prints the permalink
    assert view.first("twitter:title") is None and not view.states("twitter:card")
    (result,) = results(fixture("seopress-post.json"))
    assert result.findings == [] and [p["name"] for p in result.metadata["seo_plugins"]] == ["SEOPress"]


def test_seopress_noindex_and_custom_canonical_are_read():
    answer = fixture("seopress-post.json")
    answer["data"]["robots"]["noindex"] = True
    answer["data"]["canonical"] = "https://coffee.example.com/descaling/"
    (page,) = pages(answer)
    assert page.primary.canonical.location.pointer == "/data/canonical"
    assert not page.is_indexable
    assert found(answer, "robots/noindex")[0].location.pointer == "/data/robots"


def test_seopress_null_data_is_an_input_problem():
    (doc,) = documents(fixture("seopress-not-published.json"))
    assert doc.problem.code == InputCode.EMPTY and "only for a published post" in doc.problem.message


# -- GraphQL errors -------------------------------------------------------------------------------------------------


def test_a_missing_seo_extension_is_an_input_problem_that_says_so():
    (doc,) = documents(fixture("errors-no-seo.json"))
    assert doc.problem.code == InputCode.REST_ERROR and doc.pointer == "/errors/0"
    assert doc.problem.message == ('GraphQL error: Cannot query field "seo" on type "Post". (query line 3, column 5): '
                                   "no SEO extension of WPGraphQL is active (wp-graphql-yoast-seo or "
                                   "wp-graphql-rank-math)")
    (result,) = results(fixture("errors-no-seo.json"))
    assert [f.rule for f in result.findings] == ["input/rest-error"]


def test_a_query_for_the_other_extension_names_the_field():
    answer = {"errors": [{"message": 'Cannot query field "metaDesc" on type "RankMathPostObjectSeo".'}]}
    assert "name their fields differently" in documents(answer)[0].problem.message


def test_a_partial_answer_audits_its_nodes_and_reports_each_error():
    docs = documents(fixture("partial-errors.json"))
    assert [(d.kind, d.pointer) for d in docs] == [("graphql-post", "/data/posts/nodes/0"), ("invalid", "/errors/0")]
    assert docs[1].problem.message.endswith("(query line 9, column 7; at posts.nodes.0.seo.fullHead)")
    assert list(Page(docs[0]).views) == ["seo"]


def test_an_answer_with_no_node():
    (doc,) = documents({"data": {"seo": {"meta": {}}, "generalSettings": {"title": "Example"}}})
    assert doc.problem.code == InputCode.NOT_A_POST and "its fields: generalSettings, seo" in doc.problem.message
    (doc,) = documents({"data": None, "errors": []})
    assert doc.problem.code == InputCode.NOT_A_POST


# -- which JSON is one of our inputs --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "shape"), [
    ({"data": {"post": {"seo": {}}}}, "graphql"),
    ({"errors": [{"message": "x"}]}, "graphql"),
    ({"success": True, "head": "<title>A</title>"}, "rank-math-get-head"),
    ({"success": True, "data": None}, "seopress"),
    ({"success": True, "data": {"title": "A", "description": "", "canonical": "", "robots": {}}}, "seopress"),
    ({"html": "<title>A</title>", "json": {}, "status": 200}, "yoast-get-head"),
    ({"code": "rest_forbidden", "message": "No.", "data": {"status": 401}}, "rest-error"),
    ({"link": "https://example.com/a/", "title": {"rendered": "A"}}, "wp-post"),
    ([{"link": "https://example.com/a/", "title": {"rendered": "A"}}], "collection"),
    ({"name": "my-theme", "version": "1.0.0"}, None),
    ({"data": {"id": 1}, "meta": {}}, None),
    ({"success": True, "data": {"id": 3}}, None),
    (["a", 1], None),
    ([], "collection"),
])
def test_json_shape(value, shape):
    assert json_shape(value) == shape
