"""`<!-- seoaudit: ignore RULE -->` in HTML and in a `yoast_head` string; unused suppressions are reported."""

from __future__ import annotations

import json

from seoaudit import suppress
from seoaudit.engine import Config, audit_document
from seoaudit.load import load_bytes
from seoaudit.model import Severity
from seoaudit.page import Page

from .conftest import EXAMPLES

PAGE = (EXAMPLES / "broken-page.html").read_bytes()


def audit(data: bytes, name: str = "page.html", config: Config | None = None):
    return [audit_document(doc, config or Config()) for doc in load_bytes(data, name)]


def rules(result) -> list[str]:
    return sorted(f.rule for f in result.findings)


def with_comment(comment: str) -> bytes:
    return PAGE.replace(b"</head>", comment.encode() + b"\n</head>", 1)


def test_a_comment_silences_the_named_rule_for_the_document():
    before = audit(PAGE)[0]
    after = audit(with_comment("<!-- seoaudit: ignore canonical/relative -->"))[0]
    assert "canonical/relative" in rules(before) and "canonical/relative" not in rules(after)
    assert [f.rule for f in after.suppressed] == ["canonical/relative"]
    assert "input/unused-suppression" not in rules(after)
    assert len(after.findings) == len(before.findings) - 1


def test_the_comment_is_matched_whatever_its_case_in_a_page_and_in_a_head_string():
    # As with ruff's noqa comments, the marker's case does not matter, in the bytes of a page as in a yoast_head string.
    after = audit(with_comment("<!--SEOAudit: Ignore canonical/relative -->"))[0]
    assert [f.rule for f in after.suppressed] == ["canonical/relative"]
    post = {"id": 1, "link": "https://example.com/p/", "status": "publish", "type": "post",
            "yoast_head": '<!-- SEOAUDIT: ignore canonical/missing --><title>Post</title>'}
    result = audit(json.dumps(post).encode(), "post.json")[0]
    assert [f.rule for f in result.suppressed] == ["canonical/missing"]


def test_a_comment_names_several_rules_and_categories():
    after = audit(with_comment("<!-- seoaudit: ignore canonical, schema/jsonld-invalid -->"))[0]
    assert not [r for r in rules(after) if r.startswith("canonical/")]
    assert "schema/jsonld-invalid" not in rules(after) and "schema/dangling-reference" in rules(after)


def test_unused_and_unknown_names_are_reported_where_the_comment_is():
    data = with_comment("<!-- seoaudit: ignore canonical/missing canonical/relatve canonical/relative -->")
    result = audit(data)[0]
    unused = [f for f in result.findings if f.rule == "input/unused-suppression"]
    assert [f.value for f in unused] == ["canonical/missing", "canonical/relatve"]
    assert unused[0].severity is Severity.WARNING
    line = data[: data.index(b"<!-- seoaudit")].count(b"\n") + 1
    assert {f.location.line for f in unused} == {line}
    assert "did you mean 'canonical/relative'" in unused[1].message


def test_a_comment_naming_nothing_is_reported():
    result = audit(with_comment("<!-- seoaudit: ignore -->"))[0]
    assert "input/unused-suppression" in rules(result)


def test_names_of_rules_that_did_not_run_are_not_judged():
    config = Config(select=("schema",))
    result = audit(with_comment("<!-- seoaudit: ignore canonical/missing -->"), config=config)[0]
    assert "input/unused-suppression" not in rules(result)


def test_unused_suppression_can_be_ignored_or_reconfigured():
    data = with_comment("<!-- seoaudit: ignore canonical/missing -->")
    assert "input/unused-suppression" not in rules(audit(data, config=Config(ignore=("input/unused-suppression",)))[0])
    config = Config(severities={"input/unused-suppression": Severity.ERROR})
    assert {f.severity for f in audit(data, config=config)[0].findings if f.rule == "input/unused-suppression"} == {
        Severity.ERROR}


def test_a_comment_in_yoast_head_silences_the_whole_post():
    post = json.loads((EXAMPLES / "broken-images.json").read_text())
    before = audit(json.dumps(post).encode(), "post.json")[0]
    assert "image/too-small" in rules(before)
    post["yoast_head"] = "<!-- seoaudit: ignore image/too-small image/og-missing -->\n" + post["yoast_head"]
    after = audit(json.dumps(post).encode(), "post.json")[0]
    assert "image/too-small" not in rules(after)
    unused = [f for f in after.findings if f.rule == "input/unused-suppression"]
    assert [(f.value, f.location.pointer, f.location.line) for f in unused] == [("image/og-missing", "/yoast_head", 1)]


def test_a_comment_in_a_collection_item_applies_to_that_item_only():
    posts = json.loads((EXAMPLES / "posts-collection.json").read_text())
    posts[1]["yoast_head"] = "<!-- seoaudit: ignore canonical/insecure -->" + posts[1]["yoast_head"]
    first, second = audit(json.dumps(posts).encode(), "posts.json")
    assert "canonical/insecure" not in rules(second)
    assert [f.rule for f in second.suppressed] == ["canonical/insecure"]
    assert first.suppressed == []


def test_text_in_the_post_body_is_not_a_suppression():
    post = json.loads((EXAMPLES / "broken-images.json").read_text())
    post["content"] = {"rendered": "<!-- seoaudit: ignore image/too-small -->"}
    assert "image/too-small" in rules(audit(json.dumps(post).encode(), "post.json")[0])


def test_a_rule_across_documents_is_suppressed_too_and_never_judged_unused():
    from seoaudit.engine import audit as audit_run

    page = b"<html><head><title>Same title</title>%s</head></html>"
    plain = next(load_bytes(page % b"", "a.html"))
    quiet = next(load_bytes(page % b"<!-- seoaudit: ignore title/duplicate -->", "b.html"))
    results = audit_run([plain, quiet], Config(select=("title/duplicate",))).documents
    assert "title/duplicate" in rules(results[0])
    assert rules(results[1]) == [] and [f.rule for f in results[1].suppressed] == ["title/duplicate"]


def test_comments_are_read_from_the_parsed_page_wherever_they_sit():
    # Before <html>, between </head> and <body>, over several lines (reported on the line of its `<!--`), and after
    # </html>; an ignore comment written inside a <script> is script text, not a comment, as in a browser.
    page = (b"<!-- seoaudit: ignore title -->\n<html><head><title>T</title>\n"
            b"<!--\n  seoaudit: ignore\n  canonical/missing\n-->\n</head>\n<!-- seoaudit: ignore description -->\n"
            b"<body><script>var s = '<!-- seoaudit: ignore image -->';</script><p>x</p></body></html>\n"
            b"<!-- seoaudit: ignore opengraph -->\n")
    (document,) = load_bytes(page, "page.html")
    found = suppress.find(document, Page(document).views["html"].comments)
    assert [(s.location.line, s.names) for s in found] == [
        (1, ("title",)), (3, ("canonical/missing",)), (8, ("description",)), (10, ("opengraph",))]
    # the byte scan (a page without a parsed view) finds the same comments, and the one in the script too
    assert [(s.location.line, s.names) for s in suppress.find(document)] == [
        (1, ("title",)), (3, ("canonical/missing",)), (8, ("description",)), (9, ("image",)), (10, ("opengraph",))]
