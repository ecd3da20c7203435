"""Typed rule options: the declarations (seoaudit/options.py), the config and engine checks made from them, and
the schema and docs generated from them."""

from __future__ import annotations

import json
import re
import types

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.config import ConfigError, options_markdown, schema, validate, with_rule_options
from seoaudit.engine import Auditor, Config
from seoaudit.options import Option, OptionError
from seoaudit.registry import RuleError, _rule_from_module, all_rules

from .conftest import EXAMPLES, ROOT

RULES = all_rules()
WITH_OPTIONS = sorted(rule_id for rule_id, rule in RULES.items() if rule.declared_options)

# (rule, option, bad value as TOML, the end of the one-line error)
BAD_VALUES = [
    ("image/preview-too-narrow", "min_width", '"wide"', "min_width: expected an integer (at least 1), got 'wide'"),
    ("image/preview-too-narrow", "min_width", "0", "min_width: expected an integer (at least 1), got 0"),
    ("image/preview-too-narrow", "min_width", "1200.5", "min_width: expected an integer (at least 1), got 1200.5"),
    ("title/keyword-stuffing", "min_repeats", "true", "min_repeats: expected an integer (at least 2), got True"),
    ("twitter/large-image-spec", "max_crop", "1.5", "max_crop: expected a number (from 0 to 1), got 1.5"),
    ("twitter/large-image-spec", "max_crop", '"0.3"', "max_crop: expected a number (from 0 to 1), got '0.3'"),
    ("url/off-site", "media_on_site", "1", "media_on_site: expected a boolean, got 1"),
    ("title/vague", "phrases", '"Home"', "phrases: expected an array of strings, got 'Home'"),
    ("title/vague", "phrases", '["Home", 3]', "phrases: expected an array of strings, got 3 at index 1"),
    ("schema/author-login-name", "logins", '["admin", ["root"]]',
     "logins: expected an array of strings, got ['root'] at index 1"),
]


# -- the declarations ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", WITH_OPTIONS)
def test_options_paragraph_names_every_declared_option(rule_id):
    rule = RULES[rule_id]
    paragraph = re.search(r"\*\*Options\.\*\* (.*?)\n\n", rule.doc, re.DOTALL).group(1)
    missing = [name for name in rule.declared_options if f"`{name}`" not in paragraph]
    assert not missing, f"{rule_id}: the **Options.** paragraph does not name {missing}"


def test_rules_without_options_say_so():
    for rule_id, rule in RULES.items():
        if not rule.declared_options:
            assert "**Options.** None" in rule.doc, rule_id


def test_the_engine_gets_the_declared_defaults():
    rule = RULES["title/width-px-too-wide"]
    assert rule.options == {"max_px": 600, "font_px": 20}
    assert Auditor.compile(Config(select=(rule.id,))).steps[-1].options == {"max_px": 600, "font_px": 20}


def test_a_float_option_takes_an_integer_and_a_boolean_is_no_number():
    option = Option(float, 0.1, "A share.", minimum=0, maximum=1)
    assert option.problem(1) is None and option.problem(0.5) is None
    assert option.problem(True) == "expected a number (from 0 to 1), got True"
    assert option.problem(-0.01) == "expected a number (from 0 to 1), got -0.01"


@pytest.mark.parametrize(("make", "says"), [
    (lambda: Option(int, 0, "x", minimum=1), "default: expected an integer (at least 1), got 0"),
    (lambda: Option(list[str], ["a", 1], "x"), "default: expected an array of strings, got 1 at index 1"),
    (lambda: Option(dict, {}, "x"), "is not one of bool, int, float, str, list[item]"),
    (lambda: Option(list, [], "x"), "is not one of bool, int, float, str, list[item]"),
    (lambda: Option(list[dict], [], "x"), "is not one of bool, int, float, str, list[item]"),
    (lambda: Option(str, "a", "x", maximum=3), "a str option has no minimum or maximum"),
])
def test_a_declaration_that_cannot_work_is_refused(make, says):
    with pytest.raises(OptionError, match=re.escape(says)):
        make()


def test_a_rule_with_an_undeclared_option_is_refused():
    module = types.ModuleType("seoaudit.rules.title.fake")
    module.__doc__ = "A fake rule."
    module.ID, module.SEVERITY, module.OPTIONS = "title/fake", "info", {"max_px": 600}
    module.check = lambda page, options: iter(())
    with pytest.raises(RuleError, match=re.escape("OPTIONS ['max_px'] are not declared with options.Option")):
        _rule_from_module(module)


# -- bad values: one line, exit 2, through a config file and through the command line --------------------------


@pytest.mark.parametrize(("rule_id", "name", "value", "says"), BAD_VALUES)
def test_bad_option_value_in_a_config_file(rule_id, name, value, says):
    table = {"rules": {rule_id: {name: json.loads(value)}}}
    with pytest.raises(ConfigError) as info:
        validate(table, "site.toml")
    assert str(info.value) == f"site.toml: rules.{json.dumps(rule_id)}.{says}"
    # The shipped schema (what an editor validates with) refuses the same value.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(table, schema())


@pytest.mark.parametrize(("rule_id", "name", "value", "says"), BAD_VALUES)
def test_bad_option_value_on_the_command_line_is_exit_2_with_one_line(tmp_path, monkeypatch, rule_id, name, value,
                                                                       says):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "ci.toml"
    config.write_text(f'[rules."{rule_id}"]\n{name} = {value}\n')
    result = CliRunner().invoke(app, ["check", "--config", str(config), str(EXAMPLES / "clean-post.json")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"seoaudit: error: {config}: rules.{json.dumps(rule_id)}.{says}"]


def test_bad_option_value_in_pyproject_names_the_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.seoaudit.rules."sitemap/too-large"]\nmax_urls = -1\n')
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "clean-post.json")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"seoaudit: error: {tmp_path / 'pyproject.toml'} [tool.seoaudit]: rules.\"sitemap/too-large\".max_urls: "
        "expected an integer (at least 1), got -1"]


def test_the_engine_refuses_a_bad_option_given_in_python():
    with pytest.raises(RuleError, match=re.escape('rules."title/vague".phrases: expected an array of strings')):
        Auditor.compile(Config(options={"title/vague": {"phrases": "Home"}}))
    with pytest.raises(RuleError, match=re.escape("unknown option 'max_pixels' for rule 'title/width-px-too-wide' "
                                                  "(did you mean 'max_px'?)")):
        Auditor.compile(Config(options={"title/width-px-too-wide": {"max_pixels": 500}}))


@pytest.mark.parametrize("rule_id", WITH_OPTIONS)
def test_every_default_passes_the_config_and_the_schema(rule_id):
    table = {"rules": {rule_id: dict(RULES[rule_id].options)}}
    validate(table)
    jsonschema.validate(table, schema())


# -- generated from the declarations -------------------------------------------------------------------------


def test_the_shipped_schema_is_generated_from_the_declarations():
    shipped = schema()
    assert shipped == with_rule_options(shipped), "run `python tools/config_schema.py` to regenerate it"
    assert set(shipped["properties"]["rules"]["properties"]) == set(WITH_OPTIONS)


@pytest.mark.parametrize("table", [
    {"select": "title"}, {"select": [3]}, {"fail-on": "sometimes"}, {"per-file-ignores": {"*.html": "title"}},
    {"site-url": "example.com"}, {"allowed-hosts": ["a b"]}, {"baseline": ""}, {"exclude": [""]},
    {"force-exclude": "yes"}, {"limits": {"max-input-bytes": 0}}, {"limits": {"max-input-byte": 1}},
    {"rules": {"title/missing": {"severity": "fatal"}}}, {"rules": {"title/missing": "off"}}, {"unknown": 1}])
def test_the_compiled_config_validator_rejects_what_jsonschema_rejects(table):
    from seoaudit.config import _conforms

    assert not jsonschema.Draft202012Validator(schema()).is_valid(table)
    assert not _conforms(table)


def test_the_compiled_config_validator_accepts_a_full_config():
    from seoaudit.config import _conforms

    table = {"select": ["title", "canonical/missing"], "ignore": ["title/vague"], "fail-on": "warning",
             "per-file-ignores": {"drafts/*.json": ["wordpress"]}, "site-url": "https://example.com",
             "allowed-hosts": ["cdn.example.com"], "allow-private-hosts": ["10.0.0.0/8"], "baseline": "b.json",
             "exclude": ["vendor/"], "force-exclude": True, "limits": {"max-input-bytes": 1000},
             "rules": {"title/missing": {"severity": "info"}}}
    assert jsonschema.Draft202012Validator(schema()).is_valid(table)
    assert _conforms(table)


def test_the_compiled_config_validator_is_generated_from_the_shipped_schema(monkeypatch):
    import fastjsonschema

    monkeypatch.syspath_prepend(str(ROOT / "tools"))  # the tool imports its sibling make_type_validators
    from config_schema import VALIDATOR, validator_text

    on_disk = VALIDATOR.read_text(encoding="utf-8")
    generated_by = re.search(r'^VERSION = "(.*)"', on_disk, re.MULTILINE).group(1)
    if generated_by != fastjsonschema.VERSION:  # another fastjsonschema writes other code: the tests above judge it
        pytest.skip(f"generated by fastjsonschema {generated_by}, {fastjsonschema.VERSION} installed")
    assert on_disk == validator_text(schema()), "run `python tools/config_schema.py` to regenerate it"


def test_readme_options_table_is_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- options:start[^>]*-->\n(.*?)\n<!-- options:end -->", readme, re.DOTALL)
    assert match, "README.md lacks the options table markers"
    assert match.group(1) == options_markdown(), "run `python tools/readme_config.py` to regenerate it"
    rows = match.group(1).splitlines()[2:]
    assert len(rows) == sum(len(RULES[r].declared_options) for r in WITH_OPTIONS)
    assert ("| `twitter/large-image-spec` | `max_crop` | number | `0.34` | from 0 to 1 | The largest share of the "
            "image a 2:1 crop may cut off. |") in rows
