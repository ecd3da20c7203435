"""The image family: declared og:image and ImageObject URLs and sizes, on crafted cases and the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seoaudit.engine import Config
from seoaudit.model import Severity

from ..conftest import CORPUS, audit_example, needs_corpus

IMAGE_ONLY = Config(select=("image",))
UPLOAD = "https://example.com/wp-content/uploads/2024/05/cover.jpg"
LARGE = {"index": "index", "follow": "follow", "max-image-preview": "max-image-preview:large"}


def found(results, rule: str):
    return [f for result in results for f in result.findings if f.rule == rule]


def run_json(data, config: Config = IMAGE_ONLY):
    return audit_example("json", json.dumps(data), config)


def run_html(head: str, config: Config = IMAGE_ONLY):
    return audit_example("html", f"<html><head><title>T</title>\n{head}\n</head><body></body></html>", config)


def run_file(relative: str, config: Config = IMAGE_ONLY):
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is absent")
    return audit_example(path.suffix.lstrip("."), path.read_text(encoding="utf-8", errors="replace"), config)


def post(yoast: dict | None = None, **fields) -> dict:
    data = {"id": 7, "link": "https://example.com/hello/", "status": "publish", "type": "post",
            "title": {"rendered": "Hello"}, **fields}
    if yoast is not None:
        data["yoast_head_json"] = yoast
    return data


def graph(*nodes) -> dict:
    return {"@context": "https://schema.org", "@graph": list(nodes)}


def jsonld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def og(url: str, width: str | None = None, height: str | None = None) -> str:
    tags = f'<meta property="og:image" content="{url}">'
    if width is not None:
        tags += f'\n<meta property="og:image:width" content="{width}">'
    if height is not None:
        tags += f'\n<meta property="og:image:height" content="{height}">'
    return tags


# -- image/og-missing --------------------------------------------------------------------------------


OPEN_GRAPH = {"title": "Hello", "og_title": "Hello", "og_type": "article", "og_url": "https://example.com/hello/"}
OG_TAGS = ('<meta property="og:title" content="T"><meta property="og:type" content="article">'
           '<meta property="og:url" content="https://example.com/t/">')


def test_og_missing_on_a_page_without_open_graph_is_required_missings():
    results = audit_example("json", json.dumps(post({"title": "Hello"})),
                            Config(select=("image", "opengraph/required-missing")))
    assert [f.rule for r in results for f in r.findings if "missing" in f.rule] == ["opengraph/required-missing"]


# -- image/og-not-absolute ---------------------------------------------------------------------------


# -- image/og-dimensions-missing ----------------------------------------------------------------------


def test_og_dimensions_yoast_empty_strings_point_at_the_width_field():
    data = post({"og_image": [{"url": UPLOAD, "width": "", "height": "", "type": ""}]})
    hits = found(run_json(data), "image/og-dimensions-missing")
    assert len(hits) == 1
    assert hits[0].location.pointer == "/yoast_head_json/og_image/0/width"
    assert hits[0].message == (f'og:image {UPLOAD} has no usable size: og:image:width empty (""), '
                               'og:image:height empty ("")')
    assert hits[0].value == {"width": "", "height": ""}


def test_og_dimensions_names_only_the_missing_side():
    data = post({"og_image": [{"url": UPLOAD, "width": 1200}]})
    hits = found(run_json(data), "image/og-dimensions-missing")
    assert [h.message for h in hits] == [f"og:image {UPLOAD} has no usable size: og:image:height missing"]
    assert hits[0].location.pointer == "/yoast_head_json/og_image/0"


@pytest.mark.parametrize("bad", ["0", "1200px", "12.5", "-1"])
def test_og_dimensions_not_an_integer(bad):
    hits = found(run_html(og(UPLOAD, bad, "630")), "image/og-dimensions-missing")
    assert len(hits) == 1 and f"og:image:width {bad!r} is not a positive integer" in hits[0].message
    assert hits[0].location.line == 3  # the og:image:width tag


def test_og_dimensions_html_missing_points_at_the_og_image_line():
    hits = found(run_html(og(UPLOAD)), "image/og-dimensions-missing")
    assert [h.location.line for h in hits] == [2]


def test_og_dimensions_duplicate_url_with_size_is_enough():
    assert not found(run_html(og(UPLOAD) + "\n" + og(UPLOAD, "1200", "630")), "image/og-dimensions-missing")


def test_og_dimensions_one_finding_per_url_and_per_distinct_image():
    other = "https://example.com/other.jpg"
    hits = found(run_html(og(UPLOAD) + "\n" + og(UPLOAD) + "\n" + og(other)), "image/og-dimensions-missing")
    assert [UPLOAD in h.message for h in hits] == [True, False]


def test_og_dimensions_suggests_the_schema_size():
    node = {"@type": "ImageObject", "@id": "https://example.com/hello/#primaryimage", "url": UPLOAD,
            "contentUrl": UPLOAD, "width": 1423, "height": 948}
    hits = found(run_json(post({"og_image": [{"url": UPLOAD}], "schema": graph(node)})),
                 "image/og-dimensions-missing")
    assert hits[0].expected == "1423×948" and "its schema ImageObject declares 1423×948" in hits[0].message


# -- image/dimensions-disagree ------------------------------------------------------------------------


def test_dimensions_disagree_between_yoast_head_and_yoast_head_json():
    head = (f'<meta property="og:image" content="{UPLOAD}" />\n'
            '<meta property="og:image:width" content="1024" />\n<meta property="og:image:height" content="538" />')
    data = post({"og_image": [{"url": UPLOAD, "width": 1200, "height": 630}]}, yoast_head=head)
    hits = found(run_json(data), "image/dimensions-disagree")
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.value, hit.expected, hit.view) == ("1024×538", "1200×630", "yoast_head")
    assert (hit.location.pointer, hit.location.line) == ("/yoast_head", 2)
    assert "og:image in yoast_head_json (/yoast_head_json/og_image/0/width)" in hit.message
    assert hit.message.endswith("width and height differ")


def test_dimensions_disagree_og_versus_image_object_height_only():
    node = {"@type": "ImageObject", "url": UPLOAD, "contentUrl": UPLOAD, "width": 1200, "height": 675}
    data = post({"og_image": [{"url": UPLOAD, "width": 1200, "height": 630}], "schema": graph(node)})
    hits = found(run_json(data), "image/dimensions-disagree")
    assert [(h.value, h.expected, h.location.pointer) for h in hits] == [
        ("1200×675", "1200×630", "/yoast_head_json/schema/@graph/0/height")]


def test_dimensions_disagree_ignores_undeclared_sizes_and_other_urls():
    nodes = [{"@type": "ImageObject", "url": UPLOAD},
             {"@type": "ImageObject", "url": "https://example.com/logo.png", "width": 60, "height": 60}]
    data = post({"og_image": [{"url": UPLOAD, "width": 1200, "height": 630}], "schema": graph(*nodes)})
    assert not found(run_json(data), "image/dimensions-disagree")


def test_dimensions_disagree_reads_pixel_strings_in_schema():
    block = jsonld({"@context": "https://schema.org", "@type": "Article",
                    "image": {"@type": "ImageObject", "url": UPLOAD, "width": "1200px", "height": "630 px"}})
    assert not found(run_html(og(UPLOAD, "1200", "630") + "\n" + block), "image/dimensions-disagree")


# -- image/object-url-missing ------------------------------------------------------------------------


def test_object_url_missing_empty_url_points_at_it():
    node = {"@type": "ImageObject", "@id": "https://example.com/hello/#primaryimage", "url": "", "contentUrl": ""}
    hits = found(run_json(post({"schema": graph(node)})), "image/object-url-missing")
    assert len(hits) == 1
    assert hits[0].location.pointer == "/yoast_head_json/schema/@graph/0/url"
    assert hits[0].message.startswith("ImageObject https://example.com/hello/#primaryimage has no url or contentUrl")


def test_object_url_missing_inline_logo_without_url():
    block = jsonld({"@context": "https://schema.org", "@type": "Organization", "name": "Org",
                    "logo": {"@type": "ImageObject", "width": 60, "height": 60}})
    hits = found(run_html(block), "image/object-url-missing")
    assert [(h.message, h.location.path) for h in hits] == [
        ("ImageObject Organization logo has no url or contentUrl", "/logo")]


@pytest.mark.parametrize("node", [
    {"@type": "ImageObject", "contentUrl": UPLOAD},
    {"@type": "ImageObject", "url": ["", UPLOAD]},
    {"@type": "ImageObject", "url": "", "contentUrl": UPLOAD},
])
def test_object_url_missing_passes_when_either_url_is_set(node):
    assert not found(run_json(post({"schema": graph(node)})), "image/object-url-missing")


# -- image/object-dimensions-missing ------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "fires"), [
    (1200, 630, False), ("1200", "630", False), ("1600px", "1069 px", False),
    ({"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"}, 630, False),
    (None, None, True), ("", "", True), ("10 cm", 630, True), (0, 630, True), (1200.5, 630, True),
])
def test_object_dimensions_values(width, height, fires):
    node = {"@type": "ImageObject", "url": UPLOAD}
    node.update({k: v for k, v in (("width", width), ("height", height)) if v is not None})
    hits = found(run_json(post({"schema": graph(node)})), "image/object-dimensions-missing")
    assert bool(hits) is fires


def test_object_dimensions_location_and_message():
    node = {"@type": "ImageObject", "@id": "https://example.com/hello/#primaryimage", "url": UPLOAD, "height": 630}
    hits = found(run_json(post({"schema": graph(node)})), "image/object-dimensions-missing")
    assert [(h.message, h.location.pointer) for h in hits] == [
        ("ImageObject https://example.com/hello/#primaryimage has no usable size: width missing",
         "/yoast_head_json/schema/@graph/0")]


def test_object_dimensions_skips_yoast_person_avatar_inline_and_by_reference():
    avatar = {"@type": "ImageObject", "@id": "https://example.com/#/schema/person/image/",
              "url": "https://secure.gravatar.com/avatar/1?s=96", "contentUrl": "https://secure.gravatar.com/avatar/1?s=96"}
    inline = {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ana", "image": avatar}
    assert not found(run_json(post({"schema": graph(inline)})), "image/object-dimensions-missing")
    by_ref = [{"@type": "Person", "name": "Ana", "image": {"@id": avatar["@id"]}}, avatar]
    assert not found(run_json(post({"schema": graph(*by_ref)})), "image/object-dimensions-missing")


def test_object_dimensions_reports_a_logo_without_size():
    logo = {"@type": "ImageObject", "url": "https://example.com/logo.png"}
    org = {"@type": "Organization", "name": "Org", "logo": logo}
    hits = found(run_json(post({"schema": graph(org)})), "image/object-dimensions-missing")
    assert [h.location.pointer for h in hits] == ["/yoast_head_json/schema/@graph/0/logo"]


# -- image/too-small ---------------------------------------------------------------------------------


def test_too_small_og_image():
    hits = found(run_html(og(UPLOAD, "150", "150")), "image/too-small")
    assert [(h.value, h.expected, h.location.line) for h in hits] == [("150×150", "at least 200×200", 3)]


def test_too_small_only_height_points_at_height():
    hits = found(run_json(post({"og_image": [{"url": UPLOAD, "width": 1200, "height": 100}]})), "image/too-small")
    assert [h.location.pointer for h in hits] == ["/yoast_head_json/og_image/0/height"]


def test_too_small_boundary_and_option():
    assert not found(run_html(og(UPLOAD, "200", "200")), "image/too-small")
    strict = Config(select=("image",), options={"image/too-small": {"min_width": 600, "min_height": 315}})
    assert found(run_html(og(UPLOAD, "500", "400"), strict), "image/too-small")


def test_too_small_judges_og_images_only_and_too_few_pixels_the_schema_image():
    # Facebook's 200×200 is for share images; a small schema image is Google's 50,000 pixels' business.
    page_id = "https://example.com/hello/"
    nodes = [{"@type": "WebPage", "@id": page_id, "primaryImageOfPage": {"@id": page_id + "#primaryimage"}},
             {"@type": "ImageObject", "@id": page_id + "#primaryimage", "url": UPLOAD, "width": 64, "height": 64},
             {"@type": "Organization", "name": "Org",
              "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png", "width": 60, "height": 60}}]
    results = run_json(post({"schema": graph(*nodes)}))
    assert not found(results, "image/too-small")
    hits = found(results, "image/too-few-pixels")
    assert [(h.value, h.location.pointer, h.severity) for h in hits] == [
        (4096, "/yoast_head_json/schema/@graph/1/width", Severity.WARNING)]
    assert "declares 64×64 = 4,096 pixels" in hits[0].message


def test_one_small_og_image_is_one_finding_that_says_declares():
    results = run_json(post({"og_image": [{"url": UPLOAD, "width": 150, "height": 150}]}))
    hits = found(results, "image/too-small") + found(results, "image/too-few-pixels")
    assert [(h.rule, h.severity) for h in hits] == [("image/too-small", Severity.ERROR)]
    assert hits[0].message == f"og:image in yoast_head_json {UPLOAD} declares 150×150, under the 200×200 minimum"


def test_too_small_og_and_image_object_of_one_file_report_once():
    nodes = [{"@type": "Article", "image": {"@type": "ImageObject", "url": UPLOAD, "width": 150, "height": 150}}]
    data = post({"og_image": [{"url": UPLOAD, "width": 150, "height": 150}], "schema": graph(*nodes)})
    assert len(found(run_json(data), "image/too-small")) == 1


# -- image/preview-too-narrow ------------------------------------------------------------------------


def test_preview_too_narrow_fires_under_large_preview():
    data = post({"robots": LARGE, "og_image": [{"url": UPLOAD, "width": 1024, "height": 538}]})
    hits = found(run_json(data), "image/preview-too-narrow")
    assert [(h.value, h.expected, h.location.pointer) for h in hits] == [
        (1024, 1200, "/yoast_head_json/og_image/0/width")]


@pytest.mark.parametrize("robots", [
    {"index": "index", "follow": "follow"},
    {"index": "noindex", "follow": "follow", "max-image-preview": "max-image-preview:large"},
    {"index": "index", "max-image-preview": "max-image-preview:standard"},
])
def test_preview_too_narrow_needs_large_preview_on_an_indexable_page(robots):
    data = post({"robots": robots, "og_image": [{"url": UPLOAD, "width": 800, "height": 600}]})
    assert not found(run_json(data), "image/preview-too-narrow")


def test_preview_too_narrow_uses_the_widest_and_skips_unsized():
    two = post({"robots": LARGE, "og_image": [{"url": UPLOAD, "width": 800, "height": 600},
                                               {"url": "https://example.com/big.jpg", "width": 1600, "height": 900}]})
    assert not found(run_json(two), "image/preview-too-narrow")
    unsized = post({"robots": LARGE, "og_image": [{"url": UPLOAD, "width": "", "height": ""}]})
    assert not found(run_json(unsized), "image/preview-too-narrow")


def test_preview_too_narrow_reads_html_and_googlebot():
    head = '<meta name="googlebot" content="max-image-preview:large">\n' + og(UPLOAD, "1000", "500")
    assert [h.value for h in found(run_html(head), "image/preview-too-narrow")] == [1000]
    lenient = Config(select=("image",), options={"image/preview-too-narrow": {"min_width": 1000}})
    assert not found(run_html(head, lenient), "image/preview-too-narrow")


# -- image/too-few-pixels ----------------------------------------------------------------------------


def test_too_few_pixels_article_image():
    block = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
                    "image": [{"@type": "ImageObject", "url": UPLOAD, "width": 300, "height": 150}]})
    hits = found(run_html(block), "image/too-few-pixels")
    assert [(h.value, h.expected, h.location.path) for h in hits] == [(45000, 50000, "/image/0/width")]


def test_too_few_pixels_prefers_the_schema_image_over_og():
    block = jsonld({"@context": "https://schema.org", "@type": "BlogPosting",
                    "image": {"@type": "ImageObject", "url": UPLOAD, "width": 1200, "height": 675}})
    assert not found(run_html(og("https://example.com/t.jpg", "150", "150") + "\n" + block), "image/too-few-pixels")


def test_too_few_pixels_falls_back_to_the_first_og_image_only():
    small_first = post({"og_image": [{"url": UPLOAD, "width": 220, "height": 220}]})
    assert [h.value for h in found(run_json(small_first), "image/too-few-pixels")] == [48400]
    small_second = post({"og_image": [{"url": UPLOAD, "width": 1200, "height": 630},
                                      {"url": "https://example.com/logo.png", "width": 100, "height": 100}]})
    assert not found(run_json(small_second), "image/too-few-pixels")


# -- the real corpus ---------------------------------------------------------------------------------


@needs_corpus
def test_corpus_globalcitieshub_preview_too_narrow_only():
    results = run_file("wp/globalcitieshub/post-21227.json")
    rules = {f.rule for r in results for f in r.findings}
    # og:image 786×524 under max-image-preview:large: above 200×200 and above 50,000 px (411,864).
    assert rules == {"image/preview-too-narrow"}
    hit = found(results, "image/preview-too-narrow")[0]
    assert (hit.value, hit.expected, hit.location.pointer, hit.view) == (
        786, 1200, "/yoast_head_json/og_image/0/width", "yoast_head_json")
    # yoast_head, yoast_head_json and both #primaryimage pieces all say 786×524; the townhub
    # avatar ImageObject (a Person image without size) is not reported.


@needs_corpus
def test_corpus_local_yoast_author_gravatar_has_no_og_size():
    hits = found(run_file("wp/local-yoast/user-admin.json"), "image/og-dimensions-missing")
    assert len(hits) == 1
    assert hits[0].location.pointer == "/yoast_head_json/og_image/0"
    assert hits[0].value == {"width": None, "height": None}
    assert "gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=500" in hits[0].message
    # Its schema Person image (the s=96 Gravatar) has no size either: by design, not reported.
    assert not found(run_file("wp/local-yoast/user-admin.json"), "image/object-dimensions-missing")


@needs_corpus
def test_corpus_local_yoast_featured_image_is_clean():
    for name in ("post-featured-image.json", "post-featured-image.edit.json"):
        assert not [f for r in run_file(f"wp/local-yoast/{name}") for f in r.findings], name


@needs_corpus
@pytest.mark.parametrize("name", ["post-no-image.json", "post-draft.edit.json", "post-canonical-noindex.json",
                                  "post-custom-canonical.json", "page-about.json", "category-guides.json"])
def test_corpus_local_yoast_without_image_misses_og_image_only(name):
    results = run_file(f"wp/local-yoast/{name}")
    assert {f.rule for r in results for f in r.findings} == {"image/og-missing"}
    assert found(results, "image/og-missing")[0].location.pointer == "/yoast_head_json"


@needs_corpus
def test_corpus_plain_wordpress_core_objects_are_not_judged():
    results = run_file("wp/wordpress-develop/PostModel.json")
    assert not [f for r in results for f in r.findings]


@needs_corpus
def test_corpus_headstartwp_og_image_without_size_but_schema_has_it():
    results = run_file("wp/headstartwp/posts__posts.json")
    hits = found(results, "image/og-dimensions-missing")
    assert [(h.location.pointer, h.expected) for h in hits] == [
        ("/0/yoast_head_json/og_image/0", "1423×948"), ("/1/yoast_head_json/og_image/0", "354×283")]
    narrow = {h.location.pointer: h.value for h in found(results, "image/preview-too-narrow")}
    assert narrow == {"/1/yoast_head_json/schema/@graph/1/width": 354, "/3/yoast_head_json/og_image/0/width": 293,
                      "/6/yoast_head_json/og_image/0/width": 1174, "/8/yoast_head_json/og_image/0/width": 1090,
                      "/9/yoast_head_json/og_image/0/width": 606}
    assert not found(results, "image/too-small") and not found(results, "image/dimensions-disagree")


@needs_corpus
def test_corpus_fox13now_empty_og_image_and_empty_width():
    results = run_file("html/newspaper4k/fox13now_001.html")
    hits = found(results, "image/og-missing")
    assert [(h.message, h.location.line) for h in hits] == [
        ("og:image is empty in html, so the summary_large_image X card has no image either and shows as a plain link",
         57)]
    # Its JSON-LD Article image is an ImageObject with no url at all.
    assert [h.location.path for h in found(results, "image/object-url-missing")] == ["/image"]


@needs_corpus
def test_corpus_relative_og_images():
    hit = found(run_file("html/trafilatura/eval__mobilsicher.de.icloud.html"), "image/og-not-absolute")
    assert [(h.location.line, h.expected) for h in hit] == [
        (55, "https://mobilsicher.de/wp-content/uploads/2018/03/banner_aktuelles_1920x1080px_v4-1.jpg")]
    hit = found(run_file("html/recipe-scrapers/recipe.yamasa.com__yamasa_1.html"), "image/og-not-absolute")
    assert [h.message for h in hit] == [
        "og:image is malformed: '#<ActiveStorage::VariantWithRecord:0x00007f733f085930>'"]
    hit = found(run_file("html/extruct/websites/microdata-with-description.html"), "image/og-not-absolute")
    assert [(h.message, h.expected) for h in hit] == [
        ("og:image is protocol-relative: '//www.monsterpetsupplies.co.uk/Images/share.png'",
         "https://www.monsterpetsupplies.co.uk/Images/share.png")]


@needs_corpus
def test_corpus_dimensions_disagree_autoindustria():
    hits = found(run_file("html/newspaper4k/autoindustria.html"), "image/dimensions-disagree")
    assert [(h.value, h.expected, h.location.line, h.location.path) for h in hits] == [
        ("960×640", "640×425", 23, "/image/width")]


@needs_corpus
def test_corpus_small_images():
    results = run_file("html/trafilatura/eval__creativecommons.ch.wie.html")  # a 64×64 CC badge as #primaryimage
    assert not found(results, "image/too-small")  # a schema image: not Facebook's minimum
    assert [h.value for h in found(results, "image/too-few-pixels")] == [4096]
    results = run_file("html/readability/spiceworks.html")  # a 1×1 tracking pixel as og:image
    assert [h.value for h in found(results, "image/too-small")] == ["1×1"]


@needs_corpus
def test_corpus_empty_logo_url():
    hits = found(run_file("html/trafilatura/eval__diariolahuella.com-aeropuerto.html"), "image/object-url-missing")
    # the same empty logo object, written on the Organization and again under the article's publisher: one finding
    assert [(h.location.line, h.location.path, h.value, h.severity) for h in hits] == [
        (167, "/logo/url", {"url": ""}, Severity.WARNING)]


@needs_corpus
def test_corpus_yoast_gravatar_person_images_never_reported():
    """Every Yoast post in the corpus has a Gravatar Person image without size; none is a finding."""
    for relative in ("wp/local-yoast/posts-collection.json", "wp/nextwp/mock-posts-data.json",
                     "wp/tiberia-capripost/capripost_post_22177.json",
                     "wp/yoast-developer/get_head_site-structure-the-ultimate-guide.json"):
        hits = found(run_file(relative), "image/object-dimensions-missing")
        assert not hits, (relative, [h.message for h in hits])


def test_corpus_image_rules_never_crash_and_stay_proportionate(corpus_audit):
    counts: dict[str, set] = {}
    documents = len(corpus_audit)
    for document in corpus_audit:
        assert not document.fired({"input/internal-error"})
        for rule in document.fired({"image"}):
            counts.setdefault(rule, set()).add(document.source)
    # Only the "absent metadata" rules may touch a large share of pages; value checks stay rare.
    for rule in ("image/dimensions-disagree", "image/object-url-missing", "image/og-not-absolute",
                 "image/too-small", "image/too-few-pixels"):
        assert len(counts.get(rule, ())) < documents * 0.05, rule
    assert Path(CORPUS).is_dir()
