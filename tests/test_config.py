"""Config files: discovery, validation against the shipped schema and the rules, and the CLI over them."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.config import ConfigError, FileConfig, Overrides, discover, reference_markdown, resolve, schema, validate
from seoaudit.model import Severity

from .conftest import EXAMPLES, ROOT

runner = CliRunner()


def check(*args, cwd=None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["check", "--format", "json", *map(str, args)])
    report = json.loads(result.stdout) if result.stdout.startswith("{") else None
    return result.exit_code, report, result.stderr


def rules_of(report) -> set[str]:
    return {f["rule"] for d in report["documents"] for f in d["findings"]}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project directory as the working directory, so the repository's files are not found."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- discovery --------------------------------------------------------------------------------------


def test_dot_file_is_found_from_a_subdirectory(project):
    (project / ".seoaudit.toml").write_text('ignore = ["schema"]\n')
    sub = project / "content" / "posts"
    sub.mkdir(parents=True)
    found = discover(sub)
    assert found.path == project / ".seoaudit.toml" and found.values == {"ignore": ["schema"]}


def test_pyproject_without_a_table_is_skipped(project):
    (project / ".seoaudit.toml").write_text('select = ["image"]\n')
    inner = project / "site"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "site"\n')
    assert discover(inner).path == project / ".seoaudit.toml"
    (inner / "pyproject.toml").write_text('[tool.seoaudit]\nselect = ["schema"]\n')
    assert discover(inner).values == {"select": ["schema"]}


def test_dot_file_beats_pyproject_in_one_directory(project):
    (project / ".seoaudit.toml").write_text('select = ["image"]\n')
    (project / "pyproject.toml").write_text('[tool.seoaudit]\nselect = ["schema"]\n')
    assert discover(project).path.name == ".seoaudit.toml"


def test_no_config_anywhere_is_the_defaults(project):
    if any((d / ".seoaudit.toml").exists() or (d / "pyproject.toml").exists() for d in project.parents):
        pytest.skip("a parent of the temporary directory has a config file")
    assert discover(project) == FileConfig()


def test_config_applies_through_the_cli(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.seoaudit]\nselect = ["schema"]\n')
    _, report, _ = check(EXAMPLES / "broken-page.html")
    assert {r.split("/")[0] for r in rules_of(report)} == {"schema"}
    assert {"schema/dangling-reference", "schema/jsonld-invalid"} <= rules_of(report)
    _, report, _ = check(EXAMPLES / "broken-page.html", "--isolated")
    assert "canonical/relative" in rules_of(report)
    other = project / "other.toml"
    other.write_text('select = ["canonical/relative"]\n')
    _, report, _ = check(EXAMPLES / "broken-page.html", "--config", other)
    assert rules_of(report) == {"canonical/relative"}


def test_config_option_for_a_pyproject_without_table_is_an_error(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, _, stderr = check(EXAMPLES / "clean-post.json", "--config", project / "pyproject.toml")
    assert code == 2 and "has no [tool.seoaudit] table" in stderr


# -- validation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ('site_url = "https://example.com"', "unknown key 'site_url' (did you mean 'site-url'?)"),
    ('extend_select = ["image"]', "unknown key 'extend_select' (did you mean 'extend-select'?)"),
    ('ignore = "schema"', "ignore: 'schema' is not of type 'array'"),
    ('ignore = ["schema/dangling-refrence"]',
     "ignore: unknown rule or category 'schema/dangling-refrence' (did you mean 'schema/dangling-reference'?)"),
    ('select = ["imgae"]', "select: unknown rule or category 'imgae' (did you mean 'image'?)"),
    ('fail-on = "critical"', "fail-on: 'critical' is not one of ['error', 'warning', 'info', 'never']"),
    ('site-url = "example.com"', "site-url: 'example.com' does not match"),
    ('[rules."image/preview-too-narow"]\nmin_width = 1',
     "unknown rule 'image/preview-too-narow' (did you mean 'image/preview-too-narrow'?)"),
    ('[rules."image/preview-too-narrow"]\nmin_widht = 1',
     "unknown option 'min_widht' for rule 'image/preview-too-narrow' (did you mean 'min_width'?)"),
    ('[rules."image/preview-too-narrow"]\nmin_width = "wide"',
     "rules.\"image/preview-too-narrow\".min_width: expected an integer (at least 1), got 'wide'"),
    ('[rules."image/preview-too-narrow"]\nseverity = "fatal"', "'fatal' is not one of ['error', 'warning', 'info']"),
    ('[rules.image]\nmin_width = 1', "unknown option 'min_width' for category (only `severity` is allowed) 'image'"),
    ('[per-file-ignores]\n"*.html" = ["canonical/relatve"]',
     "per-file-ignores.\"*.html\": unknown rule or category 'canonical/relatve'"),
    ("select = [", "invalid TOML"),
])
def test_bad_config_is_exit_2_with_one_line_naming_it(project, text, message):
    (project / ".seoaudit.toml").write_text(text + "\n")
    code, report, stderr = check(EXAMPLES / "clean-post.json")
    assert code == 2 and report is None
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"seoaudit: error: {project / '.seoaudit.toml'}: ") and message in lines[0], lines[0]


def test_errors_in_pyproject_name_the_table(project):
    (project / "pyproject.toml").write_text('[tool.seoaudit]\nignor = ["schema"]\n')
    _, _, stderr = check(EXAMPLES / "clean-post.json")
    assert "pyproject.toml [tool.seoaudit]: unknown key 'ignor' (did you mean 'ignore'?)" in stderr


def test_missing_config_file_is_exit_2(project):
    code, _, stderr = check(EXAMPLES / "clean-post.json", "--config", project / "nope.toml")
    assert code == 2 and "nope.toml: config file not found" in stderr


def test_a_full_config_is_valid_against_the_shipped_schema():
    table = {
        "select": ["canonical", "image"], "extend-select": ["schema/empty-id"], "ignore": ["image/too-small"],
        "per-file-ignores": {"drafts/*.json": ["canonical/draft-placeholder"]},
        "rules": {"image/preview-too-narrow": {"min_width": 1000, "severity": "info"},
                  "canonical": {"severity": "warning"}},
        "site-url": "https://www.example.com", "allowed-hosts": ["cdn.example.com"], "fail-on": "warning",
        "baseline": "seoaudit-baseline.json",
    }
    jsonschema.validate(table, schema())
    validate(table)


# -- resolution: the file, then the command line ---------------------------------------------------------


def test_severity_and_options_reach_the_engine():
    file = FileConfig(None, {"rules": {"image/preview-too-narrow": {"min_width": 1000, "severity": "info"},
                                       "canonical": {"severity": "warning"},
                                       "canonical/relative": {"severity": "info"}}})
    config = resolve(file).config
    assert config.options == {"image/preview-too-narrow": {"min_width": 1000}}
    assert config.severities["image/preview-too-narrow"] is Severity.INFO
    assert config.severities["canonical/missing"] is Severity.WARNING  # from its category
    assert config.severities["canonical/relative"] is Severity.INFO  # its own beats its category's


def test_severity_override_changes_findings_and_exit_code(project):
    (project / ".seoaudit.toml").write_text('[rules."canonical/draft-placeholder"]\nseverity = "error"\n')
    code, report, _ = check(EXAMPLES / "draft-post.json", "--select", "canonical")
    assert code == 1
    assert {f["severity"] for f in report["documents"][0]["findings"]} == {"error"}


def test_option_from_config_changes_a_rule(project):
    (project / ".seoaudit.toml").write_text('select = ["image/preview-too-narrow"]\n'
                                            '[rules."image/preview-too-narrow"]\nmin_width = 100\n')
    _, report, _ = check(EXAMPLES / "broken-images.json")
    assert "image/preview-too-narrow" not in rules_of(report)


def test_cli_select_replaces_and_ignore_adds(project):
    (project / ".seoaudit.toml").write_text('select = ["schema/dangling-reference", "schema/jsonld-invalid"]\n'
                                            'ignore = ["schema/jsonld-invalid"]\n')
    _, report, _ = check(EXAMPLES / "broken-page.html")
    assert rules_of(report) == {"schema/dangling-reference"}
    _, report, _ = check(EXAMPLES / "broken-page.html", "--select", "canonical")
    assert {r.split("/")[0] for r in rules_of(report)} == {"canonical"}
    assert {"canonical/conflicting", "canonical/relative"} <= rules_of(report)
    _, report, _ = check(EXAMPLES / "broken-page.html", "--ignore", "schema/dangling-reference")
    assert rules_of(report) == set()


def test_a_rule_id_beats_its_category(project):
    (project / ".seoaudit.toml").write_text('ignore = ["canonical"]\nextend-select = ["canonical/relative"]\n')
    _, report, _ = check(EXAMPLES / "broken-page.html")
    canonical = {r for r in rules_of(report) if r.startswith("canonical/")}
    assert canonical == {"canonical/relative"}


def test_cli_fail_on_beats_the_file(project):
    (project / ".seoaudit.toml").write_text('fail-on = "info"\nselect = ["canonical/draft-placeholder"]\n')
    assert check(EXAMPLES / "draft-post.json")[0] == 1
    assert check(EXAMPLES / "draft-post.json", "--fail-on", "error")[0] == 0
    (project / ".seoaudit.toml").write_text('fail-on = "never"\n')
    assert check(EXAMPLES / "broken-page.html")[0] == 0


def test_site_url_from_the_file_and_the_cli():
    file = FileConfig(None, {"site-url": "https://www.example.com", "allowed-hosts": ["cdn.example.com"]})
    assert resolve(file).config.site_url == "https://www.example.com"
    assert resolve(file).config.allowed_hosts == ("cdn.example.com",)
    assert resolve(file, Overrides(site_url="https://x.example")).config.site_url == "https://x.example"


def test_per_file_ignores(project):
    (project / ".seoaudit.toml").write_text('[per-file-ignores]\n"*.html" = ["canonical"]\n'
                                            '"exports/*.json" = ["image"]\n')
    (project / "exports").mkdir()
    (project / "exports" / "images.json").write_bytes((EXAMPLES / "broken-images.json").read_bytes())
    _, report, _ = check(EXAMPLES / "broken-page.html", "exports", EXAMPLES / "broken-images.json")
    page, exported, original = report["documents"]
    assert not any(f["category"] == "canonical" for f in page["findings"])
    assert any(f["category"] == "schema" for f in page["findings"])
    assert not any(f["category"] == "image" for f in exported["findings"])  # matched relative to the config
    assert any(f["category"] == "image" for f in original["findings"])


def test_baseline_path_is_relative_to_the_config_file(project):
    (project / ".seoaudit.toml").write_text('baseline = "ci/baseline.json"\n')
    settings = resolve(discover(project))
    assert settings.baseline == project / "ci" / "baseline.json"


# -- the README's config reference is the schema's -----------------------------------------------------


def test_readme_config_reference_matches_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- config:start[^>]*-->\n(.*?)\n<!-- config:end -->", readme, re.DOTALL)
    assert match, "README.md lacks the config reference markers"
    assert match.group(1) == reference_markdown(), "run `python tools/readme_config.py` to regenerate it"


def test_every_schema_key_is_documented():
    for key, spec in schema()["properties"].items():
        assert spec.get("description"), key


def test_config_error_is_an_exception_with_one_line():
    with pytest.raises(ConfigError) as info:
        validate({"selekt": []}, "x.toml")
    assert str(info.value) == "x.toml: unknown key 'selekt' (did you mean 'select'?)"


# -- the config of each file: the nearest one above it (ruff's hierarchical discovery) ------------------------


def test_a_file_uses_the_config_above_it_wherever_the_run_starts(project, monkeypatch):
    # The review's minor 11: from another directory, the project's config was not used.
    site = project / "site"
    site.mkdir()
    (site / "broken-images.json").write_bytes((EXAMPLES / "broken-images.json").read_bytes())
    (site / ".seoaudit.toml").write_text('ignore = ["image"]\n')
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    _, report, _ = check(site / "broken-images.json", cwd=elsewhere, monkeypatch=monkeypatch)
    assert rules_of(report) and not any(r.startswith("image/") for r in rules_of(report))
    _, report, _ = check(site / "broken-images.json", "--isolated", cwd=elsewhere, monkeypatch=monkeypatch)
    assert any(r.startswith("image/") for r in rules_of(report))


def test_the_nearest_config_wins_and_the_command_line_applies_to_each(project, monkeypatch):
    (project / ".seoaudit.toml").write_text('ignore = ["schema"]\n')
    for name in ("a", "b"):
        (project / name).mkdir()
        (project / name / "post.json").write_bytes((EXAMPLES / "broken-canonical.json").read_bytes())
    (project / "b" / "pyproject.toml").write_text('[tool.seoaudit]\nselect = ["url"]\n')
    _, report, _ = check("a", "b", cwd=project, monkeypatch=monkeypatch)
    a, b = ({f["rule"] for f in d["findings"]} for d in report["documents"])
    assert "canonical/mismatch-link" in a and not any(r.startswith("schema/") for r in a)
    assert {r.split("/")[0] for r in b} == {"url"}  # b's own config, not the root's
    _, report, _ = check("a", "b", "--ignore", "url", cwd=project, monkeypatch=monkeypatch)
    assert not any(f["rule"].startswith("url/") for d in report["documents"] for f in d["findings"])
    _, report, _ = check("a", "b", "--config", project / ".seoaudit.toml", cwd=project, monkeypatch=monkeypatch)
    assert "canonical/mismatch-link" in {f["rule"] for f in report["documents"][1]["findings"]}  # one config for all
