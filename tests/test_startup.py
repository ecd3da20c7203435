"""Start-up: a run imports only what it needs (DESIGN: keep imports a run does not need out of start-up)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

# Packages, or modules by their full name.
HEAVY = ("pydantic", "jsonschema", "extruct", "httpx", "sqlite3", "tomllib", "importlib.resources")


def imported(*args: str) -> set[str]:
    """The packages and modules of HEAVY that `seoaudit check ARGS` imports."""
    code = ("import json, sys\nfrom seoaudit.cli import main\n"
            f"sys.argv = ['seoaudit', 'check', '--isolated', *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "loaded = {m.split('.')[0] for m in sys.modules} | set(sys.modules)\n"
            f"sys.stderr.write(json.dumps(sorted(loaded & {set(HEAVY)!r})))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("fmt", ["json", "rich", "sarif"])
def test_an_offline_run_of_a_post_imports_nothing_it_does_not_use(fmt):
    # typer's pydantic adapters (seoaudit/cli_values.py), jsonschema (only for a node the fast check fails),
    # extruct (microdata/RDFa, for the JSON report of an HTML page that has any), httpx (live mode), sqlite3
    # (a run too large for memory), tomllib (a config file: these runs are --isolated), importlib.resources
    # (pkgutil.get_data reads the package's data files without it).
    assert imported("-f", fmt, "examples/clean-post.json") == set()


def test_only_the_full_metadata_of_a_page_with_microdata_imports_extruct(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>T</title></head><body><div itemscope itemtype="https://schema.org/Thing">'
                    '<span itemprop="name">N</span></div></body></html>')
    assert "extruct" in imported("-f", "json", "--full-metadata", str(page))
    assert "extruct" not in imported("-f", "json", str(page))
    assert "extruct" not in imported("-f", "rich", str(page))


def test_the_garbage_collector_is_paused_for_start_up_only():
    # main() pauses it while start-up makes objects that live as long as the process (cli._started); a long run
    # needs it back, with those objects frozen out of its sight.
    code = ("import gc, sys\nfrom seoaudit.cli import main\n"
            "sys.argv = ['seoaudit', 'check', '--isolated', '-f', 'json', 'examples/clean-post.json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(f'{gc.isenabled()} {gc.get_freeze_count() > 0}')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "True True"
