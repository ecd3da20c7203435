"""The content family (h1, image alt, link text, crawlable links, as Lighthouse defines the last three) on
crafted pages and posts and on the real corpus."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from seoaudit.engine import Config

from ..conftest import CORPUS, audit_example, needs_corpus

WP = CORPUS / "wp"
HTML = CORPUS / "html"


def findings(language: str, text: str, rule: str | None = None) -> list:
    config = Config(select=("content",))  # the category, with its opt-in rule (content/h1-multiple)
    found = [f for result in audit_example(language, text, config) for f in result.findings
             if f.rule.startswith("content/")]
    return [f for f in found if f.rule == rule] if rule else found


def page(body: str, lang: str = "en", head: str = "") -> str:
    return f'<html lang="{lang}"><head><title>Post</title>{head}</head><body><h1>Post</h1>{body}</body></html>'


def post(rendered: str, **fields) -> str:
    data = {"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post",
            "title": {"rendered": "Post"}, "content": {"rendered": rendered, "protected": False}}
    data.update(fields)
    return json.dumps(data)


# -- img-alt-missing ----------------------------------------------------------------------------------------------


@needs_corpus
def test_headstartwp_content_image_without_alt():
    results = audit_example("json", (WP / "headstartwp" / "posts__posts.json").read_text())
    found = {r.document.pointer: [f for f in r.findings if f.rule == "content/img-alt-missing"] for r in results}
    assert sorted(k for k, v in found.items() if v) == ["/1", "/4"]
    assert found["/1"][0].value == ["https://js1.10up.com/wp-content/uploads/2020/05/"
                                    "57f82760-2bc2-326a-9ceb-52ed42eaf41a.jpg"]


# -- link-text ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body, lang", [
    ('<a href="/pricing/">Click here</a>', "en"),
    ('<a href="/pricing/">  READ\n   more </a>', "en"),
    ('<a href="/pricing/"><span>Learn</span> <b>more</b></a>', "en"),
    ('<a href="/preise/">hier</a>', "de"),
    ('<a href="/precios/">Más información</a>', "es-MX"),
    ('<a href="https://example.org/report">https://example.org/report</a>', "en"),  # a bare URL as text
    ('<p lang="sv"><a href="/priser/">Läs mer</a></p>', "en"),  # the closest lang decides
])
def test_non_descriptive_link_text(body, lang):
    found = findings("html", page(body, lang), "content/link-text")
    assert len(found) == 1


@pytest.mark.parametrize("body, lang", [
    ('<a href="/pricing/">See the 2024 plans</a>', "en"),
    ('<a href="/pricing/" rel="nofollow sponsored">click here</a>', "en"),
    ('<a href="javascript:show()">more</a>', "en"),
    ('<a href="mailto:hi@example.com">here</a>', "en"),
    ('<a href="#comments">more</a>', "en"),
    ('<a href="https://example.com/post/#top">here</a>', "en"),  # the page itself (its canonical)
    ('<a href="/pricing/">ici</a>', "fr"),  # Lighthouse has no French list
    ('<a href="/pricing/">hier</a>', "en"),  # German word on an English page
    ('<a>click here</a>', "en"),  # no href: not a link for Lighthouse's link-text
])
def test_descriptive_or_skipped_links(body, lang):
    head = '<link rel="canonical" href="https://example.com/post/">'
    assert findings("html", page(body, lang, head), "content/link-text") == []


def test_post_links_use_all_lists_or_the_og_locale():
    assert len(findings("json", post('<p><a href="/x/">hier</a></p>'), "content/link-text")) == 1
    text = post('<p><a href="/x/">hier</a></p>', yoast_head_json={"og_locale": "en_US"})
    assert findings("json", text, "content/link-text") == []


def test_link_text_lists_every_failing_link():
    body = '<a href="/a/">Read more</a> <a href="/b/">Read more</a> <a href="/c/">The C report</a>'
    found = findings("html", page(body), "content/link-text")
    assert found[0].message.startswith("2 links in the page body have non-descriptive text: 'Read more' (line 1)")
    assert found[0].value == ["Read more → /a/", "Read more → /b/"]


# -- uncrawlable-link ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("anchor, reason", [
    ('<a href="javascript:void(0)" onclick="location.href=\'/cart/\'">Cart</a>',
     "javascript: href, the URL '/cart/' is only in a script"),
    ('<a href="javascript:window.open(\'/cart/\')">Cart</a>', "javascript: href, the URL '/cart/' is only in a script"),
    ('<a data-href="/cart/">Cart</a>', "no href, the URL '/cart/' is only in a script"),
    ('<a onclick="window.location=\'https://example.com/cart/\'">Cart</a>',
     "no href, the URL 'https://example.com/cart/' is only in a script"),
    ('<a href="file:///C:/docs/cart.html">Cart</a>', "a file: URL"),
    ('<a href="http://example.com:port/cart">Cart</a>', "does not parse"),
    ('<a href="https://[::1/cart">Cart</a>', "does not parse"),
    ('<a href="http://">Cart</a>', "does not parse"),
])
def test_uncrawlable_links(anchor, reason):
    text = page(anchor).replace("<head>", '<head><meta property="og:url" content="https://example.com/post/">')
    found = findings("html", text, "content/uncrawlable-link")
    assert len(found) == 1 and reason in found[0].message


@pytest.mark.parametrize("anchor", [
    '<a href="/cart/">Cart</a>',
    '<a href="">Reload</a>',  # resolves to the page itself
    '<a href="javascript:openCart()">Cart</a>',  # a script action that names no URL
    '<a href="javascript:void(0)" onclick="go()">Cart</a>',
    '<a onclick="go()">Cart</a>',
    '<a href="mailto:hi@example.com">Mail</a>',
    '<a href="https://example.com:8443/cart">Cart</a>',
    '<a href="http://[::1]/cart">Cart</a>',
    '<a id="top"></a>',
    '<a name="top"></a>',
    '<noscript><a>Fallback</a></noscript>',
    # UI controls, not links (the review found 809 of 810 listed anchors were these)
    '<a role="button" onclick="location.href=\'/cart/\'">Cart</a>',
    '<a href="javascript:void(0)" aria-controls="menu" onclick="location.href=\'/menu/\'">Menu</a>',
    '<a href="javascript:void(0)" aria-haspopup="true" data-href="/shop/">Shop</a>',
    '<a aria-expanded="false" data-url="/more/">More</a>',
    '<a aria-current="page">Cart</a>',
    '<a aria-current="page" target="_blank">Cart</a>',
    # no text: an icon control, nothing says it is navigation
    '<a href="javascript:void(0)" onclick="location.href=\'/search/\'"><svg></svg></a>',
    # share dialogs and sign-ins on other hosts, and the page itself: not a page of this site to crawl
    '<a href="javascript:void(0)" onclick="window.open(\'https://www.facebook.com/sharer/sharer.php?u=x\')">Share</a>',
    '<a onclick="location.href=\'https://example.com/post/?share=1\'">Share</a>',
])
def test_crawlable_or_skipped_anchors(anchor):
    text = page(anchor).replace("<head>", '<head><meta property="og:url" content="https://example.com/post/">')
    assert findings("html", text, "content/uncrawlable-link") == []


# -- h1 -----------------------------------------------------------------------------------------------------------


def test_page_with_several_h1():
    found = findings("html", page("<h1>Newsletter</h1>"), "content/h1-multiple")
    assert len(found) == 1 and found[0].severity.label == "info"
    assert found[0].message == "the page has 2 <h1>: 'Post' (line 1), 'Newsletter' (line 1)"


def test_post_content_h1_is_a_second_h1_and_posts_are_never_h1_missing():
    found = findings("json", post("<h1>Launch notes</h1>\n<p>What changed.</p>"))
    assert [f.rule for f in found] == ["content/h1-multiple"]
    assert "the theme already prints the post title" in found[0].message
    assert findings("json", post("<h2>What changed</h2><p>Everything.</p>")) == []


@needs_corpus
def test_headstartwp_heading_block_1():
    results = audit_example("json", (WP / "headstartwp" / "posts__pages.json").read_text(),
                            Config(extend_select=("content/h1-multiple",)))
    found = {r.document.pointer: [f for f in r.findings if f.rule == "content/h1-multiple"] for r in results}
    assert sorted(k for k, v in found.items() if v) == ["/2"]
    assert found["/2"][0].value == ["This is a Heading Block 1"]
    assert "the page title" in found["/2"][0].message


@needs_corpus
def test_globalcitieshub_content_is_clean():
    """Four descriptive external links, no image, no heading 1: nothing to report."""
    assert findings("json", (WP / "globalcitieshub" / "post-21227.json").read_text()) == []


# -- the whole corpus ---------------------------------------------------------------------------------------------


def test_corpus_run_is_crash_free(corpus_audit):
    docs = Counter()
    for document in corpus_audit:
        assert not document.fired({"input/internal-error"})
        docs.update(document.fired({"content"}))
    # Real pages: images without alt and JS-only links are common on the web (Lighthouse fails them too), but
    # no rule fires on most documents.
    assert all(count < 300 for count in docs.values()), docs
    assert docs["content/img-alt-missing"] > 100 and docs["content/link-text"] > 40
