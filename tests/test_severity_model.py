"""The severity model's machinery: conditional cases stamped by the engine, configured severities winning over
every case, opt-in rules off by default, retired rule ids answered with their successor, and fragments."""

from __future__ import annotations

import json
import types

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.engine import Config, audit, resolve_rules
from seoaudit.load import load_bytes
from seoaudit.model import AGGRAVATED, MILD, Severity
from seoaudit.registry import RETIRED, RuleError, _rule_from_module, all_rules

from .conftest import CORPUS, ROOT, audit_example, needs_corpus

runner = CliRunner()
OPT_IN = {"title/same-as-h1", "content/h1-multiple", "twitter/creator-missing", "twitter/site-missing",
          "canonical/draft-placeholder"}


def module(**attrs) -> types.ModuleType:
    found = types.ModuleType("seoaudit.rules.canonical.example")
    found.__doc__ = "An example."
    found.ID, found.check = "canonical/example", lambda page, options: iter(())
    for name, value in attrs.items():
        setattr(found, name, value)
    return found


# -- cases -------------------------------------------------------------------------------------------------------


def test_cases_map_to_their_severities_and_a_configured_one_holds_for_all():
    rule = _rule_from_module(module(SEVERITY="warning", SEVERITY_MILD="info", SEVERITY_AGGRAVATED="error"))
    assert rule.severities() == {None: Severity.WARNING, MILD: Severity.INFO, AGGRAVATED: Severity.ERROR}
    assert set(rule.severities(Severity.INFO).values()) == {Severity.INFO}
    assert rule.severity_text == "warning (↑ error, ↓ info)"
    plain = _rule_from_module(module(SEVERITY="error"))
    assert plain.severities()[MILD] == Severity.ERROR and plain.severity_text == "error"


@pytest.mark.parametrize("attrs", [{"SEVERITY": "info", "SEVERITY_MILD": "info"},
                                   {"SEVERITY": "error", "SEVERITY_AGGRAVATED": "warning"}])
def test_a_mild_case_below_and_an_aggravated_case_above_the_default(attrs):
    with pytest.raises(RuleError, match="SEVERITY_MILD must be below SEVERITY and SEVERITY_AGGRAVATED above it"):
        _rule_from_module(module(**attrs))


def test_the_engine_stamps_each_case():
    # one document, one rule with three cases: a relative canonical to the page, to another page, protocol-relative
    head = '<meta property="og:url" content="https://example.com/a/">'
    for href, expected in (("/a/", Severity.WARNING), ("/b/", Severity.ERROR), ("//example.com/a/", Severity.INFO)):
        text = f'<html><head><title>A</title>{head}<link rel="canonical" href="{href}"></head></html>'
        assert severities(text) == [expected], href
        assert severities(text, Config(severities={"canonical/relative": Severity.INFO})) == [Severity.INFO], href


def severities(text: str, config: Config | None = None, rule: str = "canonical/relative") -> list:
    return [f.severity for r in audit_example("html", text, config) for f in r.findings if f.rule == rule]


# -- opt-in ------------------------------------------------------------------------------------------------------


def test_opt_in_rules_are_the_style_advice():
    assert {rule.id for rule in all_rules().values() if rule.opt_in} == OPT_IN


def test_opt_in_rules_run_only_when_named_by_id_or_category():
    default = {rule.id for rule in resolve_rules()}
    assert not OPT_IN & default
    assert "title/same-as-h1" in {r.id for r in resolve_rules(select=["title"])}
    assert "title/same-as-h1" in {r.id for r in resolve_rules(extend_select=["title/same-as-h1"])}
    assert "title/same-as-h1" not in {r.id for r in resolve_rules(select=["title"], ignore=["title/same-as-h1"])}
    assert "twitter/site-missing" not in {r.id for r in resolve_rules(extend_select=["title"])}


# -- retired ids -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("old", sorted(RETIRED))
def test_a_retired_id_on_the_command_line_names_its_successor(old, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--isolated", "--select", old, str(tmp_path)])
    assert result.exit_code == 2
    successor, why = RETIRED[old]
    assert f"unknown rule or category {old!r} (retired: {why}" in result.stderr
    assert successor is None or f"use {successor!r}" in result.stderr
    assert successor is None or successor in all_rules()
    assert "Traceback" not in result.output


def test_a_retired_id_in_the_config_file_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".seoaudit.toml").write_text('[rules."title/length-chars-too-long"]\nmax_chars = 70\n')
    (tmp_path / "page.html").write_text("<html><head><title>A</title></head></html>")
    result = runner.invoke(app, ["check", "page.html"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "unknown rule 'title/length-chars-too-long' (retired: characters and pixels of one title are one " \
           "finding; use 'title/width-px-too-wide')" in result.stderr


def test_a_retired_id_in_an_ignore_comment_says_what_to_use():
    text = "<html><head><title>A</title><!-- seoaudit: ignore wordpress/seo-plugin --></head></html>"
    found = [f for r in audit_example("html", text) for f in r.findings if f.rule == "input/unused-suppression"]
    assert len(found) == 1 and "retired: the SEO plugin is no defect" in found[0].message


# -- the plugin is metadata ----------------------------------------------------------------------------------------


def test_the_seo_plugin_is_in_the_metadata_and_the_header_not_the_findings(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>A page about things</title>\n<!-- This site is optimized with the Yoast SEO "
                    "plugin v22.1 - https://yoast.com/ --></head><body></body></html>")
    result = runner.invoke(app, ["check", "--isolated", "--format", "json", "--fail-on", "never", str(page)])
    document = json.loads(result.stdout)["documents"][0]
    assert document["metadata"]["seo_plugins"] == [{"name": "Yoast SEO", "version": "22.1",
                                                    "evidence": "HTML comment at line 2"}]
    assert not [f for f in document["findings"] if f["rule"].startswith("wordpress/")]
    terminal = runner.invoke(app, ["check", "--isolated", "--color", "never", str(page)], env={"COLUMNS": "120"})
    assert " · html · Yoast SEO 22.1 " in terminal.stdout


# -- fragments -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span><img src="k.png"></div>',
    "<html><body><ol><li><p>A list saved from a page.</p></li></ol><img src='a.png'></body></html>",
])
def test_a_fragment_is_reported_once_and_not_judged_as_a_page(text):
    results = audit(load_bytes(text.encode(), "snippet.html"), Config()).documents
    rules = {f.rule for r in results for f in r.findings}
    assert "input/fragment" in rules
    assert not rules & {"title/missing", "canonical/missing", "description/missing", "image/og-missing",
                        "opengraph/required-missing", "twitter/card-missing", "content/h1-missing"}
    assert "content/img-alt-missing" in rules  # what the snippet does hold is still checked


def test_a_page_with_a_head_and_no_title_is_a_page():
    results = audit(load_bytes(b"<html><head><meta charset='utf-8'></head><body>x</body></html>", "p.html"), Config())
    rules = {f.rule for f in results.findings}
    assert "title/missing" in rules and "input/fragment" not in rules


@needs_corpus
@pytest.mark.parametrize("name", ["extruct/misc/product_microdata.html", "extruct/misc/null_ld_mock.html",
                                  "readability/ol.html"])
def test_corpus_fragments(name):
    path = CORPUS / "html" / name
    rules = {f.rule for f in audit(load_bytes(path.read_bytes(), name), Config()).findings}
    assert "input/fragment" in rules and not {"title/missing", "canonical/missing", "image/og-missing"} & rules


def test_the_readme_lists_every_retired_id_with_its_successor():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for old, (successor, _) in RETIRED.items():
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{old}` |")), None)
        assert row is not None, old
        assert successor is None or f"`{successor}`" in row
