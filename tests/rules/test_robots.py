"""The robots family: noindex and friends, directive syntax, crawler metas, on crafted cases and the real corpus."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from seoaudit.engine import Config
from seoaudit.model import Severity

from ..conftest import CORPUS, audit_example, needs_corpus

ROBOTS_ONLY = Config(select=("robots",))
IMAGE = "https://example.com/wp-content/uploads/cover.jpg"


def found(results, rule: str):
    return [f for result in results for f in result.findings if f.rule == rule]


def rules_fired(results) -> set[str]:
    return {f.rule for result in results for f in result.findings}


def run_html(head: str, body: str = "", config: Config = ROBOTS_ONLY):
    return audit_example("html", f"<html><head><title>T</title>\n{head}\n</head><body>{body}</body></html>", config)


def run_json(data, config: Config = ROBOTS_ONLY):
    return audit_example("json", json.dumps(data), config)


def run_file(relative: str, config: Config = ROBOTS_ONLY):
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is absent")
    return audit_example(path.suffix.lstrip("."), path.read_text(encoding="utf-8", errors="replace"), config)


def post(robots, status: str = "publish", **yoast) -> dict:
    return {"id": 7, "link": "https://example.com/hello/", "status": status, "type": "post",
            "title": {"rendered": "Hello"}, "yoast_head_json": {"robots": robots, **yoast}}


def robots(content: str, name: str = "robots") -> str:
    return f'<meta name="{name}" content="{content}">'


# -- robots/noindex and robots/noindex-before-publish ------------------------------------------------


SITE_WIDE = {"index": "noindex", "follow": "follow", "max-snippet": "max-snippet:-1",
             "max-image-preview": "max-image-preview:large", "max-video-preview": "max-video-preview:-1"}


def test_noindex_forced_by_discourage_search_engines_on_production_is_an_error():
    # Yoast keeps the rules it prints only for indexable content: the post is set to index, and the site-wide
    # "Discourage search engines" setting added the noindex last.
    hits = found(run_json(post(SITE_WIDE)), "robots/noindex")
    assert [h.severity.label for h in hits] == ["error"]
    assert "site-wide 'Discourage search engines' setting is on, on a production host" in hits[0].message


def test_discourage_search_engines_on_a_development_host_is_a_warning():
    data = post(SITE_WIDE)
    data["link"] = "https://staging.example.com/hello/"
    assert [h.severity.label for h in found(run_json(data), "robots/noindex")] == ["warning"]


def test_the_same_robots_without_yoast_is_a_warning():
    head = robots("noindex, follow, max-snippet:-1, max-image-preview:large")
    assert [h.severity.label for h in found(run_html(head), "robots/noindex")] == ["warning"]


def test_a_configured_severity_wins_over_every_case():
    config = Config(select=("robots",), severities={"robots/noindex": Severity.INFO})
    assert [h.severity for h in found(run_json(post(SITE_WIDE), config), "robots/noindex")] == [Severity.INFO]


def test_noindex_draft_is_information_not_an_error():
    results = run_json(post({"index": "noindex", "follow": "follow"}, status="draft"))
    assert not found(results, "robots/noindex")
    hits = found(results, "robots/noindex-before-publish")
    assert len(hits) == 1 and hits[0].severity.label == "info"
    assert hits[0].message.startswith("draft post is noindex")


def test_noindex_before_publish_not_on_published_or_indexable_drafts():
    assert not found(run_json(post({"index": "noindex"})), "robots/noindex-before-publish")
    assert not found(run_json(post({"index": "index"}, status="future")), "robots/noindex-before-publish")


# -- robots/nofollow ----------------------------------------------------------------------------------


# -- robots/unavailable-after ---------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2020-09-21", "2020-09-21T15:00:00+02:00", "Mon, 21 Sep 2020 15:00:00 GMT",
                                  "Monday, 21-Sep-20 15:00:00 GMT", "25-Jun-2010 15:00:00 PST"])
def test_unavailable_after_in_the_past_in_every_format_google_reads(date):
    hits = found(run_html(robots(f"index, follow, unavailable_after: {date}")), "robots/unavailable-after")
    assert len(hits) == 1 and "has passed" in hits[0].message


def test_unavailable_after_rfc850_date_with_comma_is_not_cut_in_two():
    results = run_html(robots("unavailable_after: Sunday, 06-Nov-94 08:49:37 GMT, noarchive"))
    assert "has passed" in found(results, "robots/unavailable-after")[0].message
    assert not found(results, "robots/invalid-directive")


def test_unavailable_after_in_the_future_passes_and_garbage_is_reported():
    assert not found(run_html(robots("unavailable_after: 2999-01-01")), "robots/unavailable-after")
    hits = found(run_html(robots("unavailable_after: next tuesday", "googlebot")), "robots/unavailable-after")
    assert len(hits) == 1 and "not a date Google can read" in hits[0].message


def test_parse_date_reads_european_zone_names():
    from seoaudit.rules.robots._shared import parse_date

    assert parse_date("24-Feb-2027 21:00:00 CET") == datetime(2027, 2, 24, 20, 0, tzinfo=UTC)
    assert parse_date("2027-01-07T16:31:21+01:00") == datetime(2027, 1, 7, 15, 31, 21, tzinfo=UTC)
    assert parse_date("2027-01-07") == datetime(2027, 1, 7, tzinfo=UTC)
    assert parse_date("soon") is None


# -- robots/nosnippet, image-preview-not-large, noimageindex --------------------------------------------


def test_nosnippet_and_max_snippet_zero():
    assert found(run_html(robots("nosnippet")), "robots/nosnippet")
    assert found(run_html(robots("max-snippet:0")), "robots/nosnippet")
    assert not found(run_html(robots("max-snippet:50")), "robots/nosnippet")
    assert not found(run_html(robots("noindex, nosnippet")), "robots/nosnippet")  # noindex is the finding


def test_image_preview_not_large_only_when_the_page_has_an_image():
    og = f'<meta property="og:image" content="{IMAGE}">'
    hits = found(run_html(robots("max-image-preview:none") + og), "robots/image-preview-not-large")
    assert len(hits) == 1 and hits[0].value == "max-image-preview:none"
    assert not found(run_html(robots("max-image-preview:standard")), "robots/image-preview-not-large")
    assert not found(run_html(robots("max-image-preview:large") + og), "robots/image-preview-not-large")
    assert not found(run_html(og), "robots/image-preview-not-large")  # absent: Google's default, not judged


def test_image_preview_most_restrictive_of_robots_and_googlebot_wins():
    og = f'<meta property="og:image" content="{IMAGE}">'
    head = robots("max-image-preview:large") + robots("max-image-preview:standard", "googlebot") + og
    hits = found(run_html(head), "robots/image-preview-not-large")
    assert len(hits) == 1 and "googlebot says max-image-preview:standard" in hits[0].message


def test_noimageindex():
    assert found(run_html(robots("index, noimageindex")), "robots/noimageindex")
    assert not found(run_html(robots("index")), "robots/noimageindex")


# -- robots/invalid-directive --------------------------------------------------------------------------------


# -- robots/conflicting and robots/bot-disagrees --------------------------------------------------------------


def test_index_and_noindex_in_one_meta_and_across_metas():
    hits = found(run_html(robots("index, noindex")), "robots/conflicting")
    assert len(hits) == 1 and "Google applies noindex" in hits[0].message
    assert found(run_html(robots("all") + robots("nofollow")), "robots/conflicting")


def test_two_max_snippet_values_conflict_but_a_repeat_does_not():
    assert found(run_html(robots("max-snippet:50, max-snippet:-1")), "robots/conflicting")
    assert not found(run_html(robots("max-snippet:-1") + robots("max-snippet: -1")), "robots/conflicting")


def test_googlebot_noindex_against_robots_index():
    hits = found(run_html(robots("index, follow") + robots("noindex", "googlebot")), "robots/bot-disagrees")
    assert len(hits) == 1 and hits[0].value == "noindex" and hits[0].expected == "index"


def test_bot_metas_that_add_or_repeat_rules_agree():
    head = robots("index, follow") + robots("index, follow, max-snippet:-1", "googlebot") + robots("noindex",
                                                                                                  "googlebot-news")
    assert not found(run_html(head), "robots/bot-disagrees")
    head = robots("max-image-preview:large") + robots("max-image-preview:standard", "bingbot")
    assert found(run_html(head), "robots/bot-disagrees")


# -- robots/outside-head and robots/multiple ------------------------------------------------------------------------


def test_robots_meta_in_body():
    hits = found(run_html("", body=robots("noindex")), "robots/outside-head")
    assert len(hits) == 1 and hits[0].location.line == 3
    assert not found(run_html(robots("noindex")), "robots/outside-head")


def test_multiple_robots_metas_is_information():
    hits = found(run_html(robots("index, follow") + robots("max-image-preview:large")), "robots/multiple")
    assert len(hits) == 1 and hits[0].severity.label == "info"
    assert not found(run_html(robots("index") + robots("index", "googlebot")), "robots/multiple")


# -- the real corpus ---------------------------------------------------------------------------------------------


@needs_corpus
def test_globalcitieshub_post_is_clean():
    assert not rules_fired(run_file("wp/globalcitieshub/post-21227.json"))


@needs_corpus
def test_local_yoast_noindex_post_is_an_error_at_its_robots_object():
    hits = found(run_file("wp/local-yoast/post-canonical-noindex.json"), "robots/noindex")
    assert [(h.location.pointer, h.value) for h in hits] == [("/yoast_head_json/robots", "noindex, follow")]


@needs_corpus
def test_local_yoast_draft_and_scheduled_posts_are_indexable():
    for name in ("post-draft.edit.json", "post-scheduled.edit.json", "post-custom-canonical.json"):
        assert not rules_fired(run_file(f"wp/local-yoast/{name}")), name


@needs_corpus
def test_nextwp_published_posts_are_all_noindex():
    hits = found(run_file("wp/nextwp/mock-posts-data.json"), "robots/noindex")
    assert len(hits) == 9 and {h.location.pointer for h in hits} == {f"/{i}/yoast_head_json/robots" for i in range(9)}


@needs_corpus
def test_uebermedien_standard_preview_contradicts_its_large_preview():
    results = run_file("html/trafilatura/eval__uebermedien.de-Israel.html")
    assert found(results, "robots/conflicting")[0].value == "max-image-preview:standard and max-image-preview:large"
    assert found(results, "robots/image-preview-not-large")[0].location.line == 8
    assert len(found(results, "robots/multiple")) == 1


@needs_corpus
def test_real_html_directive_defects():
    assert found(run_file("html/newspaper4k/fox13now_001.html"), "robots/invalid-directive")[0].value == \
        "max-image-preview:[large]"
    assert found(run_file("html/metascraper/instagram.html"), "robots/noimageindex")
    # npr: a <div> moved its robots meta into <body> along with its canonical: canonical/outside-head says it all
    assert not found(run_file("html/metascraper/npr.html"), "robots/outside-head")
    assert found(run_file("html/extruct/songkick/tovestyrke.html"), "robots/noindex")


@needs_corpus
def test_real_html_clean_cases():
    # googlebot repeats robots (index,follow,NOODP): no disagreement, NOODP is accepted
    assert not rules_fired(run_file("html/metascraper/entrepreneur.html"))
    # WordPress core's max-image-preview:large meta next to Yoast's: information only
    results = run_file("html/metascraper/bfi.html")
    assert rules_fired(results) == {"robots/multiple"}
