"""The Open Graph and X card families, on crafted cases and the real corpus. X's fallback to og:* is honoured."""

from __future__ import annotations

import json

import pytest

from seoaudit.engine import Config, check_refs
from seoaudit.registry import RuleError

from ..conftest import CORPUS, audit_example, needs_corpus

SOCIAL = Config(select=("opengraph", "twitter", "image/og-missing"))
IMAGE = "https://example.com/wp-content/uploads/cover.jpg"
TWITTER_FALLBACK_RULES = {"twitter/text-too-long", "twitter/card-missing",
                          "twitter/site-missing", "twitter/creator-missing"}


def found(results, rule: str):
    return [f for result in results for f in result.findings if f.rule == rule]


def rules_fired(results) -> set[str]:
    return {f.rule for result in results for f in result.findings}


def run_html(head: str, lang: str | None = None, config: Config = SOCIAL):
    attr = f' lang="{lang}"' if lang else ""
    return audit_example("html", f"<html{attr}><head><title>T</title>\n{head}\n</head><body></body></html>", config)


def run_json(data, config: Config = SOCIAL):
    return audit_example("json", json.dumps(data), config)


def run_file(relative: str, config: Config = SOCIAL):
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is absent")
    return audit_example(path.suffix.lstrip("."), path.read_text(encoding="utf-8", errors="replace"), config)


def og(**props) -> str:
    return "\n".join(f'<meta property="{k.replace("__", ":")}" content="{v}">' for k, v in props.items())


def tw(**props) -> str:
    return "\n".join(f'<meta name="twitter:{k.replace("__", ":")}" content="{v}">' for k, v in props.items())


def post(status: str = "publish", **yoast) -> dict:
    return {"id": 7, "link": "https://example.com/hello/", "status": status, "type": "post",
            "title": {"rendered": "Hello"}, "date_gmt": "2024-09-10T09:59:25", "modified_gmt": "2024-09-12T08:00:00",
            "yoast_head_json": yoast}


COMPLETE = og(og__title="Post", og__type="article", og__url="https://example.com/post/", og__image=IMAGE,
              og__image__width="1200", og__image__height="630", og__image__alt="A bicycle",
              og__description="About it.", og__site_name="Example", og__locale="en_US")


# -- opengraph/required-missing and optional-missing ---------------------------------------------------------


def test_complete_open_graph_is_clean():
    results = run_html(COMPLETE + tw(card="summary_large_image", site="@ex", creator="@au", image__alt="A bicycle"))
    assert rules_fired(results) == set()


def test_required_missing_lists_what_is_missing_once():
    hits = found(run_html(og(og__title="Post", og__url="")), "opengraph/required-missing")
    assert len(hits) == 1
    # og:image is missing too: one finding for the page's missing Open Graph (image/og-missing stays silent)
    assert hits[0].message == ("required Open Graph properties missing in html: og:type, og:url (empty), og:image; "
                               "no twitter:card either, so X shows a bare link")
    assert hits[0].location.line == 3  # the empty og:url
    results = run_html(og(og__title="Post", og__url=""))
    assert not found(results, "image/og-missing") and not found(results, "twitter/card-missing")


def test_required_missing_does_not_report_og_image_alone():
    head = og(og__title="P", og__type="article", og__url="https://e.com/")
    results = run_html(head)
    assert not found(results, "opengraph/required-missing")  # an image missing alone is image/og-missing's
    assert [f.severity.label for f in found(results, "image/og-missing")] == ["warning"]


def test_required_missing_on_yoast_json():
    hits = found(run_json(post(og_title="Hello", og_url="https://example.com/hello/")), "opengraph/required-missing")
    assert hits[0].value == ["og:type", "og:image"] and hits[0].location.pointer == "/yoast_head_json"


def test_optional_missing_asks_for_locale_only_on_non_english_pages():
    head = og(og__title="P", og__type="article")
    assert found(run_html(head, lang="de-DE"), "opengraph/optional-missing")[0].value == [
        "og:description", "og:site_name", "og:locale (the page is in de; the default is en_US)"]
    assert found(run_html(head, lang="en-GB"), "opengraph/optional-missing")[0].value == ["og:description",
                                                                                         "og:site_name"]
    assert not found(run_html("", lang="de"), "opengraph/optional-missing")  # no Open Graph at all


# -- opengraph/image-alt-missing, image-aspect-ratio ---------------------------------------------------------


# -- opengraph/locale-invalid and locale-mismatch ------------------------------------------------------------


def test_locale_mismatch_compares_the_language_only():
    assert not found(run_html(og(og__locale="en_US"), lang="en-GB"), "opengraph/locale-mismatch")
    hits = found(run_html(og(og__locale="en_US"), lang="de-DE"), "opengraph/locale-mismatch")
    assert hits[0].message == "the page declares 2 languages: og:locale 'en_US'; <html lang> 'de-DE'"


def test_locale_mismatch_with_schema_in_language_of_yoast_json():
    schema = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.com/hello/", "inLanguage": "hi-IN"}]}
    hits = found(run_json(post(og_locale="en_US", schema=schema)), "opengraph/locale-mismatch")
    assert hits[0].value == {"og:locale": "en_US", "schema inLanguage": "hi-IN"}


# -- article times -------------------------------------------------------------------------------------------


def test_article_time_agrees_with_date_gmt_read_as_utc():
    data = post(og_type="article", article_published_time="2024-09-10T09:59:25+00:00",
                article_modified_time="2024-09-12T08:00:30+00:00")  # within 60 s
    assert not found(run_json(data), "opengraph/article-time-mismatch")


def test_article_time_local_time_printed_as_utc():
    data = post(og_type="article", article_published_time="2024-09-10T11:59:25+00:00")
    hits = found(run_json(data), "opengraph/article-time-mismatch")
    assert [h.message for h in hits] == ["article:published_time 2024-09-10T11:59:25+00:00 differs from post "
                                         "date_gmt (UTC) 2024-09-10T09:59:25 by 2.0 h"]


def test_article_time_against_schema_nodes_grouped_and_zone_hint():
    schema = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": "https://example.com/hello/#article", "datePublished": "2024-09-10T09:59:25+02:00"},
        {"@type": "WebPage", "@id": "https://example.com/hello/", "datePublished": "2024-09-10T09:59:25+02:00"}]}
    data = post(og_type="article", article_published_time="2024-09-10T09:59:25+00:00", schema=schema)
    hits = found(run_json(data), "opengraph/article-time-mismatch")
    assert len(hits) == 1
    assert "schema Article/WebPage datePublished" in hits[0].message and "wrong time zone" in hits[0].message


def test_article_times_not_checked_on_drafts():
    data = post(status="draft", og_type="article", article_published_time="-0001-11-30T00:00:00+00:00")
    results = run_json(data)
    assert not found(results, "opengraph/article-time-mismatch")
    assert not found(results, "opengraph/article-time-invalid")


def test_article_time_invalid():
    hits = found(run_html(og(og__type="article", article__published_time="September 10, 2024")),
                 "opengraph/article-time-invalid")
    assert len(hits) == 1 and hits[0].value == "September 10, 2024"
    assert not found(run_html(og(article__published_time="2024-09-10")), "opengraph/article-time-invalid")


def test_article_time_missing_only_for_article_schema():
    blog = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", '
            '"datePublished": "2024-09-10T09:59:25+00:00"}</script>')
    page = blog.replace("BlogPosting", "WebPage")
    assert found(run_html(og(og__type="article") + blog), "opengraph/article-time-missing")
    assert not found(run_html(og(og__type="article") + page), "opengraph/article-time-missing")
    assert not found(run_html(og(og__type="website") + blog), "opengraph/article-time-missing")


# -- duplicates ----------------------------------------------------------------------------------------------


def test_duplicate_og_title_with_different_values():
    hits = found(run_html(og(og__title="A") + "\n" + og(og__title="B")), "opengraph/duplicate-tag")
    assert hits[0].message == ("1 property is written more than once in html: og:title ×2 (line 2, line 3) with "
                               "different values: 'A' | 'B'")
    assert hits[0].severity.label == "warning"


def test_repeated_tags_of_one_head_are_one_finding_and_identical_copies_are_info():
    head = og(og__title="A") + "\n" + og(og__url="https://e.com/") + "\n" + og(og__title="A") + "\n" + \
        og(og__url="https://e.com/")
    hits = found(run_html(head), "opengraph/duplicate-tag")
    assert len(hits) == 1 and hits[0].severity.label == "info"
    assert hits[0].value == {"og:title": ["A", "A"], "og:url": ["https://e.com/", "https://e.com/"]}


def test_repeated_og_image_and_article_tag_are_arrays():
    head = og(og__image=IMAGE) + og(og__image="https://e.com/2.jpg") + og(article__tag="a") + og(article__tag="b")
    assert not found(run_html(head), "opengraph/duplicate-tag")


def test_duplicate_twitter_card_last_one_wins():
    results = run_html(tw(card="summary") + tw(card="summary_large_image"))
    assert found(results, "twitter/duplicate-tag")
    assert not found(results, "twitter/card-invalid")


# -- twitter: card, fallback, attribution --------------------------------------------------------------------


def test_a_card_without_its_image_is_reported_once_by_image_og_missing():
    head = tw(card="summary_large_image") + og(og__title="P", og__type="article", og__url="https://e.com/")
    hits = found(run_html(head), "image/og-missing")
    assert hits[0].message == ("no og:image in html, so the summary_large_image X card has no image either and "
                               "shows as a plain link")
    assert not found(run_html(tw(card="summary_large_image") + og(og__image=IMAGE, og__title="P", og__type="article",
                                                                 og__url="https://e.com/")), "image/og-missing")


def test_the_retired_field_missing_names_its_successor():
    with pytest.raises(RuleError, match="retired: an X card with no title or image lacks the Open Graph tags"):
        check_refs(["twitter/field-missing"])


def test_legacy_twitter_image_src_counts():
    assert not found(run_html(tw(card="summary") + og(og__image=IMAGE)), "twitter/image-unsupported-format")


# -- the real corpus -----------------------------------------------------------------------------------------


@needs_corpus
def test_globalcitieshub_twitter_falls_back_to_open_graph():
    results = run_file("wp/globalcitieshub/post-21227.json")
    # summary_large_image with no twitter_title/description/image: X uses og_title, og_description, og_image
    assert not rules_fired(results) & TWITTER_FALLBACK_RULES
    assert not found(results, "twitter/large-image-spec")  # 786×524 is 3:2: a 2:1 crop keeps 75 %
    # one image without alt text: one finding, for Open Graph and X
    assert rules_fired(results) == {"opengraph/image-alt-missing", "opengraph/image-aspect-ratio"}
    assert "nor twitter:image:alt for the X card" in found(results, "opengraph/image-alt-missing")[0].message
    ratio = found(results, "opengraph/image-aspect-ratio")[0]
    assert (ratio.value, ratio.location.pointer) == (1.5, "/yoast_head_json/og_image/0/width")


@needs_corpus
def test_globalcitieshub_dates_agree():
    results = run_file("wp/globalcitieshub/post-21227.json")
    assert not found(results, "opengraph/article-time-mismatch")
    assert not found(results, "opengraph/locale-mismatch")  # en_US vs inLanguage en-US


@needs_corpus
def test_local_yoast_posts_have_no_open_graph_defects_beyond_the_missing_image():
    for name in ("post-draft.edit.json", "post-custom-canonical.json", "post-scheduled.edit.json",
                 "post-canonical-noindex.json", "page-about.json"):
        fired = rules_fired(run_file(f"wp/local-yoast/{name}"))
        assert not {r for r in fired if r.startswith("opengraph/")}, name
        # Yoast declares summary_large_image with no image at all: image/og-missing says what X shows
        assert "summary_large_image X card has no image either" in found(run_file(f"wp/local-yoast/{name}"),
                                                                       "image/og-missing")[0].message, name


@needs_corpus
def test_nextwp_explicit_twitter_image_is_the_card_image():
    hits = found(run_file("wp/nextwp/mock-front-page.json"), "twitter/image-alt-missing")
    assert [h.location.pointer for h in hits] == ["/yoast_head_json/twitter_image"]


@needs_corpus
def test_headstartwp_thumbnail_under_x_minimum():
    hits = found(run_file("wp/headstartwp/posts__posts.json"), "twitter/large-image-spec")
    assert [(h.location.pointer, h.value) for h in hits] == [("/3/yoast_head_json/og_image/0/width", "293×234"),
                                                             ("/9/yoast_head_json/og_image/0/width", "606×484")]


@needs_corpus
def test_real_html_open_graph_defects():
    assert found(run_file("html/metascraper/hola.html"), "opengraph/locale-mismatch")
    assert "<html lang> 'se'" in found(run_file("html/recipe-scrapers/recept.se__recept.html"),
                                       "opengraph/locale-mismatch")[0].message
    assert found(run_file("html/metascraper/silicon-angle.html"), "opengraph/locale-invalid")[0].value == "en_us"
    hits = found(run_file("html/trafilatura/eval__doschu.com.solopreneur.html"), "opengraph/article-time-mismatch")
    assert len(hits) == 2 and all("wrong time zone" in h.message for h in hits)
    assert found(run_file("html/metascraper/inc.html"), "opengraph/article-time-invalid")[0].value == \
        "Tue May 24 05:55:00 2016"


@needs_corpus
def test_real_html_twitter_defects():
    assert found(run_file("html/metascraper/learnnode.html"), "twitter/card-invalid")[0].value == "photo"
    hits = found(run_file("html/recipe-scrapers/meljoulwan.com__meljoulwan_2.html"), "twitter/duplicate-tag")
    assert hits[0].value["twitter:card"] == ["summary", "summary_large_image"]
    assert found(run_file("html/metascraper/arstechnica.html"), "twitter/text-too-long")[0].value == 76
