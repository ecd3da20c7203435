"""The wordpress producer rules (plugin detection, null heads, competing graphs, `_embedded` checks) on crafted
inputs and on the real corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ..conftest import CORPUS, audit_example, needs_corpus

WP = CORPUS / "wp"
HTML = CORPUS / "html"
MINE = ("wordpress/head-null", "wordpress/competing-graphs", "wordpress/og-image-not-featured",
        "wordpress/featured-image-no-alt", "wordpress/author-mismatch", "wordpress/embed-error")


def findings(language: str, text: str, rule: str | None = None) -> list:
    found = [f for result in audit_example(language, text) for f in result.findings if f.rule in MINE]
    return [f for f in found if f.rule == rule] if rule else found


def by_document(path: Path, rule: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for result in audit_example("json", path.read_text()):
        found[result.document.pointer] = [f for f in result.findings if f.rule == rule]
    return found


def post(**fields) -> str:
    data = {"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post",
            "title": {"rendered": "Post"}}
    data.update(fields)
    return json.dumps(data)


def script(graph, css: str | None = None) -> str:
    cls = f' class="{css}"' if css else ""
    return f'<script type="application/ld+json"{cls}>{json.dumps(graph)}</script>'


def html_page(*scripts, canonical="https://example.com/post/", comment="") -> str:
    return (f'<html><head><title>Post</title>{comment}<link rel="canonical" href="{canonical}">'
            f'{"".join(scripts)}</head><body></body></html>')


# -- the SEO plugin, in the metadata (not a finding) ----------------------------------------------------------------


def plugins(language: str, text: str) -> list[dict]:
    """metadata.seo_plugins of the only document."""
    results = audit_example(language, text)
    assert not [f for r in results for f in r.findings if f.rule.startswith("wordpress/seo")]
    return results[0].metadata["seo_plugins"]


def names(found: list[dict]) -> list[str]:
    return [" ".join(filter(None, (p["name"], p.get("version")))) for p in found]


def test_yoast_version_from_the_rest_head():
    text = post(yoast_head="<!-- This site is optimized with the Yoast SEO plugin v22.1 - https://yoast.com/ -->",
                yoast_head_json={"title": "Post"})
    assert plugins("json", text) == [{"name": "Yoast SEO", "version": "22.1", "evidence": "yoast_head_json"}]


def test_aioseo_rest_field_and_rank_math_page():
    assert names(plugins("json", post(aioseo_head_json={"title": "Post"}))) == ["All in One SEO"]
    rank_math = html_page(script({"@type": "WebPage"}, "rank-math-schema"),
                          comment="<!-- Search Engine Optimization by Rank Math PRO - https://rankmath.com/ -->")
    found = plugins("html", rank_math)
    assert names(found) == ["Rank Math"] and found[0]["evidence"] == "HTML comment at line 1"


def test_two_producers_on_one_page_are_both_named():
    comment = "<!-- This site is optimized with the Yoast SEO Premium plugin v23.5 (Yoast SEO v23.5) -->"
    text = html_page(script({"@type": "WebPage"}, "yoast-schema-graph"), script({"@type": "Thing"}, "aioseo-schema"),
                     comment=comment)
    assert names(plugins("html", text)) == ["Yoast SEO 23.5", "All in One SEO"]


def test_no_plugin_no_finding():
    assert findings("html", html_page(script({"@type": "WebPage"}))) == []
    assert plugins("html", html_page(script({"@type": "WebPage"}))) == []


def test_the_retired_rule_id_says_where_the_plugin_went():
    from seoaudit.engine import check_refs
    from seoaudit.registry import RuleError

    with pytest.raises(RuleError, match=r"retired: the SEO plugin is no defect: the report shows it in "
                                        r"metadata\.seo_plugins"):
        check_refs(["wordpress/seo-plugin"])


@needs_corpus
@pytest.mark.parametrize("path, expected", [
    ("wp/globalcitieshub/post-21227.json", ["Yoast SEO 27.4"]),
    ("wp/tiberia-capripost/capripost_post_22177.json", ["Yoast SEO 26.4"]),
    ("wp/local-yoast/post-featured-image.json", ["Yoast SEO 21.1"]),
    ("wp/yoast-developer/get_head_site-structure-the-ultimate-guide.json", ["Yoast SEO 23.5"]),
    ("html/metascraper/techmonitor.html", ["Rank Math"]),
    ("html/metascraper/arstechnica.html", ["The SEO Framework"]),
])
def test_real_producers(path, expected):
    file = CORPUS / path
    assert names(plugins(file.suffix.lstrip("."), file.read_text(errors="replace"))) == expected


@needs_corpus
def test_core_fixtures_have_no_producer():
    assert plugins("json", (WP / "wordpress-develop" / "PostModel.json").read_text()) == []


# -- head-null ----------------------------------------------------------------------------------------------------


# -- competing-graphs ---------------------------------------------------------------------------------------------

YOAST_ARTICLE = {"@context": "https://schema.org", "@graph": [
    {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Post"},
    {"@type": "WebSite", "@id": "https://example.com/#website", "url": "https://example.com/", "name": "Example"},
    {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example Inc"}]}


def test_theme_article_beside_yoast_article():
    theme = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Post"}
    found = findings("html", html_page(script(YOAST_ARTICLE, "yoast-schema-graph"), script(theme)),
                     "wordpress/competing-graphs")
    assert len(found) == 1
    assert found[0].message.startswith("two Article descriptions of this page: Article "
                                       "https://example.com/post/#article from Yoast SEO (line 1)")
    assert "BlogPosting (no @id) from a script without a plugin class" in found[0].message


def test_duplicate_site_entities_by_url_or_name():
    theme = [{"@context": "https://schema.org", "@type": "WebSite", "url": "https://example.com/"},
             {"@context": "https://schema.org", "@type": "Organization", "name": "example inc", "logo": "x.png"}]
    found = findings("html", html_page(script(YOAST_ARTICLE, "yoast-schema-graph"), script(theme)),
                     "wordpress/competing-graphs")
    assert sorted(f.message.split(":")[0] for f in found) == ["two Organization descriptions of this site",
                                                               "two WebSite descriptions of this site"]


@pytest.mark.parametrize("other", [
    {"@context": "https://schema.org", "@type": "NewsArticle", "@id": "https://example.com/post/#article"},  # merged
    {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []},  # a FAQ block's own page
    {"@context": "https://schema.org", "@type": "Organization", "name": "Venue Ltd"},  # another organisation
    {"@context": "https://schema.org", "@type": "Article", "url": "https://example.com/other/"},  # another page
    {"@context": "https://schema.org", "@type": "Recipe", "name": "Soup"},
])
def test_graphs_that_do_not_compete(other):
    assert findings("html", html_page(script(YOAST_ARTICLE, "yoast-schema-graph"), script(other)),
                    "wordpress/competing-graphs") == []


def test_two_plugins_on_one_rest_object():
    webpage = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": "https://example.com/post/"}]}
    other = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": "https://example.com/post/#webpage"}]}
    text = post(yoast_head_json={"canonical": "https://example.com/post/", "schema": webpage},
                aioseo_head_json={"canonical_url": "https://example.com/post/", "schema": other})
    found = findings("json", text, "wordpress/competing-graphs")
    assert len(found) == 1 and "Yoast SEO (yoast_head_json)" in found[0].message
    assert "All in One SEO (aioseo_head_json)" in found[0].message
    assert found[0].location.pointer == "/aioseo_head_json/schema/@graph/0"


def test_yoast_head_and_yoast_head_json_are_one_producer():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": "https://example.com/post/"}]}
    text = post(yoast_head_json={"schema": graph},
                yoast_head=script(graph, "yoast-schema-graph"))
    assert findings("json", text, "wordpress/competing-graphs") == []


@needs_corpus
def test_real_competing_graphs():
    text = (HTML / "trafilatura" / "cache__github.blog.spiceland.html").read_text(errors="replace")
    found = findings("html", text, "wordpress/competing-graphs")
    assert len(found) == 1 and "BlogPosting (no @id)" in found[0].message and "Yoast SEO" in found[0].message
    text = (HTML / "trafilatura" / "eval__cleanthinking.de.oranger-wasserstoff.html").read_text(errors="replace")
    assert sorted(f.message.split(":")[0] for f in findings("html", text, "wordpress/competing-graphs")) == [
        "two Article descriptions of this page", "two Organization descriptions of this site",
        "two WebSite descriptions of this site"]


# -- og-image-not-featured / featured-image-no-alt ----------------------------------------------------------------


def featured(alt="A cover", **details) -> dict:
    sizes = {"large": {"source_url": "https://example.com/wp-content/uploads/cover-1024x538.jpg",
                       "width": 1024, "height": 538}}
    return {"wp:featuredmedia": [{"id": 35, "source_url": "https://example.com/wp-content/uploads/cover.jpg",
                                  "alt_text": alt, "media_details": {"width": 1200, "height": 630, "sizes": sizes,
                                                                     **details}}]}


def with_image(url, width=None, height=None, embedded=None) -> str:
    image = {"url": url, **({"width": width} if width is not None else {}),
             **({"height": height} if height is not None else {})}
    return post(featured_media=35, yoast_head_json={"og_image": [image]}, _embedded=embedded or featured())


@pytest.mark.parametrize("url, width, height", [
    ("https://example.com/wp-content/uploads/cover.jpg", 1200, 630),
    ("https://example.com/wp-content/uploads/cover-1024x538.jpg", 1024, 538),  # a generated size
    ("https://i0.wp.com/example.com/wp-content/uploads/cover.jpg?fit=1200%2C630", 1200, 630),  # a CDN copy
    ("https://www.example.com/wp-content/uploads/cover.jpg", "", ""),  # sizes unknown: nothing to compare
])
def test_og_image_that_is_the_featured_image(url, width, height):
    assert findings("json", with_image(url, width, height), "wordpress/og-image-not-featured") == []


def test_og_image_that_is_another_image():
    found = findings("json", with_image("https://example.com/wp-content/uploads/chart.png"),
                     "wordpress/og-image-not-featured")
    assert len(found) == 1 and "not the featured image (media 35" in found[0].message
    assert found[0].location.pointer == "/yoast_head_json/og_image/0/url"


def test_og_image_declaring_another_size():
    found = findings("json", with_image("https://example.com/wp-content/uploads/cover.jpg", 1200, 675),
                     "wordpress/og-image-not-featured")
    assert len(found) == 1 and found[0].value == "1200×675" and found[0].expected == "1200×630"
    assert found[0].location.pointer == "/yoast_head_json/og_image/0/width"


def test_featured_image_alt_text():
    found = findings("json", with_image("https://example.com/wp-content/uploads/cover.jpg", embedded=featured(alt="")),
                     "wordpress/featured-image-no-alt")
    assert len(found) == 1 and found[0].location.pointer == "/_embedded/wp:featuredmedia/0/alt_text"
    assert findings("json", with_image("https://example.com/wp-content/uploads/cover.jpg"),
                    "wordpress/featured-image-no-alt") == []


@needs_corpus
def test_headstartwp_featured_images():
    """Every og:image of the 10up demo is its post's featured image at full size (no finding), and none of the
    eight featured images has alt text."""
    path = WP / "headstartwp" / "posts__posts.json"
    assert not any(by_document(path, "wordpress/og-image-not-featured").values())
    no_alt = by_document(path, "wordpress/featured-image-no-alt")
    assert sorted(k for k, v in no_alt.items() if v) == [f"/{i}" for i in range(2, 10)]
    assert no_alt["/2"][0].message == ("the featured image (media 35, 'https://js1.10up.com/wp-content/uploads/2020/05/"
                                       "88670812-1b59-3095-9c92-8ae541f3b6d2.jpg') has no alt text")


@needs_corpus
def test_nextwp_featured_images_without_og_image():
    """Yoast 22.1's REST head of these posts has no og_image: og-image-not-featured leaves that to image/og-missing."""
    path = WP / "nextwp" / "mock-posts-data.json"
    assert not any(by_document(path, "wordpress/og-image-not-featured").values())
    assert sum(bool(v) for v in by_document(path, "wordpress/featured-image-no-alt").values()) == 9


# -- author-mismatch ----------------------------------------------------------------------------------------------


def authored(name="Ann Smith", yoast_author="Ann Smith", person_name=None, person_url=None) -> str:
    schema = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": "https://example.com/post/#article",
         "author": {"name": person_name or yoast_author, "@id": "https://example.com/#/schema/person/1"}},
        {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": person_name or yoast_author,
         **({"url": person_url} if person_url else {})}]}
    return post(author=2, yoast_head_json={"author": yoast_author, "twitter_misc": {"Written by": yoast_author},
                                           "schema": schema},
                _embedded={"author": [{"id": 2, "name": name, "link": "https://example.com/author/ann/"}]})


def test_metadata_author_differs_from_the_post_author():
    found = findings("json", authored(yoast_author="admin"), "wordpress/author-mismatch")
    assert len(found) == 1
    assert found[0].message == ("the post's author is 'Ann Smith' (_embedded author) but the metadata names 'admin' "
                                "(yoast_head_json author), 'admin' (twitter_misc Written by), 'admin' (schema Person "
                                "name)")


def test_author_names_compared_after_decoding_and_folding():
    assert findings("json", authored(name="Zoë  O&#8217;Brien", yoast_author="zoë o’brien"),
                    "wordpress/author-mismatch") == []


def test_person_url_that_is_not_the_author_archive():
    found = findings("json", authored(person_url="https://example.com/team/ann/"), "wordpress/author-mismatch")
    assert len(found) == 1 and found[0].expected == "https://example.com/author/ann/"
    assert found[0].location.pointer == "/yoast_head_json/schema/@graph/1/url"


@needs_corpus
@pytest.mark.parametrize("path", ["headstartwp/posts__posts.json", "headstartwp/posts__pages.json",
                                  "nextwp/mock-posts-data.json"])
def test_real_embedded_authors_agree(path):
    assert not any(by_document(WP / path, "wordpress/author-mismatch").values())


# -- embed-error --------------------------------------------------------------------------------------------------


def test_embedded_errors_including_terms():
    text = post(_embedded={
        "author": [{"code": "rest_user_invalid_id", "message": "Invalid user ID.", "data": {"status": 404}}],
        "wp:term": [[{"id": 1, "name": "News"}], [{"code": "rest_forbidden", "message": "Sorry.",
                                                   "data": {"status": 401}}]]})
    found = findings("json", text, "wordpress/embed-error")
    assert [f.location.pointer for f in found] == ["/_embedded/author/0", "/_embedded/wp:term/1/0"]
    assert found[0].message == "embedded author is an error: rest_user_invalid_id (HTTP 404): Invalid user ID."


def test_embedded_error_is_skipped_by_the_comparisons():
    error = {"code": "rest_forbidden", "message": "Sorry.", "data": {"status": 401}}
    text = post(featured_media=35, yoast_head_json={"og_image": [{"url": "https://example.com/a.jpg"}]},
                _embedded={"wp:featuredmedia": [error], "author": [error]})
    assert Counter(f.rule for f in findings("json", text)) == Counter({"wordpress/embed-error": 2})


# -- the whole corpus ---------------------------------------------------------------------------------------------


def test_corpus_run_is_crash_free_and_plausible(corpus_audit):
    docs = Counter()
    total = len(corpus_audit)
    for document in corpus_audit:
        assert not document.fired({"input/internal-error"})
        docs.update(document.fired(set(MINE)))
    # The defects stay rare.
    assert docs["wordpress/competing-graphs"] < total / 20
    assert docs["wordpress/head-null"] == 0 and docs["wordpress/embed-error"] == 0
