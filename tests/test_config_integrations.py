"""The CI integrations in the repository: the GitHub Action, the pre-commit hook, the example workflows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seoaudit.report import FORMATS

from .conftest import EXAMPLES, ROOT
from .realistic_repo import make_repository, write

yaml = pytest.importorskip("yaml")

README = (ROOT / "README.md").read_text(encoding="utf-8")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOWS = sorted((EXAMPLES / "ci").glob("*.yml"))


def test_action_is_a_composite_that_uploads_sarif_before_failing():
    steps = ACTION["runs"]["steps"]
    assert ACTION["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in steps]
    upload = next(i for i, u in enumerate(uses) if u.startswith("github/codeql-action/upload-sarif@"))
    fail = next(i for i, step in enumerate(steps) if step.get("name") == "Fail on findings")
    assert upload < fail
    assert {"paths", "fail-on", "format", "upload-sarif"} <= set(ACTION["inputs"])


def test_action_inputs_reach_the_shell_only_through_env():
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"step {step.get('name')!r} expands an expression inside run"


def test_readme_lists_every_action_input():
    line = next(p for p in README.split("\n\n") if "composite action in `action.yml`" in p)
    listed = re.findall(r"`([a-z-]+)`", line.split("(inputs:")[1].split(";")[0])
    assert listed == list(ACTION["inputs"])


def test_pre_commit_hook_runs_check_on_every_file_at_once():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "seoaudit" and hooks[0]["entry"] == "seoaudit check --force-exclude --skip-non-inputs"
    assert set(hooks[0]["types_or"]) == {"json", "html", "xml"}
    assert hooks[0]["require_serial"] is True  # the rules across documents need every file in one process


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_example_workflows_parse_and_use_real_formats(path):
    text = path.read_text(encoding="utf-8")
    yaml.safe_load(text)
    formats = re.findall(r"(?:--format|-f) ([a-z]+)", text)
    assert formats and set(formats) <= set(FORMATS)


def test_readme_recipes_use_real_formats():
    formats = re.findall(r"seoaudit check [^\n]*", README)
    used = {f for line in formats for f in re.findall(r"(?:--format|-f) ([a-z]+)", line)}
    assert used and used <= set(FORMATS)


# -- the integrations as they really run ------------------------------------------------------------------


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo_in_a_realistic_repository(tmp_path):
    """pre-commit from PyPI installs this checkout's hook into its own virtualenv and runs it on a repository
    where package.json, tsconfig.json and node_modules sit beside the posts (the review's B1 and M5)."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                      capture_output=True, text=True).stdout.strip():
        pytest.skip("try-repo installs the committed hook: commit first")
    repo = make_repository(tmp_path / "site")
    write(repo / ".seoaudit.toml", 'extend-exclude = ["public/sale"]\n')
    for n in range(1, 4):  # three posts that share a title: title/duplicate needs all of them in one process
        text = (EXAMPLES / "clean-post.json").read_text().replace("audit-seo-metadata", f"audit-{n}")
        post = json.loads(text)  # its own URL everywhere (link, canonical, og:url): a page of its own
        post["id"] = n
        write(repo / f"content/posts/dup-{n}.json", json.dumps(post))
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run([pre_commit, "try-repo", str(ROOT), "seoaudit", "--all-files", "--verbose"],
                            cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    output = result.stdout + result.stderr
    assert "exit code: 2" not in output, output  # no "not a WordPress REST object" for package.json
    assert output.count(" documents: ") == 1, output  # one process saw every file (require_serial)
    # about.json and the three copies (each with its own URL) share a title: each sees the three others
    assert "is also used by 3 other documents" in output, output
    assert "7 documents:" in output, output  # 5 posts, 1 page, the sitemap; public/sale is excluded by the config
    assert "public/sale/index.html" not in output


ACTION_STEP = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "run")


def run_action_step(workdir: Path, tmp: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """The action's `run` step as the runner runs it: `bash --noprofile --norc -eo pipefail {0}`, the inputs
    in the environment exactly as `env:` maps them, and the runner's own files."""
    script = tmp / "step.sh"
    script.write_text(ACTION_STEP["run"])
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values = {**defaults, **inputs}
    env = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp),
           "RUNNER_TEMP": str(tmp), "GITHUB_OUTPUT": str(tmp / "output"), "GITHUB_STEP_SUMMARY": str(tmp / "summary"),
           "NO_COLOR": "1"}
    for variable, expression in ACTION_STEP["env"].items():
        env[variable] = values[re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", expression).group(1)]
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workdir,
                            capture_output=True, text=True, env=env, timeout=300)
    outputs = dict(line.split("=", 1) for line in (tmp / "output").read_text().splitlines()) if (
        tmp / "output").exists() else {}
    return result, outputs


def test_action_step_takes_multi_line_paths_and_quoted_args(tmp_path):
    repo = make_repository(tmp_path / "site")
    write(repo / "content/old drafts/post.json", (EXAMPLES / "broken-images.json").read_bytes())
    runner_tmp = tmp_path / "runner"
    runner_tmp.mkdir()
    result, outputs = run_action_step(repo, runner_tmp, paths="content\npublic/blog\n", format="json",
                                      args='--extend-exclude "old drafts" --fail-on warning')
    assert result.returncode == 0, result.stderr  # the step records the exit code; a later step fails the job
    report = json.loads(result.stdout)
    assert sorted(d["source"] for d in report["documents"]) == [
        "content/pages/about.json", "content/posts/hello.json", "public/blog/headless-cache-notes/index.html"]
    assert outputs["exit-code"] == "1" and outputs["sarif-file"] == "seoaudit.sarif"
    assert json.loads((repo / "seoaudit.sarif").read_text())["version"] == "2.1.0"
    assert (runner_tmp / "summary").read_text().startswith("## seoaudit")


def test_action_step_defaults_audit_the_repository_and_a_bad_quote_is_one_line(tmp_path):
    repo = make_repository(tmp_path / "site")
    runner_tmp = tmp_path / "runner"
    runner_tmp.mkdir()
    result, outputs = run_action_step(repo, runner_tmp, **{"upload-sarif": "false", "step-summary": "false"})
    assert outputs == {"exit-code": "1"}, result.stderr  # the broken page's errors, not exit 2 on package.json
    assert "::error file=public/sale/index.html" in result.stdout
    runner_tmp = tmp_path / "runner-2"
    runner_tmp.mkdir()
    result, outputs = run_action_step(repo, runner_tmp, args='--extend-exclude "unclosed')
    assert result.returncode != 0 and outputs == {}
    assert result.stderr.strip() == "seoaudit action: the extra input: No closing quotation"


def test_the_examples_folder_holds_only_audit_inputs_besides_ci():
    # `seoaudit check examples/` walks every .json/.html/.htm below it: CI files must not be among them.
    stray = [p for p in (EXAMPLES / "ci").rglob("*") if p.suffix.lower() in (".json", ".html", ".htm")]
    assert stray == []
