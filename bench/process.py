"""Benchmark seoaudit as a whole process: start-up, and a corpus run against a process that only parses it.

    python bench/process.py [CORPUS_HTML_DIR] [--rounds 5] [--jobs 1]

Each round runs, one after the other (so that each ratio compares runs made under the same load):

- `parse`: a Python process that reads every page of the corpus and parses it with lxml (the floor);
- `check -f json` and `check -f rich` of the corpus, output to a file (`--jobs` as given);
- `check -f json, rules no-op`: the same JSON run with every rule's check replaced by one that finds nothing
  (batch rules' signatures too): the pipeline's floor (start-up, reading, the parse, the extraction the report's
  metadata needs, the report), which no work on the rules can go below;
- `check -f json examples/clean-post.json`, cold: one post, most of it start-up.

Prints each measurement's median and range over the rounds, and the median of the rounds' ratios to the parse.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"
PARSE = """
import sys
from pathlib import Path
from lxml import etree, html
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix in (".html", ".htm"):
        etree.fromstring(path.read_bytes(), html.HTMLParser(encoding="utf-8"))
"""
# The CLI with every rule a no-op: what the pipeline costs when the rules cost nothing.
NOOP_RULES = """
import dataclasses, sys
from seoaudit import config, engine, registry
def nothing(page, options, **artifacts): return ()
def no_groups(page, options): return {}
rules = {rule_id: dataclasses.replace(rule, check=None if rule.is_batch else nothing, artifacts=(),
                                      signature=no_groups if rule.is_batch else None)
         for rule_id, rule in registry.all_rules().items()}
registry.all_rules = config.all_rules = engine.all_rules = lambda: rules
from seoaudit.cli import main
sys.argv[0] = "seoaudit"
main()
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", default="1")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp())
    check = [sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never", "--jobs", args.jobs]
    commands = {
        "parse": [sys.executable, "-c", PARSE, str(args.corpus)],
        "check -f json": [*check, "-f", f"json:{out / 'r.json'}", str(args.corpus)],
        "check -f rich": [*check, "-f", f"rich:{out / 'r.txt'}", str(args.corpus)],
        "check -f json, rules no-op": [sys.executable, "-c", NOOP_RULES, *check[3:], "-f", f"json:{out / 'n.json'}",
                                       str(args.corpus)],
        "check post.json (cold)": [*check, "-f", "json", "examples/clean-post.json"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(timed(command))
    for name, runs in times.items():
        ratio = "" if name == "parse" or "cold" in name else (
            f"  {statistics.median(t / p for t, p in zip(runs, times['parse'], strict=True)):.2f}x the parse")
        print(f"{name:<28} median {statistics.median(runs):6.2f} s  (range {min(runs):.2f}–{max(runs):.2f} s){ratio}")
    print(f"({args.rounds} rounds, --jobs {args.jobs}, {args.corpus})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
