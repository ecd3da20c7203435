"""The title and description families and wordpress/double-encoded-entity, on crafted inputs and the corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from seoaudit.derive.text import comparable, same_story, template_variables, width_px
from seoaudit.engine import Config, check_refs
from seoaudit.registry import RuleError

from ..conftest import CORPUS, audit_example, needs_corpus

FAMILIES = ("title/", "description/", "wordpress/double-encoded-entity")
LOCAL = CORPUS / "wp" / "local-yoast"
GLOBALCITIES = CORPUS / "wp" / "globalcitieshub" / "post-21227.json"
HTML = CORPUS / "html"


def findings(language: str, text: str, rule: str | None = None, config: Config | None = None) -> list:
    config = config or Config(extend_select=("title/same-as-h1",))  # the family's opt-in rule, selected
    found = [f for result in audit_example(language, text, config) for f in result.findings
             if f.rule.startswith(FAMILIES)]
    return [f for f in found if f.rule == rule] if rule else found


def rules_of(found) -> Counter:
    return Counter(f.rule for f in found)


def page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def post(title="Brewing coffee at home", link="https://example.org/coffee/", status="publish", content=None,
         **yoast) -> str:
    data = {"id": 1, "status": status, "type": "post", "link": link, "title": {"rendered": title}}
    if content is not None:
        data["content"] = {"rendered": content, "protected": False}
    data["yoast_head_json"] = {"title": f"{title} - Example", **yoast}
    return json.dumps(data)


def corpus(path: Path, rule: str | None = None) -> list:
    return findings("json" if path.suffix == ".json" else "html", path.read_text(errors="replace"), rule)


GOOD_DESCRIPTION = "How we brew coffee at home with a French press: grind, ratio, water temperature and time."


# -- the width table -------------------------------------------------------------------------------------------


def test_widths_are_arials():
    # Arial's advance widths in units of 2048/em: space 569, 'a' 1139, 'W' 1933, '…' 2048.
    assert width_px(" ", 2048) == 569
    assert width_px("a", 2048) == 1139
    assert width_px("W", 2048) == 1933
    assert width_px("…", 2048) == 2048
    assert width_px("iiii", 20) < width_px("WWWW", 20)


def test_widths_of_unlisted_characters():
    assert width_px("中", 20) == 20  # CJK: one em
    assert width_px("\u200b", 20) == 0  # zero-width space
    assert width_px("e\u0301", 20) == width_px("e", 20)  # a combining accent has no width
    assert width_px("ạ", 20) == width_px("a", 20)  # a Vietnamese letter the font lacks: its base letter
    assert width_px("א", 20) > 0  # Hebrew: the fallback width


def test_width_table_records_its_font():
    from importlib import resources

    table = json.loads(resources.files("seoaudit").joinpath("data/arial_widths.json").read_text())
    assert table["units_per_em"] == 2048
    assert len(table["font"]["sha256"]) == 64
    assert table["font"]["family"] == "Liberation Sans"


# -- helpers ---------------------------------------------------------------------------------------------------


def test_comparable_folds_typography():
    assert comparable("Women’s  “Best” – Guide…") == comparable("women's \"best\" - guide...")


@pytest.mark.parametrize("text, found", [
    ("Coffee %%sep%% %%sitename%%", ["%%sep%%", "%%sitename%%"]),
    ("Price: %%cf_price%%", ["%%cf_price%%"]),
    ("%title% %sep% %sitename%", ["%title%", "%sep%", "%sitename%"]),
    ("%customfield(price)% off", ["%customfield(price)%"]),
    ("#post_title #separator_sa #site_title", ["#post_title", "#separator_sa", "#site_title"]),
    ("100% arabica, 0% fuss", []),
    ("50%off%", []),
    ("#MeToo and #coffee", []),
])
def test_template_variables(text, found):
    assert template_variables(text) == found


def test_same_story():
    assert same_story("Pour le néolibéralisme, la retraite - AOC media",
                      "Pour le néolibéralisme, la retraite | AOC media")
    assert same_story("How to Build a Terrarium (with Pictures) | eHow", "How to Build a Terrarium | eHow")
    assert not same_story("A Brief History of Neon Signage - CityLab", "The Modern Ambitions Behind Neon")


# -- title: presence and placement -----------------------------------------------------------------------------


def test_missing_empty_multiple_outside_head():
    assert rules_of(findings("html", page('<meta name="description" content="x">')))["title/missing"] == 1
    assert rules_of(findings("html", page("<title> </title>")))["title/empty"] == 1
    found = findings("html", page("<title>Coffee - Example</title><title>Example</title>"), "title/multiple")
    assert len(found) == 1 and "with different text" in found[0].message and found[0].location.line == 1


# -- title: length and width -----------------------------------------------------------------------------------


def test_width_not_characters_decides_the_cut():
    wide = "WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA SALE - WORLDWIDE"  # 60 characters
    [too_wide] = [f for f in findings("html", page(f"<title>{wide}</title>")) if f.rule.startswith("title/")]
    assert too_wide.rule == "title/width-px-too-wide" and too_wide.severity.label == "info"
    assert too_wide.value == 768 and too_wide.expected == "at most 600 px"
    assert too_wide.message == ("title is 768 px wide (60 characters) in Arial 20 px, over 600 px: shown as "
                                "'WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA…'")


def test_characters_and_pixels_are_one_finding():
    # 85 characters and 754 px: one fact, one finding (the retired length-chars rules no longer exist).
    text = page("<title>" + "Cities at the core of WIPO's Global Innovation Cluster Index 2024 - Global Cities"
                "</title>")
    assert [f.rule for f in findings("html", text) if f.rule.startswith("title/")] == ["title/width-px-too-wide"]
    with pytest.raises(RuleError, match="retired: characters and pixels of one title are one finding; use "
                                        "'title/width-px-too-wide'"):
        check_refs(["title/length-chars-too-long"])


def test_noindex_pages_are_not_measured():
    text = page('<title>Coffee</title><meta name="robots" content="noindex">')
    assert not findings("html", text, "title/width-px-too-narrow")


def test_one_finding_for_the_same_title_in_two_producers():
    data = json.loads(post(title="A very long title about brewing coffee at home with a French press"))
    data["yoast_head"] = f"<title>{data['yoast_head_json']['title']}</title>"
    found = findings("json", json.dumps(data), "title/width-px-too-wide")
    assert len(found) == 1 and found[0].view == "yoast_head_json"


# -- title: quality --------------------------------------------------------------------------------------------


def test_unreplaced_variables_in_title_and_og_title():
    found = findings("json", post(og_title="Coffee %%sep%% %%sitename%%"), "title/unreplaced-variable")
    assert [f.location.pointer for f in found] == ["/yoast_head_json/og_title"]
    assert found[0].message.startswith("og:title holds unreplaced template variables %%sep%%, %%sitename%%")


def test_same_as_h1_is_opt_in():
    text = page("<title>Brewing coffee</title>", "<h1>Brewing  Coffee</h1>")
    assert not findings("html", text, "title/same-as-h1", Config())  # style advice: off by default
    assert findings("html", text, "title/same-as-h1", Config(select=("title",)))  # selected by category


def test_same_as_h1():
    assert findings("html", page("<title>Brewing coffee</title>", "<h1>Brewing  Coffee</h1>"), "title/same-as-h1")
    assert not findings("html", page("<title>Brewing coffee - Example</title>", "<h1>Brewing coffee</h1>"),
                        "title/same-as-h1")
    # The H1 is read from the parsed page: markup between words separates them, entities are decoded once,
    # and the finding gives the H1's line.
    [found] = findings("html", page("<title>Brewing coffee &amp; tea</title>",
                                    "\n<h1 class='t'>Brewing<br>coffee &amp;\n <em>tea</em></h1>"), "title/same-as-h1")
    assert "(line 2)" in found.message
    # A WordPress post whose content starts with the same H1.
    text = json.dumps({"id": 1, "status": "publish", "type": "post", "link": "https://example.org/a/",
                       "title": {"rendered": "A"}, "content": {"rendered": "<h1>Brewing coffee</h1><p>x</p>"},
                       "yoast_head_json": {"title": "Brewing coffee"}})
    [found] = findings("json", text, "title/same-as-h1")
    assert "content.rendered" in found.message


def test_social_title_mismatch_and_twitter_fallback():
    head = "<title>Brewing coffee at home - Example</title>"
    assert findings("html", page(head + '<meta property="og:title" content="Spring sale on grinders">'),
                    "title/social-mismatch")
    assert not findings("html", page(head + '<meta property="og:title" content="Brewing coffee at home">'),
                        "title/social-mismatch")
    assert not findings("html", page(head + '<meta property="og:title" content="Brewing coffee at home | Example">'
                                     '<meta name="twitter:card" content="summary">'), "title/social-mismatch")


def test_post_title_contained_after_one_decode():
    # wptexturize curls the apostrophe and encodes it; Yoast keeps the straight one: the same title.
    assert not findings("json", post(title="Women&#8217;s guide").replace(
        "Women&#8217;s guide - Example", "Women's guide - Example"), "title/post-title-mismatch")
    data = json.loads(post())
    data["yoast_head_json"]["title"] = "Old name - Example"
    [found] = findings("json", json.dumps(data), "title/post-title-mismatch")
    assert found.expected == "a title containing 'Brewing coffee at home'"


# -- description -----------------------------------------------------------------------------------------------


def test_description_missing_empty_multiple_outside_head():
    assert findings("html", page("<title>Coffee - Example</title>"), "description/missing")
    assert findings("html", page('<title>C</title><meta name="description" content="">'), "description/empty")
    two = page(f'<title>C</title><meta name="description" content="{GOOD_DESCRIPTION}">'
               '<meta name="description" content="Example is a blog.">')
    assert "with different text" in findings("html", two, "description/multiple")[0].message
    early = ('<html><head><title>C</title><iframe src="https://ads.example.net/"></iframe>'
             f'<meta name="description" content="{GOOD_DESCRIPTION}"></head></html>')
    [found] = findings("html", early, "description/outside-head")
    assert "<iframe> at line 1 ended <head> early" in found.message
    assert not findings("html", early, "description/missing")


def test_description_missing_not_reported_on_noindex():
    assert not findings("html", page('<title>C</title><meta name="robots" content="noindex, follow">'),
                        "description/missing")


def test_description_missing_in_yoast_json_names_the_og_fallback():
    [found] = findings("json", post(og_description="We brew coffee every morning."), "description/missing")
    assert found.message == ("no meta description: yoast_head_json has no description key "
                             "(it prints og:description only: 'We brew coffee every morning.')")


def test_description_lengths():
    [short] = findings("html", page('<title>C</title><meta name="description" content="Coffee.">'),
                       "description/width-px-too-narrow")
    assert "(7 characters)" in short.message  # characters and pixels: one finding
    long = " ".join(["Everything we learned brewing coffee at home."] * 4)
    [wide] = findings("html", page(f'<title>C</title><meta name="description" content="{long}">'),
                      "description/width-px-too-wide")
    assert "(183 characters)" in wide.message
    fine = rules_of(findings("html", page(f'<title>C</title><meta name="description" content="{GOOD_DESCRIPTION}">')))
    assert not [r for r in fine if r.startswith("description/") and ("length" in r or "width" in r)]


def test_description_social_mismatch():
    head = f'<title>C</title><meta name="description" content="{GOOD_DESCRIPTION}">'
    assert findings("html", page(head + '<meta property="og:description" content="Spring sale on grinders.">'),
                    "description/social-mismatch")
    shortened = "How we brew coffee at home with a French press: grind, ratio."
    assert not findings("html", page(head + f'<meta property="og:description" content="{shortened}">'),
                        "description/social-mismatch")


# -- wordpress/double-encoded-entity ---------------------------------------------------------------------------


def test_double_encoded_entities_everywhere():
    schema = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": "https://example.org/coffee/#article", "headline": "Women&amp;#8217;s guide"},
        {"@type": "WebSite", "@id": "https://example.org/#website", "name": "S&amp;T &#8211; Example"}]}
    data = json.loads(post(title="Fish &amp;amp; Chips", og_description="Pasta &amp;amp; Noodles", schema=schema))
    found = findings("json", json.dumps(data), "wordpress/double-encoded-entity")
    where = {f.location.pointer for f in found}
    assert where == {"/title/rendered", "/yoast_head_json/title", "/yoast_head_json/og_description",
                     "/yoast_head_json/schema/@graph/0/headline"}
    headline = next(f for f in found if f.location.pointer.endswith("headline"))
    assert headline.expected == "Women’s guide"


def test_single_encoded_and_ampersand_text_pass():
    html = page('<title>Fish &amp; Chips &#8211; AT&T R&D</title>'
                '<meta property="og:title" content="Fish &amp; Chips &hellip; &T; &foo;">')
    assert not findings("html", html, "wordpress/double-encoded-entity")


# -- the real corpus -------------------------------------------------------------------------------------------


@needs_corpus
def test_globalcitieshub_post():
    found = corpus(GLOBALCITIES)
    by_rule = {f.rule: f for f in found}
    missing = by_rule["description/missing"]
    assert missing.location.pointer == "/yoast_head_json" and missing.view == "yoast_head_json"
    assert "it prints og:description only: 'Innovation is one of the key forces" in missing.message
    truncated = by_rule["description/truncated-excerpt"]
    assert truncated.location.pointer == "/yoast_head_json/og_description"
    assert truncated.message.startswith("og:description is a truncated excerpt: it ends in an ellipsis")
    assert truncated.value.endswith("launched\xa0on 26 September but …")
    wide = by_rule["title/width-px-too-wide"]
    assert (wide.value, wide.location.pointer) == (754, "/yoast_head_json/title")
    assert "(85 characters)" in wide.message
    # The post title is inside Yoast's "<title> - Global Cities Hub"; og_description's S&amp;T decodes once.
    assert set(by_rule) == {"description/missing", "description/truncated-excerpt", "title/width-px-too-wide"}


@needs_corpus
def test_local_yoast_clean_and_crafted_cases():
    assert not corpus(LOCAL / "post-canonical-noindex.json")  # noindex: nothing is measured, all present
    assert [f.rule for f in corpus(LOCAL / "post-custom-canonical.json")] == ["description/missing"]
    draft = rules_of(corpus(LOCAL / "post-draft.edit.json"))
    assert draft == {"title/post-title-mismatch": 1, "description/width-px-too-narrow": 1}
    [mismatch] = corpus(LOCAL / "post-draft.edit.json", "title/post-title-mismatch")
    assert mismatch.value == "Custom SEO title of the draft - seoaudit e2e"
    about = corpus(LOCAL / "page-about.json", "title/social-mismatch")
    assert [f.value for f in about] == ["About the probe site (OG title)"]


@needs_corpus
def test_wordpress_sample_content_is_boilerplate():
    found = corpus(LOCAL / "posts-collection.json", "title/vague")
    assert [f.value for f in found] == ["Hello world! - seoaudit e2e"]
    pages = corpus(LOCAL / "pages-collection.json", "title/vague")
    assert [f.value for f in pages] == ["Sample Page - seoaudit e2e"]


@needs_corpus
def test_capripost_straight_apostrophe_is_the_same_title():
    assert not corpus(CORPUS / "wp" / "tiberia-capripost" / "capripost_post_22177.json", "title/post-title-mismatch")


@needs_corpus
def test_nextwp_auto_excerpts_are_truncated():
    found = corpus(CORPUS / "wp" / "nextwp" / "mock-posts-data.json", "description/truncated-excerpt")
    assert len(found) == 9 and all("auto-excerpt marker '[…]'" in f.message for f in found)


@needs_corpus
def test_real_html_pages():
    # PHP warnings printed before <html>: one finding, the canonical's (it is among the moved tags)
    php_page = HTML / "trafilatura" / "eval__bibliothek2null.de.mai.html"
    [php] = [f for r in audit_example("html", php_page.read_text(errors="replace")) for f in r.findings
             if f.rule.endswith("outside-head")]
    assert php.message.startswith("<br> at line 1 ended <head> early, so 4 head tags are in <body>: <title> (line 9)")
    [telegraph] = corpus(HTML / "readability" / "telegraph.html", "wordpress/double-encoded-entity")
    assert "&quot;" in telegraph.message and telegraph.expected.count('"Blue House"') == 1
    [github] = corpus(HTML / "metascraper" / "github.html", "wordpress/double-encoded-entity")[:1]
    assert "&amp;" in github.message
    [tumblr] = corpus(HTML / "readability" / "tumblr.html", "title/keyword-stuffing")
    assert "'minecraft' ×3" in tumblr.message
    [techcrunch] = corpus(HTML / "metascraper" / "techcrunch.html", "title/multiple")
    assert "all the same" in techcrunch.message
    [markup] = corpus(HTML / "recipe-scrapers" / "blueapron.com__blueapron.html", "description/contains-markup")
    assert "<strong>" in markup.message


def test_whole_corpus_is_quiet_where_it_should_be(corpus_audit):
    mine = {"title", "description", "wordpress/double-encoded-entity"}
    counts: Counter = Counter()
    documents = len(corpus_audit)
    for document in corpus_audit:
        for finding in document.findings:
            assert finding.rule != "input/internal-error", finding.message
            if finding.rule in mine or finding.category in mine:
                counts[finding.rule] += 1
    # Rare by nature: a rule that starts firing on many pages has a bug.
    for rule in ("title/missing", "title/empty", "title/multiple", "title/vague", "title/keyword-stuffing",
                 "title/post-title-mismatch", "description/contains-markup", "wordpress/double-encoded-entity"):
        assert counts[rule] <= documents * 0.05, (rule, counts[rule])
    assert counts["title/unreplaced-variable"] == counts["description/unreplaced-variable"] == 0
