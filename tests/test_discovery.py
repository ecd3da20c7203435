"""Which files a run reads: ruff's discovery (excludes, .gitignore, include, force-exclude, named paths),
what counts as an input (load.json_shape, sitemaps), and seoaudit's own files never being inputs."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.load import json_shape

from .conftest import EXAMPLES
from .realistic_repo import AUDITED, SKIPPED_FOR_CONTENT, make_repository, write

runner = CliRunner()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    make_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return runner.invoke(app, ["check", *map(str, args)])


def shown(*args) -> tuple[list[str], dict[str, str]]:
    """(audited paths, {skipped path: why}) from --show-files."""
    result = run(*args, "--show-files")
    assert result.exit_code == 0, result.output
    audited = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("audit ")]
    skipped = dict(line[6:].split(": ", 1) for line in result.stdout.splitlines() if line.startswith("skip  "))
    return audited, skipped


def sources(*args) -> tuple[int, list[str], str]:
    result = run(*args, "--format", "json")
    report = json.loads(result.stdout)
    return result.exit_code, sorted({d["source"].split("#")[0] for d in report["documents"]}), result.stderr


def test_the_realistic_repository_reads_exactly_its_posts_pages_and_sitemap(repo):
    audited, skipped = shown(".")
    assert audited == AUDITED
    assert skipped["node_modules/"] == "excluded by exclude 'node_modules'"
    assert skipped[".venv/"] == skipped[".cache/"] == skipped[".git/"] == "excluded by exclude '.*'"
    assert skipped["build.log"] == "ignored by .gitignore"
    assert sorted(s for s, why in skipped.items() if why.startswith(("JSON", "XML"))) == SKIPPED_FOR_CONTENT
    code, found, stderr = sources(".")
    assert found == AUDITED and code == 1  # the broken page's errors, not an unreadable package.json
    assert "skipped 5 files that are no post, page or sitemap" in stderr
    assert "content/drafts.json: an empty collection, no posts to audit" in stderr


def test_gitignore_is_respected_with_git_semantics(repo):
    write(repo / "public/.gitignore", "sale/\n*.html\n!keep.html\n")
    write(repo / "public/keep.html", (EXAMPLES / "clean-page.html").read_bytes())
    write(repo / ".git/info/exclude", "content/pages/\n")
    audited, skipped = shown(".")
    assert audited == ["content/posts/hello.json", "public/keep.html", "public/sitemap.xml"]
    assert skipped["public/sale/"] == "ignored by public/.gitignore"
    assert skipped["public/blog/headless-cache-notes/index.html"] == "ignored by public/.gitignore"
    assert skipped["content/pages/"] == "ignored by .git/info/exclude"
    assert shown(".", "--no-respect-gitignore")[0] == [*AUDITED[:2], "public/blog/headless-cache-notes/index.html",
                                                        "public/keep.html", *AUDITED[3:]]


def test_gitignore_applies_from_the_work_tree_root_when_a_subfolder_is_walked(repo):
    write(repo / ".gitignore", "public/sale/\n")
    assert shown("public")[0] == ["public/blog/headless-cache-notes/index.html", "public/sitemap.xml"]


def test_outside_a_git_work_tree_only_dot_ignore_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "clean-page.html", tmp_path / "a.html")
    shutil.copy(EXAMPLES / "clean-page.html", tmp_path / "b.html")
    write(tmp_path / ".gitignore", "a.html\n")
    assert shown(".")[0] == ["a.html", "b.html"]  # as git: no repository, no .gitignore
    write(tmp_path / ".ignore", "b.html\n")
    assert shown(".")[0] == ["a.html"]


def test_exclude_and_extend_exclude_from_the_config_and_the_command_line(repo):
    write(repo / ".seoaudit.toml", 'extend-exclude = ["content/pages", "sale"]\n')
    assert shown(".")[0] == ["content/posts/hello.json", "public/blog/headless-cache-notes/index.html",
                             "public/sitemap.xml"]
    assert shown(".", "--extend-exclude", "*.xml")[0] == ["content/posts/hello.json",
                                                          "public/blog/headless-cache-notes/index.html"]
    # exclude replaces the defaults: hidden folders and node_modules are walked again (unless gitignored)
    audited, _ = shown(".", "--exclude", "public")
    assert ".next/server/pages/index.html" in audited and "node_modules/pkg/README.html" not in audited
    assert not any(path.startswith("public/") for path in audited)
    audited, _ = shown(".", "--exclude", "public", "--no-respect-gitignore")
    assert "node_modules/pkg/README.html" in audited and ".venv/lib/index.html" in audited


def test_a_named_path_is_read_even_if_excluded_unless_force_exclude(repo):
    assert shown("node_modules/pkg/README.html")[0] == ["node_modules/pkg/README.html"]
    assert shown("node_modules")[0] == ["node_modules/pkg/README.html"]  # a named folder is walked
    audited, skipped = shown("node_modules/pkg/README.html", "content/posts/hello.json", "--force-exclude")
    assert audited == ["content/posts/hello.json"]
    assert skipped == {"node_modules/pkg/README.html": "excluded by exclude 'node_modules'"}
    write(repo / ".seoaudit.toml", "force-exclude = true\nextend-exclude = [\"content/pages\"]\n")
    assert shown("content/pages/about.json", "public/sale/index.html")[0] == ["public/sale/index.html"]
    assert shown("content/pages/about.json", "--no-force-exclude")[0] == ["content/pages/about.json"]


def test_include_and_extend_include(repo):
    write(repo / "public/legacy/page.php", (EXAMPLES / "clean-page.html").read_bytes())
    assert "public/legacy/page.php" not in shown(".")[0]
    write(repo / ".seoaudit.toml", 'extend-include = ["*.php"]\n')
    assert "public/legacy/page.php" in shown(".")[0]
    write(repo / ".seoaudit.toml", 'include = ["*.html"]\n')
    assert shown(".")[0] == ["public/blog/headless-cache-notes/index.html", "public/sale/index.html"]


@pytest.mark.parametrize(("name", "cause"), [
    ("package.json", "JSON object is not a WordPress REST object"),
    ("README.md", "a .md file is no input"),
    ("public/feed.xml", "XML that is no sitemap"),
])
def test_a_named_file_that_is_no_input_stays_an_error(repo, name, cause):
    result = run(name, "content/posts/hello.json", "-q")
    assert result.exit_code == 2
    assert f"seoaudit: error: {name}: " in result.stderr and cause in result.stderr


def test_an_empty_collection_is_zero_documents_exit_0_with_a_note(repo):
    result = run("content/drafts.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 documents:")
    assert result.stderr == "seoaudit: note: content/drafts.json: an empty collection, no posts to audit\n"


def test_a_folder_with_nothing_to_audit_is_an_error(repo):
    result = run("node_modules", "--exclude", "pkg")
    assert result.exit_code == 2 and "node_modules: folder holds no post, page or sitemap" in result.stderr


def test_a_file_named_twice_or_also_walked_is_read_once(repo):
    result = run("content/posts/hello.json", "content", "./content/posts/hello.json", "-f", "json")
    found = [d["source"] for d in json.loads(result.stdout)["documents"]]
    assert found == ["content/posts/hello.json", "content/pages/about.json"]


def test_a_baseline_and_reports_written_inside_the_audited_folder_are_never_inputs(tmp_path, monkeypatch):
    # The review's B2: the README's recipe, run twice, must not audit its own baseline or reports.
    monkeypatch.chdir(tmp_path)
    for example in EXAMPLES.glob("*.*"):
        shutil.copy(example, tmp_path)
    first = run(".", "--write-baseline", "b.json", "-f", "json:report.json", "-f", "sarif:out/r.sarif", "-q")
    assert first.exit_code == 0, first.output
    second = run(".", "--baseline", "b.json", "-f", "json:report.json", "-q")
    assert second.exit_code == 0, second.output
    documents = first.stdout.split(" documents")[0].rsplit("\n", 1)[-1]  # the examples' count, reports aside
    assert f"{documents} documents" in second.stdout and "unreadable" not in second.stdout
    again = run(".", "--write-baseline", "b.json", "-q")
    assert again.exit_code == 0 and "b.json" not in json.loads((tmp_path / "b.json").read_text())["findings"][0][
        "document"]
    # Found by walking, yesterday's report is no input either (its shape is none of ours).
    assert "report.json" in shown(".")[1]


def test_a_nested_config_governs_the_files_of_its_folder(repo):
    write(repo / "content/.seoaudit.toml", 'extend-exclude = ["pages"]\n')
    assert shown(".")[0] == [*AUDITED[1:]]


@pytest.mark.parametrize(("value", "shape"), [
    ([], "collection"),
    ([1, {"link": "https://e.com/", "title": {"rendered": "A"}}], "collection"),
    ([{"name": "x"}], None),
    ({"link": "https://e.com/", "title": {"rendered": "A"}}, "wp-post"),
    ({"link": "https://e.com/c/", "taxonomy": "category"}, "wp-term"),
    ({"html": "<title>A</title>", "json": {}}, "yoast-get-head"),
    ({"code": "rest_forbidden", "message": "no", "data": {"status": 401}}, "rest-error"),
    ({"seoaudit_http": {}, "body": ""}, "recorded-http"),
    ({"name": "my-site", "version": "1.0.0"}, None),
    ({"$schema": "https://json-schema.org/draft/2020-12/schema"}, None),
    ({"version": "1.2", "tool": {"name": "seoaudit"}, "documents": []}, None),
    ("text", None),
])
def test_json_shape_says_what_json_is_an_input(value, shape):
    assert json_shape(value) == shape


def test_git_is_not_needed_for_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "node_modules/x/index.html", "<title>x</title>")
    write(tmp_path / "site/index.html", (EXAMPLES / "clean-page.html").read_bytes())
    assert shown(".")[0] == ["site/index.html"]
    assert subprocess.run(["git", "-C", str(tmp_path), "rev-parse"], capture_output=True).returncode != 0
