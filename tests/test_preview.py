"""The preview model: where Google and the share cards cut known titles and descriptions, how images are
cropped to each card's ratio, which tags each platform reads, and which findings sit beside which element."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seoaudit.derive.text import width_px
from seoaudit.preview import build, element_of
from seoaudit.preview.cards import cards, x_card_type
from seoaudit.preview.geometry import contain, cover, ratio_label
from seoaudit.preview.images import RealImage
from seoaudit.preview.search import results
from seoaudit.preview.text import Ruler, fit_budget, fit_chars, fit_lines, wrap

WIDE_TITLE = "WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA SALE - WORLDWIDE"  # title/width-px-too-wide's example
COFFEE = ("Everything we learned in ten years of brewing coffee at home: grinders, kettles, scales, filters, French "
          "presses, pour-over cones, water chemistry and the beans we keep coming back to.")


# -- cutting text ---------------------------------------------------------------------------------------------


def test_desktop_title_is_cut_after_the_last_whole_word_that_fits_600_px():
    printed = fit_lines(WIDE_TITLE, 600, 20)
    assert printed.cut and printed.width_px == 768
    assert printed.shown == "WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA ..."
    assert printed.kept == len("WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA")
    # the cut point is the widest run of whole words that fits with its " ...": one more word would not
    assert width_px(printed.shown, 20) <= 600
    assert width_px("WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA SALE ...", 20) > 600


def test_a_title_that_fits_is_not_cut():
    printed = fit_lines("Winter workwear sale - Example", 600, 20)
    assert not printed.cut and printed.lines == ("Winter workwear sale - Example",)
    assert printed.kept == len("Winter workwear sale - Example")


def test_narrow_letters_fit_where_wide_ones_do_not():
    narrow, wide = "i" * 100, "W" * 100
    assert not fit_lines(narrow, 600, 20).cut  # 100 × 4 px
    cut = fit_lines(wide, 600, 20)
    assert cut.cut and cut.kept == 30 and cut.shown == "W" * 30 + " ..."  # one word: cut between glyphs
    assert width_px("W" * 30 + " ...", 20) <= 600 < width_px("W" * 31 + " ...", 20)


def test_text_without_spaces_is_cut_between_glyphs():
    title = "東京の天気予報と週間天気、花粉情報と熱中症の危険度、雨雲レーダーと台風情報をまとめてお届けします"
    printed = fit_lines(title, 600, 20)
    assert printed.cut and printed.kept == 28  # each glyph one em (20 px); " ..." takes 22 px of the 600
    assert printed.shown == title[:28] + " ..."


def test_mobile_title_wraps_into_two_lines_then_is_cut():
    title = "How to audit SEO metadata before you publish, with a checklist for WordPress editors - Example Blog"
    printed = fit_lines(title, 368, 16, 2)
    assert printed.lines == ("How to audit SEO metadata before you publish,",
                             "with a checklist for WordPress editors - Example ...")
    assert printed.cut and all(width_px(line, 16) <= 368 for line in printed.lines)
    assert width_px("with a checklist for WordPress editors - Example Blog", 16) > 368  # the last word did not fit


def test_css_clamp_cuts_at_the_last_glyph_with_a_single_ellipsis_character():
    printed = fit_lines(COFFEE, 476, 14, 1, word_cut=False)
    assert printed.shown == "Everything we learned in ten years of brewing coffee at home: grinders, ke…"
    assert width_px(printed.shown, 14) <= 476 < width_px(printed.shown[:-1] + "t…", 14)


def test_desktop_snippet_is_cut_at_the_description_rules_985_px():
    printed = fit_budget(COFFEE, 985, 14)
    assert printed.width_px == 1145 and printed.cut
    assert printed.shown.endswith("water chemistry and the ...")
    assert width_px(printed.shown, 14) <= 985


def test_wrap_breaks_at_spaces_and_keeps_every_word():
    spans = wrap(COFFEE, 300, 14)
    assert " ".join(COFFEE[a:b] for a, b in spans) == COFFEE
    assert all(width_px(COFFEE[a:b], 14) <= 300 for a, b in spans)


def test_discord_counts_utf8_bytes_not_characters():
    ascii_title = "a" * 70
    assert not fit_chars(ascii_title, 70, keep=67, in_bytes=True).cut
    accented = "é" * 40  # 80 bytes
    printed = fit_chars(accented, 70, keep=67, in_bytes=True)
    assert printed.cut and printed.kept == 33 and printed.shown == "é" * 33 + "..."


# -- cropping ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "ratio", "kept", "lost"), [
    ((1200, 630), 1.91, (1200, 628), 0.0032),  # the recommended share image: a sliver
    ((1600, 900), 1.91, (1600, 838), 0.0689),  # 16:9: top and bottom
    ((1000, 1000), 2.0, (1000, 500), 0.5),  # a square in X's large card loses half
    ((800, 1200), 1.0, (800, 800), 0.3333),  # a portrait in a square thumbnail
    ((3000, 1000), 1.91, (1910, 1000), 0.3633),  # a panorama: the sides go
])
def test_cover_keeps_the_centre_at_the_frame_ratio(size, ratio, kept, lost):
    crop = cover(*size, ratio, 500)
    assert (crop.w, crop.h) == kept
    assert crop.lost == pytest.approx(lost, abs=1e-4)
    assert crop.x == (size[0] - kept[0]) // 2 and crop.y == (size[1] - kept[1]) // 2
    assert crop.drawn_w == 500 and crop.drawn_h == round(500 / ratio)


def test_contain_scales_the_whole_image_and_never_enlarges_it():
    assert (contain(1600, 900, 400, 300).drawn_w, contain(1600, 900, 400, 300).drawn_h) == (400, 225)
    assert (contain(900, 1600, 400, 300).drawn_w, contain(900, 1600, 400, 300).drawn_h) == (169, 300)
    small = contain(50, 40, 75, 75)
    assert (small.drawn_w, small.drawn_h, small.lost) == (50, 40, 0.0)


def test_ratio_labels():
    assert [ratio_label(*s) for s in ((191, 100), (2, 1), (1, 1), (4, 3), (1600, 900))] == [
        "1.91:1", "2:1", "1:1", "4:3", "16:9"]


# -- the cards -------------------------------------------------------------------------------------------------


def meta(**extra) -> dict:
    base = {"title": "Hello world - Example", "description": "A post about hello.", "canonical":
            "https://example.com/hello/", "robots": "index, follow", "og": {}, "twitter": {}, "og_images": [],
            "jsonld": []}
    base.update(extra)
    return base


def by_platform(found):
    return {card.platform: card for card in found}


def test_facebook_shows_a_large_image_from_600x315_a_square_below_and_none_under_200x200():
    def facebook(width, height):
        return by_platform(cards(meta(og_images=[{"url": "https://example.com/a.jpg", "width": str(width),
                                                  "height": str(height)}])))["facebook"]

    large = facebook(1200, 630)
    assert large.layout == "large" and large.image.frame == "1.91:1" and large.image.crop.w == 1200
    small = facebook(500, 500)
    assert small.layout == "small" and small.image.frame == "1:1"
    refused = facebook(150, 150)
    assert refused.layout == "text" and refused.image.state == "refused" and "200×200" in refused.image.label


def test_x_falls_back_to_open_graph_for_title_description_and_image():
    page = meta(og={"og:type": "article", "og:title": "OG title", "og:description": "OG description"},
                twitter={"twitter:card": "summary"},
                og_images=[{"url": "https://example.com/a.jpg", "width": "600", "height": "600"}])
    card = by_platform(cards(page))["x"]
    assert (card.title.shown, card.title_source) == ("OG title", "og:title")
    assert (card.description.shown, card.description_source) == ("OG description", "og:description")
    assert card.image.source == "og:image" and card.image.frame == "1:1" and card.layout == "small"


def test_x_twitter_image_that_is_an_og_image_takes_its_declared_size():
    page = meta(twitter={"twitter:card": "summary_large_image", "twitter:image": "https://example.com/a.jpg"},
                og_images=[{"url": "https://example.com/a.jpg", "width": "1000", "height": "1000"}])
    image = by_platform(cards(page))["x"].image
    assert image.source == "twitter:image" and (image.width, image.height) == (1000, 1000)
    assert image.frame == "2:1" and image.crop.lost == pytest.approx(0.5)


def test_x_card_type_without_twitter_card():
    assert x_card_type(meta(og={"og:type": "article", "og:title": "T", "og:description": "D"}))[0] == "summary"
    assert x_card_type(meta(og={"og:title": "T"}))[0] is None
    assert x_card_type(meta(twitter={"twitter:card": ["summary", "summary_large_image"]}))[0] == \
        "summary_large_image"  # the last one wins


def test_x_large_card_shows_no_text_and_a_too_small_image_makes_it_a_summary():
    page = meta(og={"og:title": "Title"}, twitter={"twitter:card": "summary_large_image"},
                og_images=[{"url": "https://example.com/a.jpg", "width": "1200", "height": "630"}])
    large = by_platform(cards(page))["x"]
    assert large.layout == "large" and large.title is None and large.image.crop.h == 600
    page["og_images"][0].update(width="280", height="150")
    small = by_platform(cards(page))["x"]
    assert small.layout == "text" and small.title.shown == "Title" and "300×157" in " ".join(small.notes)


def test_x_summary_title_is_cut_at_70_characters():
    title = "A" + " very" * 20  # 101 characters
    card = by_platform(cards(meta(og={"og:title": title}, twitter={"twitter:card": "summary"})))["x"]
    assert card.title.cut and card.title.kept <= 69 and card.title.shown.endswith("…")


def test_slack_and_discord_scale_without_cropping_and_size_by_card_type():
    page = meta(og={"og:site_name": "Example", "og:title": "T", "og:description": "D" * 400},
                og_images=[{"url": "https://example.com/a.jpg", "width": "1600", "height": "900"}])
    found = by_platform(cards(page))
    assert found["slack"].layout == "small" and found["slack"].image.crop.drawn_w == 75  # longest side 75
    assert found["discord"].layout == "small" and found["discord"].image.crop.drawn_w == 80
    assert found["slack"].description.kept == 300 - 1 and found["discord"].description.kept == 347
    page["twitter"] = {"twitter:card": "summary_large_image"}
    found = by_platform(cards(page))
    assert found["slack"].layout == "large" and found["slack"].image.crop.drawn_w == 360
    assert found["discord"].image.crop.drawn_w == 400 and found["discord"].image.crop.lost == 0
    assert found["slack"].site == "Example"


def test_a_real_size_wins_over_the_declared_one():
    page = meta(og_images=[{"url": "https://example.com/a.jpg", "width": "1200", "height": "630"}])
    real = {"https://example.com/a.jpg": RealImage("https://example.com/a.jpg", "live", 600, 600, "jpeg")}
    image = by_platform(cards(page, real))["facebook"].image
    assert (image.width, image.height, image.size_origin) == (600, 600, "live")
    assert image.declared == (1200, 630) and image.frame == "1.91:1"


def test_an_image_of_unknown_size_is_a_labelled_placeholder():
    page = meta(og_images=[{"url": "https://example.com/a.jpg", "width": "", "height": ""}])
    image = by_platform(cards(page))["facebook"].image
    assert image.state == "unknown-size" and image.crop is None and "unknown size" in image.label


# -- the Google result -----------------------------------------------------------------------------------------


YOAST_GRAPH = [{"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example Site", "url": "https://example.com/"},
    {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 2, "name": "Recipes", "item": "https://example.com/recipes/"},
        {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://example.com/"},
        {"@type": "ListItem", "position": 3, "name": "Hello"}]}]}]


def test_site_name_and_breadcrumb_come_from_structured_data():
    desktop, mobile = results(meta(jsonld=YOAST_GRAPH, og={"og:site_name": "Other"}))
    assert (desktop.site_name.text, desktop.site_name.source) == ("Example Site", "WebSite name")
    assert desktop.breadcrumb == ("https://example.com", "Recipes", "Hello")  # home is the origin itself
    assert desktop.breadcrumb_source == "BreadcrumbList" and mobile.device == "mobile"


def test_without_structured_data_the_url_path_is_the_breadcrumb_and_http_hides_its_scheme():
    desktop, _ = results(meta(canonical="http://example.com/blog/caf%C3%A9/?utm=x#top", og={"og:site_name": "Ex"}))
    assert desktop.breadcrumb == ("example.com", "blog", "café") and desktop.site_name.source == "og:site_name"
    desktop, _ = results(meta(og={}))
    assert desktop.site_name.text == "example.com" and desktop.site_name.source == "host"


def test_desktop_cut_follows_the_width_rules_options():
    page = meta(title=WIDE_TITLE)
    assert results(page)[0].title.cut
    assert not results(page, {"title/width-px-too-wide": {"max_px": 800, "font_px": 20}})[0].title.cut


def test_noindex_pages_are_not_shown():
    desktop, _ = results(meta(robots="noindex, follow"))
    assert not desktop.shown and "noindex" in desktop.notes[0]


# -- findings beside their element -----------------------------------------------------------------------------


def test_findings_are_placed_beside_the_element_they_concern():
    assert element_of("title/width-px-too-wide", "title") == "title"
    assert element_of("canonical/insecure", "canonical") == "url"
    assert element_of("robots/noindex", "robots") == "indexing"
    assert element_of("opengraph/image-alt-missing", "opengraph") == "og-image"
    assert element_of("twitter/large-image-spec", "twitter") == "x-image"
    assert element_of("twitter/site-missing", "twitter") == "twitter"
    assert element_of("schema/dangling-reference", "schema") == "other"
    findings = [{"rule": "title/width-px-too-wide", "category": "title"},
                {"rule": "image/too-small", "category": "image"},
                {"rule": "description/missing", "category": "description"}]
    previews = build(meta(), findings)
    assert previews.placed == {"title": [0], "image": [1], "description": [2]}
    assert previews.for_element("image", "og-image") == [1]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80), st.sampled_from([12, 14, 16, 20, 15.5]))
def test_ruler_measures_any_run_exactly_as_the_rules_do(text, a, b, font):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    assert Ruler(text).px(a, b, font) == width_px(text[a:b], font)
