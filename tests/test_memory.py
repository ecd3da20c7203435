"""Memory that does not grow with the run: reports stream or spool to disk, results are not kept, files are found
as the walk goes, and only the batch rules' state (measured in tests/test_batch.py) grows, within its budget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seoaudit.registry import all_rules

from .conftest import EXAMPLES, ROOT

BATCH_RULES = ",".join(rule.id for rule in all_rules().values() if rule.is_batch)  # the rules across documents
# The peak resident memory of the whole process, reported as it exits.
PEAK = """
import atexit, re, sys
from pathlib import Path
from seoaudit.cli import main
status = Path("/proc/self/status")
atexit.register(lambda: sys.stderr.write("peak " + re.search(r"VmHWM:\\s+(\\d+)", status.read_text())[1]))
sys.argv = ["seoaudit", *sys.argv[1:]]
main()
"""


def _site(directory: Path, pages: int) -> str:
    directory.mkdir()
    page = (EXAMPLES / "clean-page.html").read_text(encoding="utf-8")
    for i in range(pages):
        (directory / f"p{i:05}.html").write_text(page.replace("<title>", f"<title>Page {i} – "), encoding="utf-8")
    return str(directory)


def _peak_kb(tmp_path: Path, site: str, *args: str) -> int:
    """Peak kB of `seoaudit check SITE` writing every whole-file report, in one process (--jobs 1)."""
    reports = [f"--format={name}:{tmp_path / f'report.{name}'}"
               for name in ("json", "sarif", "junit", "markdown", "html")]
    done = subprocess.run([sys.executable, "-c", PEAK, "check", "--isolated", "--jobs", "1", "--fail-on", "never",
                           *reports, "--format", f"rich:{tmp_path / 'report.txt'}", *args, site],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stderr.rsplit("peak ", 1)[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_run_of_thousands_of_pages_holds_what_a_run_of_a_hundred_does(tmp_path):
    hundred_site, thousands_site = _site(tmp_path / "small", 100), _site(tmp_path / "large", 3000)
    hundred = _peak_kb(tmp_path, hundred_site, "--ignore", BATCH_RULES)
    thousands = _peak_kb(tmp_path, thousands_site, "--ignore", BATCH_RULES)
    # Before issue 12 a run kept every result (some 170 kB a page): thirty times the pages added some 500 MB.
    # What may still grow is bounded: the rules' caches (lru_cache of titles and widths) fill up.
    assert thousands < 1.15 * hundred, (hundred, thousands)
    with_batch_rules = _peak_kb(tmp_path, thousands_site)
    # kB: the batch state, a few hundred bytes a page and rule (some 2.5 times that as resident memory)
    assert with_batch_rules - thousands < 3000 * len(BATCH_RULES.split(","))
