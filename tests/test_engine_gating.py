"""Requirement gating: the engine does not call a rule whose REQUIRES (post, wire, graph, sitemap) a document
lacks, and such a rule would have found nothing there anyway; a sitemap is read by the sitemap rules alone."""

from __future__ import annotations

import pytest

from seoaudit.engine import Config, audit_document
from seoaudit.load import load_bytes
from seoaudit.model import Severity, Violation
from seoaudit.page import Page
from seoaudit.registry import Rule, all_rules

from .conftest import example_files

HTML = b'<html><head><title>Post</title></head><body><h1>Post</h1></body></html>'
HTML_GRAPH = (b'<html><head><title>Post</title><script type="application/ld+json">{"@context": "https://schema.org",'
              b' "@type": "WebPage", "name": "Post"}</script></head><body></body></html>')
POST = b'{"id": 3, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"}}'


def _probe(requires: set[str], calls: list[str]) -> Rule:
    def check(page, options):
        calls.append(page.document.source)
        yield Violation("probe")

    return Rule(id="input/gating-probe", severity=Severity.INFO, check=check, doc="", requires=frozenset(requires))


@pytest.mark.parametrize(("requires", "data", "name", "called"), [
    ((), HTML, "a.html", True),
    ({"post"}, HTML, "a.html", False),
    ({"post"}, POST, "a.json", True),
    ({"wire"}, POST, "a.json", False),
    ({"graph"}, HTML, "a.html", False),
    ({"graph"}, HTML_GRAPH, "a.html", True),
    ({"post", "graph"}, HTML_GRAPH, "a.html", False),
])
def test_rule_runs_only_with_what_it_requires(requires, data, name, called):
    calls: list[str] = []
    rule = _probe(requires, calls)
    config = Config()
    [document] = load_bytes(data, name)
    result = audit_document(document, config, [rule])
    assert bool(calls) == called
    assert [f.rule for f in result.findings] == ([rule.id] if called else [])
    assert result.rules == (rule.id,)  # a gated rule still counts as run (JUnit lists it)


def _has(page: Page) -> set[str]:
    return ({"post"} if page.post is not None else set()) | ({"wire"} if page.document.wire is not None else set()) \
        | ({"graph"} if page.schema_view is not None else set()) | ({"sitemap"} if page.sitemap is not None else set())


def _example_pages() -> list[Page]:
    pages = []
    for rule in all_rules().values():
        for _, language, text in rule.examples():
            for data, name in example_files(language, text):
                pages += [Page(document) for document in load_bytes(data, name) if document.problem is None]
    return pages


def test_requires_is_declared_only_where_the_rule_finds_nothing_without_it():
    # Over every docstring example (HTML pages, WP posts, get_head responses): a rule whose requirement the
    # page lacks yields nothing, so skipping it cannot change a finding.
    # A rule that takes its requirement as a parameter cannot even be called without it: nothing to prove.
    gated = [r for r in all_rules().values() if r.requires and not r.artifacts]
    assert gated, "no rule declares REQUIRES"
    pages = _example_pages()
    for rule in gated:
        lacking = [page for page in pages if not rule.requires <= _has(page)]
        assert lacking, rule.id
        for page in lacking:
            assert list(rule.check(page, rule.options)) == [], (rule.id, page.document.source)


def test_unknown_requirement_is_refused():
    import types

    from seoaudit.registry import RuleError, _rule_from_module

    module = types.ModuleType("fake")
    module.ID, module.SEVERITY, module.REQUIRES = "input/fake", "info", ("network",)
    module.check = lambda page, options: iter(())
    with pytest.raises(RuleError, match="REQUIRES"):
        _rule_from_module(module)


def _module_taking(requires: tuple[str, ...], check):
    import types

    module = types.ModuleType("fake")
    module.ID, module.SEVERITY, module.REQUIRES, module.check = "input/fake", "info", requires, check
    return module


def test_a_check_takes_only_what_the_rule_requires():
    from seoaudit.registry import RuleError, _rule_from_module

    def check(page, options, wire):
        return iter(())

    assert _rule_from_module(_module_taking(("wire",), check)).artifacts == ("wire",)
    with pytest.raises(RuleError, match=r"\['wire'\] without REQUIRES"):
        _rule_from_module(_module_taking(("post",), check))


def test_a_check_parameter_the_engine_does_not_pass_is_refused():
    from seoaudit.registry import RuleError, _rule_from_module

    def check(page, options, wires):  # a misspelt requirement would be called without it
        return iter(())

    with pytest.raises(RuleError, match=r"takes \['wires'\], which the engine does not pass"):
        _rule_from_module(_module_taking(("wire",), check))


SITEMAP = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/</loc></url></urlset>'


def test_a_sitemap_runs_only_the_sitemap_and_input_rules():
    # Read as a page, this sitemap would have no title, canonical or og:image (the review's M6).
    document = next(load_bytes(SITEMAP, "public/sitemap.xml"))
    assert document.kind == "sitemap"
    result = audit_document(document, Config())
    assert {f.rule for f in result.findings} == {"sitemap/url-invalid"}
    page = next(load_bytes(HTML, "a.html"))
    assert not [f for f in audit_document(page, Config()).findings if f.category == "sitemap"]
