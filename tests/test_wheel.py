"""The wheel really ships `rules/` as `seoaudit.rules`: build it, install it into a clean venv, list the rules."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile

import pytest

from seoaudit.registry import all_rules

from .conftest import ROOT

pytestmark = pytest.mark.slow  # builds a wheel and installs it into a fresh venv


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # Built from a copy: setuptools builds in the source tree's build/, and a build/ left by an older checkout
    # would put modules that no longer exist into the wheel.
    source = tmp_path_factory.mktemp("source") / "seoaudit"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=600)
    (built,) = out.glob("seoaudit-*.whl")
    return built


def test_wheel_holds_the_rules_under_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "seoaudit/rules/canonical/missing.py" in names
    assert "seoaudit/schemas/report.schema.json" in names
    assert not any(name.startswith("rules/") for name in names), "must not claim the global import name `rules`"


def test_installed_wheel_lists_every_rule(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True,
                             text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-2000:]
    listed = subprocess.run([str(env_dir / "bin" / "seoaudit"), "rules"], capture_output=True, text=True,
                            cwd=tmp_path, env={"COLUMNS": "200", "PATH": str(env_dir / "bin")}, timeout=120)
    assert listed.returncode == 0, listed.stderr
    for rule_id in all_rules():
        assert rule_id in listed.stdout
