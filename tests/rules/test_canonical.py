"""The canonical family on small crafted inputs and on the real corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from seoaudit.engine import Config, audit_document
from seoaudit.load import load_paths
from seoaudit.model import Severity

from ..conftest import CORPUS, audit_example, needs_corpus

LOCAL = CORPUS / "wp" / "local-yoast"
GLOBALCITIES = CORPUS / "wp" / "globalcitieshub" / "post-21227.json"


def findings(language: str, text: str, rule: str | None = None) -> list:
    # canonical/draft-placeholder is opt-in: these tests select it
    config = Config(extend_select=("canonical/draft-placeholder",))
    found = [f for result in audit_example(language, text, config) for f in result.findings
             if f.rule.startswith("canonical/")]
    return [f for f in found if f.rule == rule] if rule else found


def rules_of(found) -> Counter:
    return Counter(f.rule for f in found)


def page(head: str, body: str = "") -> str:
    return f"<html><head><title>Post</title>{head}</head><body>{body}</body></html>"


def post(link="https://example.com/post/", status="publish", **yoast) -> str:
    data = {"id": 1, "status": status, "type": "post", "link": link, "title": {"rendered": "Post"}}
    extra = {k: yoast.pop(k) for k in ("slug", "generated_slug", "permalink_template", "yoast_head") if k in yoast}
    data.update(extra)
    data["yoast_head_json"] = {"title": "Post", **yoast}
    return json.dumps(data)


def webpage(url, id_=None, type_="WebPage") -> dict:
    node = {"@type": type_, "url": url}
    if id_ is not None:
        node["@id"] = id_
    return {"@context": "https://schema.org", "@graph": [node]}


def corpus_findings(path: Path) -> list:  # with canonical/draft-placeholder selected
    return findings("json", path.read_text())


# -- invalid / relative ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("href, reason", [
    ("https://example.com:80a/post/", "the host or port does not parse"),
    ("https:/example.com/post/", "the host or port does not parse"),
    ("https://[::1/post/", "the host or port does not parse"),
    ("ftp://example.com/post/", "the scheme ftp: is not http or https"),
    ("javascript:void(0)", "the scheme javascript: is not http or https"),
    ("https://example.com/my post/", "unencoded space"),
])
def test_invalid_hrefs(href, reason):
    found = findings("html", page(f'<link rel="canonical" href="{href}">'))
    assert rules_of(found)["canonical/invalid"] == 1, found
    assert reason in found[0].message and "canonical/relative" not in rules_of(found)


def test_absolute_and_empty_canonicals_are_neither_invalid_nor_relative():
    for href in ("https://example.com/post/", "HTTPS://EXAMPLE.COM/post/", ""):
        found = findings("html", page(f'<link rel="canonical" href="{href}">'))
        assert not {"canonical/invalid", "canonical/relative"} & set(rules_of(found)), href


# -- conflicting -------------------------------------------------------------------------------------------------


def test_conflicting_canonicals_silence_the_comparisons():
    # Google ignores both; comparing og:url with an arbitrary one of them would only repeat the finding.
    head = ('<link rel="canonical" href="https://example.com/">'
            '<link rel="canonical" href="https://example.com/post/">'
            '<meta property="og:url" content="https://example.com/post/">')
    assert set(rules_of(findings("html", page(head)))) == {"canonical/conflicting"}


def test_a_body_canonical_beside_a_head_one_is_ignored():
    # Search engines read the head's: another URL in <body> is information, a copy of it nothing at all.
    found = findings("html", page('<link rel="canonical" href="https://example.com/a/">',
                                  '<div>x</div><link rel="canonical" href="https://example.com/b/">'))
    assert [(f.rule, f.severity) for f in found] == [("canonical/outside-head", Severity.INFO)]
    assert "names another URL than the one in <head> ('https://example.com/a/')" in found[0].message
    copy = findings("html", page('<link rel="canonical" href="https://example.com/a/">',
                                 '<div>x</div><link rel="canonical" href="https://example.com/a/">'))
    assert copy == []


# -- fragment / outside-head -------------------------------------------------------------------------------------


def test_fragment_in_yoast_json_and_head_is_reported_once():
    head = '<link rel="canonical" href="https://example.com/post/#x" />'
    found = findings("json", post(canonical="https://example.com/post/#x", yoast_head=head), "canonical/fragment")
    assert [f.view for f in found] == ["yoast_head_json"]


def test_outside_head():
    found = findings("html", page("", '<p>Hi</p>\n<link rel="canonical" href="https://example.com/post/">'))
    # One finding, at what ended <head>; canonical/missing stays silent (the canonical exists, misplaced).
    assert [(f.rule, f.location.line, f.severity) for f in found] == [("canonical/outside-head", 1, Severity.ERROR)]
    assert found[0].message == ('<p> at line 1 ended <head> early, so 1 head tag is in <body>: '
                                '<link rel="canonical"> (line 2)')
    both = findings("html", page('<link rel="canonical" href="https://example.com/post/">',
                                 '<link rel="canonical" href="https://example.com/post/">'), "canonical/outside-head")
    assert both == []


def test_a_stray_div_is_one_finding_naming_every_tag_it_moved():
    text = ('<html><head><div>ad</div>\n<title>Post</title>\n<meta name="description" content="About the post.">\n'
            '<meta name="robots" content="index, follow">\n<link rel="canonical" href="https://example.com/post/">'
            '</head><body></body></html>')
    found = [f for result in audit_example("html", text) for f in result.findings if f.rule.endswith("outside-head")]
    assert [(f.rule, f.location.line) for f in found] == [("canonical/outside-head", 1)]
    assert found[0].message == ('<div> at line 1 ended <head> early, so 4 head tags are in <body>: <title> (line 2), '
                                '<meta name="description"> (line 3), <meta name="robots"> (line 4), '
                                '<link rel="canonical"> (line 5)')
    without_canonical = text.replace('<link rel="canonical" href="https://example.com/post/">', "")
    found = [f for r in audit_example("html", without_canonical) for f in r.findings if f.rule.endswith("outside-head")]
    assert [(f.rule, f.severity) for f in found] == [("robots/outside-head", Severity.WARNING)]


def test_outside_head_is_judged_on_pages_only():
    # A plugin's head string is parsed as a head fragment; where it lands in the real page is unknown.
    head = '<link rel="canonical" href="https://example.com/post/" />'
    assert not findings("json", post(canonical="https://example.com/post/", yoast_head=head),
                        "canonical/outside-head")


# -- insecure ----------------------------------------------------------------------------------------------------


def test_insecure_on_an_https_site():
    found = findings("json", post(canonical="http://example.com/post/"), "canonical/insecure")
    assert found[0].message == ("canonical 'http://example.com/post/' is http:// but the post link "
                                "'https://example.com/post/' is https://")
    assert found[0].expected == "https://example.com/post/"


def test_insecure_needs_https_evidence_on_the_same_site():
    # The whole site on http: nothing to say. A syndicated canonical to another http site: not this site's scheme.
    assert not findings("json", post(link="http://example.com/post/", canonical="http://example.com/post/"),
                        "canonical/insecure")
    syndicated = page('<link rel="canonical" href="http://www.reuters.com/article/x">'
                      '<meta property="og:url" content="https://www.example.com/article/1">')
    assert not findings("html", syndicated, "canonical/insecure")
    www = page('<link rel="canonical" href="http://example.com/a/">'
               '<meta property="og:url" content="https://www.example.com/a/">')
    assert findings("html", www, "canonical/insecure")


def test_insecure_trusts_the_configured_site_url():
    text = post(canonical="http://example.com/post/")
    results = audit_example("json", text, Config(site_url="http://example.com"))
    assert "canonical/insecure" not in {f.rule for r in results for f in r.findings}


# -- mismatch-link -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("canonical, what", [
    ("https://example.com/post", "trailing slash only (missing)"),
    ("https://example.com/post//", "trailing slash only (extra)"),
    ("https://www.example.com/post/", "host www.example.com vs example.com"),
])
def test_mismatch_link_to_a_variant_of_the_post_url_is_a_warning(canonical, what):
    found = findings("json", post(canonical=canonical), "canonical/mismatch-link")
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert found[0].message == (f"canonical is this post's URL in another form: {what} "
                                f"({canonical!r} vs 'https://example.com/post/')")
    assert found[0].value == canonical and found[0].expected == "https://example.com/post/"


def test_mismatch_link_leaves_an_http_variant_to_canonical_insecure():
    found = findings("json", post(canonical="http://example.com/post/"))
    assert rules_of(found) == {"canonical/insecure": 1}


def test_mismatch_link_to_the_post_path_on_another_host_is_an_error():
    found = findings("json", post(canonical="https://old-example.com/post/"), "canonical/mismatch-link")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert found[0].message.startswith("canonical is this post's path on another host: host old-example.com vs "
                                       "example.com")


@pytest.mark.parametrize("canonical", ["https://example.com/Post/", "https://example.com/post/?amp=1",
                                       "https://example.com/original-story/"])
def test_mismatch_link_to_another_page_says_the_post_is_canonicalised_elsewhere(canonical):
    found = findings("json", post(canonical=canonical), "canonical/mismatch-link")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert found[0].message == (f"this post is canonicalised to {canonical} and will not be indexed itself (its "
                                "link is https://example.com/post/)")


def test_mismatch_link_accepts_the_post_path_on_the_configured_front_end():
    text = post(link="https://cms.example.com/post/", canonical="https://www.example.com/post/")
    results = audit_example("json", text, Config(site_url="https://www.example.com"))
    assert "canonical/mismatch-link" not in {f.rule for r in results for f in r.findings}


def test_mismatch_link_ignores_host_case_default_port_and_fragment():
    for canonical in ("https://EXAMPLE.com/post/", "https://example.com:443/post/"):
        assert not findings("json", post(canonical=canonical), "canonical/mismatch-link")


def test_mismatch_link_is_for_wordpress_documents_only():
    html = page('<link rel="canonical" href="https://example.com/a/">'
                '<meta property="og:url" content="https://example.com/a/">')
    assert not findings("html", html, "canonical/mismatch-link")


def test_mismatch_link_on_drafts():
    plain = dict(link="https://example.com/?p=9", status="draft", slug="", generated_slug="my-draft",
                 permalink_template="https://example.com/%postname%/")
    # The placeholder agreeing with the link: fine. Another post's placeholder: reported.
    assert not findings("json", post(canonical="https://example.com/?p=9", **plain), "canonical/mismatch-link")
    assert findings("json", post(canonical="https://example.com/?p=8", **plain), "canonical/mismatch-link")
    # A custom canonical that is already the future permalink: fine; another URL: compared with that permalink.
    assert not findings("json", post(canonical="https://example.com/my-draft/", **plain), "canonical/mismatch-link")
    found = findings("json", post(canonical="https://example.com/other/", **plain), "canonical/mismatch-link")
    assert found[0].message.startswith("canonical differs from the permalink this draft post will get on publish: "
                                       "path /other/ vs /my-draft/")
    assert found[0].expected == "https://example.com/my-draft/"


# -- og-url-mismatch ---------------------------------------------------------------------------------------------


def test_og_url_mismatch():
    found = findings("json", post(canonical="https://example.com/post/", og_url="https://example.com/post"),
                     "canonical/og-url-mismatch")
    assert found[0].message == ("og:url differs from the canonical: trailing slash only (missing) "
                                "('https://example.com/post' vs 'https://example.com/post/')")
    assert found[0].location.pointer == "/yoast_head_json/og_url"


def test_og_url_mismatch_needs_both():
    assert not findings("json", post(og_url="https://example.com/other/"), "canonical/og-url-mismatch")
    assert not findings("json", post(canonical="https://example.com/post/", og_url="https://Example.com/post/"),
                        "canonical/og-url-mismatch")


def test_the_canonical_alone_disagreeing_with_the_link_is_reported_once():
    # og:url and the WebPage are the post's own URL: the canonical is the odd one out (mismatch-link, insecure).
    schema = webpage("https://example.com/post/", "https://example.com/post/")
    text = post(canonical="http://example.com/post/", og_url="https://example.com/post/", schema=schema,
                yoast_head='<link rel="canonical" href="http://example.com/post/" />'
                           '<meta property="og:url" content="https://example.com/post/" />'
                           f'<script type="application/ld+json">{json.dumps(schema)}</script>')
    assert rules_of(findings("json", text)) == {"canonical/insecure": 1}  # http vs https only: one finding


# -- schema-url-mismatch -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("node_id, type_", [
    ("https://example.com/post/", "WebPage"),
    ("https://example.com/post/#webpage", "WebPage"),  # Yoast < 19.3, Rank Math
    ("https://example.com/post/#collectionpage", "CollectionPage"),  # AIOSEO
    ("https://example.com/post/", ["WebPage", "FAQPage"]),
    ("https://example.com/post/", "ProfilePage"),
])
def test_schema_url_accepted_forms(node_id, type_):
    text = post(canonical="https://example.com/post/", schema=webpage("https://example.com/post/", node_id, type_))
    assert not findings("json", text, "canonical/schema-url-mismatch")


def test_schema_url_mismatch_reports_url_and_id():
    schema = webpage("http://old.example.com/post/", "http://old.example.com/post/#webpage", ["WebPage", "ItemPage"])
    text = post(canonical="https://example.com/post/", schema=schema)
    found = {f.location.pointer: f for f in findings("json", text, "canonical/schema-url-mismatch")}
    assert set(found) == {"/yoast_head_json/schema/@graph/0/url", "/yoast_head_json/schema/@graph/0/@id"}
    url = found["/yoast_head_json/schema/@graph/0/url"]
    assert url.message.startswith("schema WebPage url differs from the canonical: scheme http vs https, "
                                  "host old.example.com vs example.com")


def test_schema_mismatch_in_both_yoast_renderings_is_reported_once():
    schema = webpage("https://old.example.com/post/", "https://example.com/post/")
    head = ('<link rel="canonical" href="https://example.com/post/" /><script type="application/ld+json">'
            + json.dumps(schema) + "</script>")
    found = findings("json", post(canonical="https://example.com/post/", schema=schema, yoast_head=head),
                     "canonical/schema-url-mismatch")
    assert [(f.view, f.location.pointer) for f in found] == [
        ("yoast_head_json", "/yoast_head_json/schema/@graph/0/url")]


def test_schema_id_may_be_the_permalink_when_a_custom_canonical_is_set():
    # Yoast 19.3+: @id = permalink (the link), url = canonical.
    schema = webpage("https://example.com/original/", "https://example.com/post/")
    text = post(canonical="https://example.com/original/", schema=schema)
    assert not findings("json", text, "canonical/schema-url-mismatch")


def test_schema_ignores_webpages_of_other_pages():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.com/post/", "url": "https://example.com/post/",
         "isPartOf": {"@type": "CollectionPage", "@id": "https://example.com/blog/"}},
        {"@type": "VideoObject", "@id": "https://example.com/video/1",
         "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.com/video/1"}},
        {"@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.com/blog/"}}]}
    found = findings("json", post(canonical="https://example.com/post/", schema=graph), "canonical/schema-url-mismatch")
    # Only the article's own page (no url/@id of its own) is this page; it names the blog index.
    assert [f.location.pointer for f in found] == ["/yoast_head_json/schema/@graph/2/mainEntityOfPage/@id"]


def test_schema_url_html_page():
    head = ('<link rel="canonical" href="https://example.com/de/post/">'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage",'
            '"@id":"https://example.com/post/#webpage","url":"https://example.com/post/"}</script>')
    found = findings("html", page(head), "canonical/schema-url-mismatch")
    assert {f.location.path for f in found} == {"/url", "/@id"}
    assert "path /post/ vs /de/post/" in found[0].message


# -- producers-disagree ------------------------------------------------------------------------------------------


def test_producers_disagree_reports_each_difference_once_with_both_locations():
    head = ('<link rel="canonical" href="https://cms.example.com/post/" />\n'
            '<meta property="og:url" content="https://example.com/post/" />')
    text = post(canonical="https://example.com/post/", og_url="https://example.com/post/", yoast_head=head)
    found = findings("json", text, "canonical/producers-disagree")
    assert len(found) == 1
    assert found[0].message == ("canonical differs between yoast_head_json and yoast_head: host example.com vs "
                                "cms.example.com: 'https://example.com/post/' at /yoast_head_json/canonical vs "
                                "'https://cms.example.com/post/' at /yoast_head line 1")
    assert found[0].location.pointer == "/yoast_head_json/canonical"


def test_producers_disagree_on_a_missing_value_and_on_the_schema():
    head = ('<link rel="canonical" href="https://example.com/post/" />'
            '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage",'
            '"@id":"https://example.com/post/","url":"https://example.com/post"}]}</script>')
    text = post(canonical="https://example.com/post/", og_url="https://example.com/post/", yoast_head=head,
                schema=webpage("https://example.com/post/", "https://example.com/post/"))
    found = findings("json", text, "canonical/producers-disagree")
    assert [f.message.split(": ")[0] for f in found] == [
        "og:url differs between yoast_head_json and yoast_head",
        "schema WebPage url differs between yoast_head_json and yoast_head"]
    assert "'https://example.com/post/' at /yoast_head_json/og_url vs absent" in found[0].message
    assert "trailing slash only (extra)" in found[1].message


def test_producers_agree_on_a_get_head_response():
    text = json.dumps({"html": '<link rel="canonical" href="https://example.com/a/" />',
                       "json": {"title": "A", "canonical": "https://EXAMPLE.com/a/"}, "status": 200})
    assert not findings("json", text, "canonical/producers-disagree")


# -- draft-placeholder -------------------------------------------------------------------------------------------


def test_draft_placeholder_shows_the_future_permalink():
    text = post(link="https://example.com/?page_id=7", status="pending", canonical="https://example.com/?page_id=7",
                slug="about", permalink_template="https://example.com/company/%pagename%/")
    found = findings("json", text)
    assert [f.rule for f in found] == ["canonical/draft-placeholder"]
    assert found[0].message == ("pending post: link, canonical are the placeholder https://example.com/?page_id=7, "
                                "which WordPress replaces on publish; on publish it becomes "
                                "https://example.com/company/about/")
    assert found[0].location.pointer == "/link"


def test_draft_placeholder_without_edit_context():
    found = findings("json", post(link="https://example.com/?p=9", status="future"), "canonical/draft-placeholder")
    assert found[0].message.endswith("the final URL is known only on publish") and found[0].expected is None


def test_draft_placeholder_only_for_placeholders():
    # A published post on plain permalinks (the site's setting) is not a draft.
    assert not findings("json", post(link="https://example.com/?p=9", canonical="https://example.com/?p=9"),
                        "canonical/draft-placeholder")
    # A draft that already has pretty URLs (private-like setups) has nothing to announce.
    assert not findings("json", post(status="draft", canonical="https://example.com/post/"),
                        "canonical/draft-placeholder")


# -- points-to-root ----------------------------------------------------------------------------------------------


def test_points_to_root():
    found = findings("json", post(link="https://example.com/about/", canonical="https://example.com"),
                     "canonical/points-to-root")
    assert found[0].message == ("canonical 'https://example.com' points to the home page, but this page is "
                                "https://example.com/about/")


def test_points_to_root_treats_plain_permalinks_as_inner_pages():
    found = findings("json", post(link="https://example.com/?p=4", canonical="https://example.com/"),
                     "canonical/points-to-root")
    assert len(found) == 1
    # ?p= canonical is not the root; the front page itself may point to itself; another origin is not "root".
    assert not findings("json", post(link="https://example.com/?p=4", canonical="https://example.com/?p=4"),
                        "canonical/points-to-root")
    assert not findings("json", post(link="https://example.com/", canonical="https://example.com/"),
                        "canonical/points-to-root")
    assert not findings("json", post(link="https://example.com/a/", canonical="https://other.example/"),
                        "canonical/points-to-root")


def test_points_to_root_on_html_uses_og_url():
    head = ('<link rel="canonical" href="https://example.com/">'
            '<meta property="og:url" content="https://example.com/amp/">')
    assert findings("html", page(head), "canonical/points-to-root")
    assert not findings("html", page('<link rel="canonical" href="https://example.com/">'), "canonical/points-to-root")


# -- the real corpus ---------------------------------------------------------------------------------------------


@needs_corpus
def test_globalcitieshub_post_is_clean():
    # Its canonical, link, og:url and WebPage url / @id all agree.
    assert corpus_findings(GLOBALCITIES) == []


@needs_corpus
def test_local_yoast_custom_canonical_says_which_path_differs():
    found = corpus_findings(LOCAL / "post-custom-canonical.json")
    assert [(f.rule, f.severity) for f in found] == [("canonical/mismatch-link", Severity.WARNING)]
    assert found[0].message == ("this post is canonicalised to http://127.0.0.1:8080/2024/05/01/"
                                "post-with-a-featured-image/ and will not be indexed itself (its link is "
                                "http://127.0.0.1:8080/2024/05/04/post-with-custom-canonical/)")
    assert found[0].location.pointer == "/yoast_head_json/canonical"
    assert found[0].expected == "http://127.0.0.1:8080/2024/05/04/post-with-custom-canonical/"


@needs_corpus
def test_local_yoast_noindex_post_has_no_canonical_finding():
    # Yoast drops the canonical on noindex posts (og:url and the WebPage url carry the custom canonical).
    assert corpus_findings(LOCAL / "post-canonical-noindex.json") == []


@needs_corpus
@pytest.mark.parametrize("name, status, placeholder, future", [
    ("post-draft.edit.json", "draft", "http://127.0.0.1:8080/?p=9", "http://127.0.0.1:8080/2026/11/26/draft-post/"),
    ("post-scheduled.edit.json", "future", "http://127.0.0.1:8080/?p=10",
     "http://127.0.0.1:8080/2035/01/01/scheduled-post/"),
])
def test_local_yoast_drafts_are_placeholders_only(name, status, placeholder, future):
    found = corpus_findings(LOCAL / name)
    assert [f.rule for f in found] == ["canonical/draft-placeholder"]
    assert found[0].message == (f"{status} post: link, canonical, og:url, schema WebPage url are the placeholder "
                                f"{placeholder}, which WordPress replaces on publish; on publish it becomes {future}")


@needs_corpus
def test_local_yoast_draft_must_still_agree():
    data = json.loads((LOCAL / "post-draft.edit.json").read_text())
    data["yoast_head_json"]["og_url"] = "http://127.0.0.1:8080/?p=8"
    found = findings("json", json.dumps(data))
    assert rules_of(found) == {"canonical/draft-placeholder": 1, "canonical/og-url-mismatch": 1,
                               "canonical/producers-disagree": 1}
    assert "query ?p=8 vs ?p=9" in next(f for f in found if f.rule == "canonical/og-url-mismatch").message


@needs_corpus
def test_local_yoast_collections():
    found = [(f.location.pointer, f.rule) for f in corpus_findings(LOCAL / "posts-collection.edit.json")]
    assert found == [("/0/link", "canonical/draft-placeholder"), ("/1/link", "canonical/draft-placeholder"),
                     ("/3/yoast_head_json/canonical", "canonical/mismatch-link")]


@needs_corpus
@pytest.mark.parametrize("source", ["headstartwp", "nextwp", "tiberia-capripost", "yoast-developer",
                                    "wordpress-develop"])
def test_other_wordpress_sources_are_clean(source):
    # headstartwp posts use the old `canonical#webpage` @id; nextwp is noindex (no canonical); wordpress-develop
    # has no SEO plugin and plain permalinks on published posts.
    for path in sorted((CORPUS / "wp" / source).glob("*.json")):
        assert corpus_findings(path) == [], path.name


@needs_corpus
def test_corpus_html_findings():
    config = Config(select=("canonical",))
    by_rule: Counter = Counter()  # (selecting the category selects its opt-in rule too)
    seen = {}
    for doc in load_paths([str(CORPUS / "html")]):
        for f in audit_document(doc, config).findings:
            by_rule[f.rule] += 1
            seen[(Path(doc.source).name, f.rule)] = f
    # Real defects this corpus shows (pinned so a change in behaviour is noticed).
    assert seen[("eval__piratenpartei.at.grundeinkommen.html", "canonical/conflicting")].message.startswith(
        "2 canonicals in html name 2 different URLs: 'https://www.piratenpartei.at' (line 33)")
    assert seen[("npr.html", "canonical/outside-head")].message.startswith("<div> at line 2 ended <head> early, so 4 "
                                                                           "head tags are in <body>")
    assert seen[("eval__desdechinandega.com-ladivina.html", "canonical/relative")].expected == \
        "https://www.desdechinandega.com/el-domingo-de-la-divina-misericordia.html"
    assert "scheme https vs http" in seen[("meljoulwan.com__meljoulwan_2.html", "canonical/og-url-mismatch")].message
    assert ("meljoulwan.com__meljoulwan_2.html", "canonical/insecure") in seen
    # A syndicated http canonical to another site is not "insecure" for this site.
    assert ("entrepreneur.html", "canonical/insecure") not in seen
    autosprint = seen[("eval__autosprint.ch-pistenstopp.html", "canonical/schema-url-mismatch")]
    assert "path /classic/histo-monte-pistenstopp-in-rheinfelden/ vs /de/classic/" in autosprint.message
    # nbcnews: the VideoObjects' own pages are not this page's WebPage.
    assert ("nbcnews.html", "canonical/schema-url-mismatch") not in seen
    # Nothing fires on most pages: the comparisons are rare and specific.
    assert by_rule["canonical/og-url-mismatch"] < 30 and by_rule["canonical/schema-url-mismatch"] < 12
    assert by_rule["canonical/invalid"] == 0 and by_rule["canonical/producers-disagree"] == 0
