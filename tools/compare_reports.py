"""Compare JSON reports of `seoaudit check --format json`: the same documents in the same order, each with the
same kind, metadata and findings (as a multiset: findings that sort equal may change places), and the same
summary. Prints what differs; exit 0 when nothing does. The report holds nothing run-specific (no timings, no
absolute paths: sources are named as given), so nothing else is ignored.

    python tools/compare_reports.py before.json after.json
    python tools/compare_reports.py --base main [--corpus ../shared/corpus]

The second form audits the corpus with the checkout of a git ref (exported to a temporary directory) and with
this working tree, in three ways: the whole corpus with full metadata; the whole corpus with every rule, opt-in
ones too; and every WordPress JSON file of the corpus on its own (so each object's batch findings come from its
own run). Both sides run from the repository root, so every source is named alike.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def differences(before: dict, after: dict, limit: int = 20) -> list[str]:
    found: list[str] = []
    for key in ("version", "tool", "summary"):
        if before.get(key) != after.get(key):
            found.append(f"{key}: {before.get(key)!r} != {after.get(key)!r}")
    old, new = before["documents"], after["documents"]
    if [d["source"] for d in old] != [d["source"] for d in new]:
        found.append(f"documents: {len(old)} before, {len(new)} after, or not in the same order")
    for a, b in zip(old, new, strict=False):
        where = a["source"]
        for key in ("source", "kind", "metadata"):
            if a.get(key) != b.get(key):
                found.append(f"{where}: {key} differs")
        lost = Counter(map(_canonical, a["findings"])) - Counter(map(_canonical, b["findings"]))
        gained = Counter(map(_canonical, b["findings"])) - Counter(map(_canonical, a["findings"]))
        found += [f"{where}: lost {finding}" for finding in lost]
        found += [f"{where}: gained {finding}" for finding in gained]
        if len(found) >= limit:
            break
    return found[:limit]


def _canonical(finding: dict) -> str:
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def _export(ref: str, into: Path) -> Path:
    """The tree of `ref` under `into`, importable with PYTHONPATH (the rules linked where the package maps them)."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "seoaudit" / "rules").symlink_to(into / "rules", target_is_directory=True)
    return into


def _report(tree: Path | None, args: list[str]) -> dict:
    """The JSON report of `seoaudit check ARGS`, run from the repository root by `tree`'s code (None: this
    working tree, as installed)."""
    env = dict(os.environ)
    if tree is not None:
        # `python -m` puts the working directory (this tree) first on sys.path: without PYTHONSAFEPATH the
        # base's code would never be imported and both sides would run this tree.
        env["PYTHONPATH"] = str(tree)
        env["PYTHONSAFEPATH"] = "1"
    done = subprocess.run([sys.executable, "-m", "seoaudit", "check", "--format", "json", "--isolated", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"seoaudit check {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def runs(corpus: Path) -> list[list[str]]:
    """The command lines compared: the corpus twice, then each WordPress file."""
    source = os.path.relpath(corpus, ROOT)
    every_category = ",".join(sorted(_categories()))
    wordpress = sorted(os.path.relpath(p, ROOT) for p in (corpus / "wp").rglob("*.json"))
    return [[source, "--full-metadata"], [source, "--extend-select", every_category],
            *([path] for path in wordpress)]


def _categories() -> tuple[str, ...]:
    from seoaudit.model import CATEGORIES

    return CATEGORIES


def compare_with(ref: str, corpus: Path) -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="seoaudit-base-") as scratch:
        base = _export(ref, Path(scratch))
        for args in runs(corpus):
            found = differences(_report(base, args), _report(None, args))
            print(f"{' '.join(args)}: " + ("identical" if not found else f"{len(found)} difference(s)"))
            for line in found:
                print("  " + line)
            failures += bool(found)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="*", help="two JSON reports: before, after")
    parser.add_argument("--base", help="a git ref whose code audits the corpus for comparison")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if args.base:
        return compare_with(args.base, args.corpus.resolve())
    if len(args.reports) != 2:
        parser.error("give two reports, or --base REF")
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.reports)
    found = differences(before, after)
    for line in found:
        print(line)
    print("identical" if not found else f"{len(found)} difference(s) shown")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
