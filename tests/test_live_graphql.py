"""`seoaudit site URL --graphql` against a local server that answers like WPGraphQL (tests/graphql_server.py), with
the plugins' answers of tests/data/graphql moved onto its origin. Nothing leaves the loopback interface."""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

from .conftest import EXAMPLES, ROOT
from .graphql_server import GraphQLServer
from .live_server import LiveServer, jpeg

runner = CliRunner()
DATA = ROOT / "tests" / "data" / "graphql"
NO_CREDENTIALS = {"SEOAUDIT_WP_USER": "", "SEOAUDIT_WP_APP_PASSWORD": ""}
CREDENTIALS = {"SEOAUDIT_WP_USER": "editor", "SEOAUDIT_WP_APP_PASSWORD": "pw"}


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    monkeypatch.setenv("SEOAUDIT_LOOPBACK_ONLY", "1")


def yoast_nodes(origin: str) -> list[dict]:
    """The two published posts of yoast-connection.json and a draft, on `origin`."""
    text = (DATA / "yoast-connection.json").read_text().replace("https://blog.example.com", origin)
    nodes = [edge["node"] for edge in json.loads(text)["data"]["posts"]["edges"]]
    draft = copy.deepcopy(nodes[1])
    placeholder = f"{origin}/?p=4303"
    draft.update(databaseId=4303, status="draft", slug=None, title="A draft about breadcrumbs", uri="/?p=4303",
                 link=placeholder)
    seo = draft["seo"]
    seo.update(title="A draft about breadcrumbs - Example Blog", canonical=placeholder, opengraphUrl=placeholder,
               opengraphTitle="A draft about breadcrumbs - Example Blog",
               metaDesc="Why the last item of a breadcrumb has no URL, and what Google makes of it.",
               opengraphDescription="Why the last item of a breadcrumb has no URL, and what Google makes of it.")
    seo["fullHead"] = ""  # wp-graphql-yoast-seo's answer when Yoast has no indexable for the draft yet
    seo["schema"]["raw"] = "[]"
    return [*nodes, draft]


def rank_math_nodes(origin: str) -> list[dict]:
    text = (DATA / "rank-math-posts.json").read_text().replace("https://coffee.example.com", origin)
    return json.loads(text)["data"]["posts"]["nodes"]


def serve_front_end(wp: GraphQLServer, nodes: list[dict]) -> None:
    """Each published post's link answers with the page a front end renders from its fullHead."""
    for node in nodes:
        if node["status"] == "publish":
            wp.pages[node["uri"]] = (f"<!doctype html><html lang='en-US'><head><meta charset='utf-8'>"
                                     f"{node['seo']['fullHead']}</head><body><h1>{node['title']}</h1><p>Text.</p>"
                                     "</body></html>").encode()


def site(*args, env=None):
    result = runner.invoke(app, ["site", *map(str, args), "--isolated", "--format", "json", "--ignore",
                                 "url/dev-host"], env={**NO_CREDENTIALS, **(env or {})})
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    return result, report


def findings(report, rule: str) -> list[dict]:
    return [f for d in report["documents"] for f in d["findings"] if f["rule"] == rule]


@pytest.fixture
def yoast():
    with GraphQLServer({"posts": [], "pages": []}) as wp:
        wp.nodes["posts"] = yoast_nodes(wp.origin)
        serve_front_end(wp, wp.nodes["posts"])
        yield wp


def test_site_pages_through_every_post_by_cursor(yoast):
    result, report = site(yoast.origin, "--graphql", "--per-page", "1")
    assert result.exit_code == 0, result.stderr
    endpoint = f"{yoast.origin}/graphql"
    assert [d["source"] for d in report["documents"]] == [f"{endpoint}#posts/4301", f"{endpoint}#posts/4302"]
    assert {d["kind"] for d in report["documents"]} == {"graphql-post"}
    assert report["documents"][0]["metadata"]["producers"] == ["seo", "seo.fullHead"]
    queries = yoast.queries
    assert "seo { __typename }" in queries[0][0] and len([q for q in queries if "Probe" in q[0]]) == 1
    pages = [(q, v) for q, v in queries if "SeoauditPage" in q and "posts(" in q]
    assert [v.get("after") for _, v in pages] == [None, "YXJyYXljb25uZWN0aW9uOjQzMDE="]  # hasNextPage ends it
    assert "metaDesc" in pages[0][0] and "fullHead" in pages[0][0] and "stati" not in pages[0][0]
    assert all("authorization" not in s.headers for s in yoast.seen)
    served = {"/2026/04/open-graph-tags-that-render/", "/2026/04/schema-graphs-for-editors/"}
    assert served <= {s.path for s in yoast.seen}
    assert findings(report, "wordpress/rest-head-differs") == []  # the front end renders fullHead as it is


def test_drafts_with_credentials_and_only_to_the_named_origin(yoast):
    with LiveServer("127.0.0.2") as cdn:
        cdn.add("/hero.jpg", body=jpeg(1200, 675), content_type="image/jpeg")
        yoast.nodes["posts"][0]["seo"]["opengraphImage"]["sourceUrl"] = cdn.url("/hero.jpg")
        yoast.nodes["posts"][0]["seo"]["fullHead"] = yoast.nodes["posts"][0]["seo"]["fullHead"].replace(
            f"{yoast.origin}/wp-content/uploads/2026/04/og-cards.jpg", cdn.url("/hero.jpg"))
        # --allow-private: the CDN on 127.0.0.2 may be fetched, to prove the password does not go there
        result, report = site(yoast.origin, "--graphql", "--allow-private", env=CREDENTIALS)
        assert cdn.seen and all("authorization" not in s.headers for s in cdn.seen)
    assert result.exit_code == 0, result.stderr
    assert [d["metadata"]["post"]["status"] for d in report["documents"]] == ["publish", "publish", "draft"]
    assert all(s.headers.get("authorization") == yoast.token for s in yoast.seen if "query=" in s.path)
    listing = next(q for q, _ in yoast.queries if "SeoauditPage" in q and "posts(" in q)
    assert "stati: [PUBLISH, FUTURE, DRAFT, PENDING, PRIVATE]" in listing
    draft = report["documents"][2]
    assert "wordpress/head-null" in {f["rule"] for f in draft["findings"]}  # draft-placeholder is opt-in
    assert yoast.seen and not any(s.path == "/?p=4303" for s in yoast.seen)  # drafts are not fetched as pages


def test_a_wrong_application_password_is_said_once(yoast):
    result, _ = site(yoast.origin, "--graphql", env={**CREDENTIALS, "SEOAUDIT_WP_APP_PASSWORD": "wrong"})
    assert result.exit_code == 2
    assert result.stderr.count("refused the credentials") == 1 and "SEOAUDIT_WP_APP_PASSWORD" in result.stderr
    assert "wrong" not in result.stderr


def test_rank_math_site_and_a_drifted_canonical():
    with GraphQLServer({"posts": [], "pages": []}, dialect="rank-math") as wp:
        nodes = wp.nodes["posts"] = rank_math_nodes(wp.origin)
        serve_front_end(wp, nodes)
        nodes[0]["seo"]["canonicalUrl"] = "https://cms.coffee.example.com/choosing-a-coffee-grinder/"
        result, report = site(f"{wp.origin}/graphql", "--per-page", "10")  # the URL names the endpoint
        assert "canonicalUrl" in wp.queries[1][0] and "metaDesc" not in wp.queries[1][0]
    assert result.exit_code == 1, result.stderr  # the CMS host in seo.canonicalUrl is an error of its own
    (drift,) = findings(report, "canonical/producers-disagree")
    assert drift["location"]["pointer"] == "/seo/canonicalUrl" and drift["view"] == "seo"
    assert "between seo and seo.fullHead" in drift["message"]


def test_the_served_page_differs_from_full_head(yoast):
    path = "/2026/04/schema-graphs-for-editors/"
    yoast.pages[path] = yoast.pages[path].replace(b"<title>Schema graphs for editors - Example Blog</title>",
                                                  b"<title>Old title</title>")
    result, report = site(yoast.origin, "--graphql")
    assert result.exit_code == 0, result.stderr  # a warning
    (finding,) = findings(report, "wordpress/rest-head-differs")
    assert finding["message"] == ("title differs: the served page says 'Old title', GraphQL seo.fullHead says "
                                  "'Schema graphs for editors - Example Blog'")
    assert finding["location"] == {"pointer": "/seo/fullHead", "line": 2}


def test_no_seo_extension_lists_the_posts_without_it():
    with GraphQLServer({"posts": [], "pages": []}, dialect=None) as wp:
        wp.nodes["posts"] = yoast_nodes(wp.origin)[:1]
        result, report = site(wp.origin, "--graphql", "--no-follow")
        assert all("seo {" not in q for q, _ in wp.queries[1:])
    assert result.exit_code == 0, result.stderr
    (finding,) = findings(report, "wordpress/no-seo-output")
    assert "no `seo` field in the GraphQL answer" in finding["message"]


def test_plain_permalinks_and_no_endpoint():
    with GraphQLServer({"posts": [], "pages": []}, pretty=False) as wp:
        wp.nodes["posts"] = yoast_nodes(wp.origin)[:1]
        result, report = site(wp.origin, "--graphql", "--no-follow")
        assert result.exit_code == 0, result.stderr
        assert report["documents"][0]["source"] == f"{wp.origin}/?graphql#posts/4301"
    with LiveServer("127.0.0.1") as nothing:
        result, report = site(nothing.origin, "--graphql")
    assert result.exit_code == 2
    assert result.stderr.count("no WPGraphQL endpoint answered") == 1
    assert f"{nothing.origin}/graphql: HTTP 404, not a GraphQL answer" in result.stderr


def test_limit_stops_the_cursor(yoast):
    result, report = site(yoast.origin, "--graphql", "--per-page", "1", "--limit", "1", "--no-follow")
    assert result.exit_code == 0, result.stderr
    assert [d["source"].rsplit("#", 1)[1] for d in report["documents"]] == ["posts/4301"]
    assert len([q for q, _ in yoast.queries if "posts(first: $first" in q]) == 1


def test_the_example_is_what_a_graphql_post_query_answers():
    """examples/graphql-post.json holds the node fields the live listing asks for (and nothing else)."""
    from seoaudit.live.graphql import NODE_FIELDS, YOAST_FIELDS

    node = json.loads((EXAMPLES / "graphql-post.json").read_text())["data"]["post"]
    asked = set(NODE_FIELDS.split()) | {"seo", "id"}
    assert set(node) <= asked
    seo_fields = {word for word in YOAST_FIELDS.replace("{", " ").replace("}", " ").split()}
    assert set(node["seo"]) - seo_fields <= {"readingTime", "cornerstone", "breadcrumbs"}
