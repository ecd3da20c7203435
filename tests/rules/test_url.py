"""The url family (hosts, schemes, tracking, plain permalinks, well-formed URLs, hreflang) on crafted
inputs and on the real corpus."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from seoaudit.engine import Config

from ..conftest import CORPUS, audit_example, needs_corpus

GLOBALCITIES = CORPUS / "wp" / "globalcitieshub" / "post-21227.json"
LOCAL = CORPUS / "wp" / "local-yoast"
HTML = CORPUS / "html"


def findings(language: str, text: str, rule: str | None = None, config: Config | None = None) -> list:
    found = [f for result in audit_example(language, text, config) for f in result.findings
             if f.rule.startswith("url/")]
    return [f for f in found if f.rule == rule] if rule else found


def page(head: str, body: str = "") -> str:
    return f"<html><head><title>Post</title>{head}</head><body>{body}</body></html>"


def post(link="https://example.com/post/", status="publish", schema=None, **yoast) -> str:
    head = {"title": "Post", **yoast}
    if schema is not None:
        head["schema"] = {"@context": "https://schema.org", "@graph": schema}
    return json.dumps({"id": 1, "status": status, "type": "post", "link": link, "title": {"rendered": "Post"},
                       "yoast_head_json": head})


def person(*same_as, url=None) -> dict:
    node = {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ann", "sameAs": list(same_as)}
    if url:
        node["url"] = url
    return node


# -- dev-host -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url, reason", [
    ("http://localhost:3000/post/", "localhost"),
    ("http://127.0.0.1/post/", "a loopback address"),
    ("https://10.0.0.5/post/", "a private IP address"),
    ("http://[::1]/post/", "a loopback address"),
    ("https://blog.local/post/", "the reserved top-level name .local"),
    ("https://shop.test/post/", "the reserved top-level name .test"),
    ("https://site.example/post/", "the reserved top-level name .example"),
    ("https://staging.example.com/post/", "the staging. subdomain"),
    ("https://dev.example.co.uk/post/", "the dev. subdomain"),
    ("https://wp.example.com/post/", "the wp. subdomain"),
    ("https://acme-staging.example.com/post/", "the label 'acme-staging'"),
    ("http://gch.dev-bulbera.com", "the label 'dev-bulbera'"),
    ("https://abc123.ngrok-free.app/post/", "a tunnel or local-development domain"),
    ("https://example.com:8443/post/", "the non-default port 8443"),
])
def test_dev_hosts_are_named_with_the_reason(url, reason):
    found = findings("json", post(schema=[person(url)]), "url/dev-host")
    assert len(found) == 1
    assert reason in found[0].message and found[0].value == url
    assert found[0].location.pointer == "/yoast_head_json/schema/@graph/0/sameAs/0"


@pytest.mark.parametrize("url", [
    "https://example.com/post/",  # documentation's domain, a real site
    "https://dev.to/ann",  # dev is the registrable name, not a subdomain
    "https://developer.mozilla.org/en-US/",
    "https://devices.example.org/",
    "https://i0.wp.com/example.com/cover.jpg",  # Jetpack's CDN: wp is the registrable name
    "https://www.latest.com/",
    "https://example.com:443/post/",  # the default port
])
def test_production_hosts_pass(url):
    assert findings("json", post(schema=[person(url)]), "url/dev-host") == []


def test_one_finding_per_dev_host_listing_the_fields():
    text = post(link="http://localhost:8080/post/", canonical="http://localhost:8080/post/",
                og_url="http://localhost:8080/post/", schema=[person("http://localhost:8080/ann/")])
    found = findings("json", text, "url/dev-host")
    assert len(found) == 1
    assert "canonical, og:url, schema Person sameAs" in found[0].message and "1 more URL" in found[0].message
    assert found[0].location.pointer == "/yoast_head_json/canonical"


def test_configured_hosts_are_not_dev_hosts():
    text = post(link="http://localhost:8080/post/", canonical="http://localhost:8080/post/")
    assert findings("json", text, "url/dev-host", Config(site_url="http://localhost:8080")) == []
    assert findings("json", text, "url/dev-host", Config(allowed_hosts=("localhost:8080",))) == []
    assert findings("json", text, "url/dev-host", Config(allowed_hosts=("local*",))) == []
    assert len(findings("json", text, "url/dev-host", Config(allowed_hosts=("cdn.example.com",)))) == 1


def test_schema_org_terms_are_not_urls():
    text = post(schema=[{"@type": "Offer", "availability": "http://schema.org/InStock",
                         "url": "http://localhost/offer"}])
    found = findings("json", text)
    assert [f.value for f in found if f.rule == "url/dev-host"] == ["http://localhost/offer"]
    assert not any("schema.org" in str(f.value) for f in found)


@needs_corpus
def test_globalcitieshub_dev_host_in_person_same_as_is_reported():
    """The Person's sameAs `http://gch.dev-bulbera.com` is the agency's development copy of the site."""
    found = findings("json", GLOBALCITIES.read_text())
    dev = [f for f in found if f.rule == "url/dev-host"]
    assert len(dev) == 1
    assert dev[0].value == "http://gch.dev-bulbera.com"
    assert dev[0].location.pointer == "/yoast_head_json/schema/@graph/5/sameAs/0"
    assert "gch.dev-bulbera.com" in dev[0].message and "dev-bulbera" in dev[0].message
    # the rest of the post's URLs are clean: same https host, no tracking, no ?p=
    assert Counter(f.rule for f in found) == Counter({"url/dev-host": 1})


@needs_corpus
def test_local_yoast_site_on_loopback_is_one_finding_per_post():
    found = findings("json", (LOCAL / "post-draft.edit.json").read_text())
    assert [f.rule for f in found] == ["url/dev-host"]
    assert "127.0.0.1:8080" in found[0].message and "port 8080" in found[0].message
    assert findings("json", (LOCAL / "post-draft.edit.json").read_text(),
                    config=Config(site_url="http://127.0.0.1:8080")) == []


@needs_corpus
def test_agency_dev_host_in_a_real_logo_url():
    text = (HTML / "trafilatura" / "eval__exlibris-deg.de.balsamo.html").read_text(errors="replace")
    dev = findings("html", text, "url/dev-host")
    assert len(dev) == 1 and "kunde2.ultrapixel-dev.de" in dev[0].message


# -- off-site -----------------------------------------------------------------------------------------------------

WEBPAGE = {"@type": "WebPage", "@id": "https://cms.example.com/post/", "url": "https://cms.example.com/post/"}


def test_schema_page_urls_on_another_host_fail():
    text = post(canonical="https://example.com/post/", og_url="https://example.com/post/", schema=[WEBPAGE])
    found = findings("json", text, "url/off-site")
    assert len(found) == 1 and found[0].severity.label == "warning"
    # the @id is an identifier (schema/id-off-canonical's); the url says where the page is
    assert "schema WebPage url on cms.example.com" in found[0].message
    assert found[0].location.pointer == "/yoast_head_json/schema/@graph/0/url"


def test_urls_of_nested_nodes_name_other_pages():
    video = {"@type": "NewsArticle", "@id": "https://example.com/post/#article", "url": "https://example.com/post/",
             "video": {"@type": "VideoObject", "mainEntityOfPage": {"@type": "WebPage",
                                                                    "url": "https://sister.example.net/v/1"}}}
    text = post(canonical="https://example.com/post/", og_url="https://example.com/post/", schema=[video])
    assert findings("json", text, "url/off-site") == []


def test_headless_site_url_makes_the_cms_host_off_site():
    text = post(link="https://cms.example.com/post/", canonical="https://cms.example.com/post/",
                og_url="https://cms.example.com/post/")
    assert findings("json", text, "url/off-site") == []
    found = findings("json", text, "url/off-site", Config(site_url="https://www.example.com"))
    assert len(found) == 1
    assert "canonical, og:url on cms.example.com" in found[0].message
    assert "configured site URL" in found[0].message
    assert findings("json", text, "url/off-site",
                    Config(site_url="https://www.example.com", allowed_hosts=("cms.example.com",))) == []


def test_syndicated_canonical_carries_the_page_urls():
    original = "https://news.example.org/story/"
    text = post(canonical=original, og_url=original,
                schema=[{"@type": "WebPage", "@id": original, "url": original}])
    assert findings("json", text, "url/off-site") == []


def test_www_and_outbound_links_are_not_off_site():
    text = post(link="https://example.com/post/", og_url="https://www.example.com/post/",
                schema=[person("https://twitter.com/ann", url="https://ann.example.org/"),
                        {"@type": "Organization", "@id": "https://example.com/#org", "url": "https://corp.example.net/"}])
    assert findings("json", text, "url/off-site") == []


def test_media_hosts_only_with_the_option():
    text = post(og_image=[{"url": "https://cdn.example.net/cover.jpg", "width": 1200, "height": 630}])
    assert findings("json", text, "url/off-site") == []
    config = Config(options={"url/off-site": {"media_on_site": True}})
    assert len(findings("json", text, "url/off-site", config)) == 1
    config = Config(options={"url/off-site": {"media_on_site": True}}, allowed_hosts=("*.example.net",))
    assert findings("json", text, "url/off-site", config) == []


# -- insecure -----------------------------------------------------------------------------------------------------


def test_http_image_is_information_on_the_own_host_and_not_judged_elsewhere():
    assert findings("json", post(og_image=[{"url": "http://cdn.example.net/cover.jpg"}]), "url/insecure") == []
    found = findings("json", post(og_image=[{"url": "http://example.com/cover.jpg"}]), "url/insecure")
    assert len(found) == 1 and found[0].expected == "https://example.com/cover.jpg"
    assert found[0].location.pointer == "/yoast_head_json/og_image/0/url" and found[0].severity.label == "info"


def test_http_urls_of_the_own_host_fail_once_per_host():
    page_url = {"@type": "WebPage", "@id": "http://example.com/post/#webpage", "url": "http://example.com/p/",
                "breadcrumb": {"@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "item": "http://example.com/"}]}}
    text = post(schema=[page_url, {"@type": "Organization", "@id": "https://example.com/#org",
                                   "url": "http://example.com/", "logo": "http://example.com/logo.png",
                                   "sameAs": ["http://example.com/about/"]}])
    found = findings("json", text, "url/insecure")
    assert len(found) == 1 and found[0].severity.label == "warning"
    # pages and files; never @ids (identifiers), sameAs or an Organization's url (links to profiles)
    assert "schema WebPage url, schema ListItem item, schema Organization logo on example.com are http://" \
        in found[0].message


def test_http_page_url_is_left_to_the_canonical_rules_and_outbound_http_passes():
    text = post(canonical="https://example.com/post/", og_url="http://example.com/post/",
                schema=[person("http://ann.example.org/")])
    assert findings("json", text, "url/insecure") == []


def test_http_site_is_not_judged():
    text = post(link="http://example.com/post/", og_image=[{"url": "http://example.com/cover.jpg"}])
    assert findings("json", text, "url/insecure") == []


# -- secure-url-not-https ------------------------------------------------------------------------------------------


def aioseo(**fields) -> str:
    return json.dumps({"id": 1, "status": "publish", "type": "post", "link": "https://example.com/post/",
                       "title": {"rendered": "Post"}, "aioseo_head_json": {"title": "Post", **fields}})


def test_aioseo_empty_secure_url_fails():
    text = aioseo(**{"og:image": "https://example.com/cover.jpg", "og:image:secure_url": ""})
    found = findings("json", text, "url/secure-url-not-https")
    assert len(found) == 1 and "empty" in found[0].message
    assert found[0].location.pointer == "/aioseo_head_json/og:image:secure_url"
    assert found[0].expected == "https://example.com/cover.jpg"


def test_secure_url_on_http_fails_and_https_passes():
    head = '<meta property="og:image" content="http://example.com/a.jpg">'
    assert len(findings("html", page(head + '<meta property="og:image:secure_url" content="http://example.com/a.jpg">'),
                        "url/secure-url-not-https")) == 1
    assert findings("html", page(head + '<meta property="og:image:secure_url" content="https://example.com/a.jpg">'),
                    "url/secure-url-not-https") == []
    assert findings("html", page(head), "url/secure-url-not-https") == []


# -- tracking-params ---------------------------------------------------------------------------------------------


# -- plain-permalink ----------------------------------------------------------------------------------------------


def test_published_post_with_placeholder_urls_fails_once():
    text = post(link="https://example.com/2024/05/launch/", canonical="https://example.com/?p=12",
                og_url="https://example.com/?p=12",
                schema=[{"@type": "WebPage", "@id": "https://example.com/?p=12", "url": "https://example.com/?p=12"}])
    found = findings("json", text, "url/plain-permalink")
    assert len(found) == 1
    assert "canonical, og:url, schema WebPage @id, schema WebPage url" in found[0].message
    assert found[0].expected == "https://example.com/2024/05/launch/"


def test_plain_permalink_sites_drafts_and_pretty_urls_pass():
    plain = "https://example.com/?p=12"
    assert findings("json", post(link=plain, canonical=plain, og_url=plain), "url/plain-permalink") == []
    assert findings("json", post(link=plain, status="draft", canonical=plain), "url/plain-permalink") == []
    assert findings("json", post(og_url="https://example.com/post/"), "url/plain-permalink") == []


def test_html_page_mixing_plain_and_pretty_urls():
    head = ('<link rel="canonical" href="https://example.com/launch/">'
            '<meta property="og:url" content="https://example.com/?page_id=7">')
    assert len(findings("html", page(head), "url/plain-permalink")) == 1
    head = '<link rel="canonical" href="https://example.com/?page_id=7">'
    assert findings("html", page(head), "url/plain-permalink") == []


@needs_corpus
def test_local_yoast_drafts_are_not_plain_permalink_findings():
    for name in ("post-draft.edit.json", "post-scheduled.edit.json", "posts-collection.edit.json"):
        assert findings("json", (LOCAL / name).read_text(), "url/plain-permalink") == []


# -- malformed ----------------------------------------------------------------------------------------------------


# -- hreflang -----------------------------------------------------------------------------------------------------


def alternates(*pairs, canonical="https://example.com/en/post/", extra="") -> str:
    links = "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">' for code, href in pairs)
    return page(f'<link rel="canonical" href="{canonical}">{links}{extra}')


@pytest.mark.parametrize("code, expected", [
    ("en-UK", "en-GB"), ("jp", "ja"), ("cn", "zh"), ("en_US", "en-US"), ("eng", "en"), ("iw", "he"),
    ("es-419", None), ("xx", None), ("en-Latn-XX", None), ("english", None), ("", None),
])
def test_invalid_hreflang_codes(code, expected):
    found = findings("html", alternates(("en", "https://example.com/en/post/"), (code, "https://example.com/x/")),
                     "url/hreflang-invalid-code")
    assert len(found) == 1 and found[0].value == code
    if expected:
        assert found[0].expected == expected


@pytest.mark.parametrize("code", ["en", "EN-us", "de-AT", "zh-Hant", "zh-Hant-TW", "fil", "yue", "x-default",
                                  "de-DE-formal", "sr-Latn"])
def test_valid_hreflang_codes(code):
    assert findings("html", alternates((code, "https://example.com/en/post/")), "url/hreflang-invalid-code") == []


def test_feed_links_with_hreflang_are_not_alternates():
    feed = '<link rel="alternate" type="application/rss+xml" hreflang="en_AU" href="/feed/">'
    assert findings("html", alternates(extra=feed)) == []


def test_relative_hreflang_href():
    found = findings("html", alternates(("en", "https://example.com/en/post/"), ("de", "/de/post/")),
                     "url/hreflang-relative")
    assert len(found) == 1 and found[0].expected == ["https://example.com/de/post/"]


def test_relative_hreflang_alternates_are_one_finding_per_page():
    found = findings("html", alternates(("en", "/en/post/"), ("de", "/de/post/"), ("fr", "//example.com/fr/post/")),
                     "url/hreflang-relative")
    assert len(found) == 1 and found[0].severity.label == "error"
    assert found[0].message == ("3 hreflang alternates are not an absolute URL: 'en' '/en/post/', 'de' '/de/post/', "
                                "'fr' '//example.com/fr/post/'")


def test_hreflang_without_self_reference():
    found = findings("html", alternates(("de", "https://example.com/de/post/"), ("fr", "https://example.com/fr/")),
                     "url/hreflang-no-self")
    assert len(found) == 1 and found[0].expected == "https://example.com/en/post/"
    assert findings("html", alternates(("en", "https://example.com/en/post/"), ("de", "https://example.com/de/")),
                    "url/hreflang-no-self") == []


def test_hreflang_without_x_default_is_info_for_two_languages_or_more():
    two = alternates(("en", "https://example.com/en/post/"), ("de", "https://example.com/de/post/"))
    found = findings("html", two, "url/hreflang-no-x-default")
    assert len(found) == 1 and found[0].severity.label == "info"
    assert findings("html", alternates(("en", "https://example.com/en/post/")), "url/hreflang-no-x-default") == []
    three = alternates(("en", "https://example.com/en/post/"), ("x-default", "https://example.com/en/post/"),
                       ("de", "https://example.com/de/post/"))
    assert findings("html", three, "url/hreflang-no-x-default") == []


@needs_corpus
def test_yamasa_relative_hreflang_alternates():
    text = (HTML / "recipe-scrapers" / "recipe.yamasa.com__yamasa_1.html").read_text(errors="replace")
    [relative] = findings("html", text, "url/hreflang-relative")
    assert sorted(relative.value) == ["/es/recipes/1453", "/fr/recipes/1453", "/it/recipes/1453", "/ru/recipes/1453"]


@needs_corpus
def test_autosprint_hreflang_cluster_is_clean():
    """de-DE-formal, de, fr-FR, fr, it-IT, it, en-US, en: WPML's codes are valid and the page lists itself."""
    path = next(HTML.rglob("*autosprint*"), None)
    if path is None:
        pytest.skip("autosprint page not in this corpus")
    found = findings("html", path.read_text(errors="replace"))
    assert not [f for f in found if f.rule in ("url/hreflang-invalid-code", "url/hreflang-relative")]


# -- the whole corpus ---------------------------------------------------------------------------------------------


def test_corpus_run_is_quiet_and_crash_free(corpus_audit):
    docs = Counter()
    crashes = []
    total = len(corpus_audit)
    for document in corpus_audit:
        crashes += [f for f in document.findings if f.rule == "input/internal-error"]
        docs.update(document.fired({"url"}))
    assert not crashes
    # No url rule fires on more than a tenth of the documents: these are defects, not style.
    assert all(count < total / 10 for count in docs.values()), docs
    assert docs["url/dev-host"] >= 20  # local-yoast runs on 127.0.0.1:8080, plus two agency hosts
