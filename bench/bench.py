"""Benchmark: audit every HTML page of the corpus in one process; compare with lxml's bare parse.

    python bench/bench.py [CORPUS_HTML_DIR] [--repeat N]

Prints pages per second for the full audit (load → extract → all rules → metadata) and the ratio of
its time to lxml's parse of the same bytes. Files are read into memory first, so disk time is excluded
from both. N rounds each time the parse and the audits one after the other; the best of each is kept,
to damp noise from other processes, and the median of the rounds' own ratios is shown beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from lxml import etree, html

from seoaudit.engine import HEADLINE, METADATA, Auditor
from seoaudit.load import load_bytes

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def bare_parse(pages: list[bytes]) -> float:
    start = time.perf_counter()
    for data in pages:
        etree.fromstring(data, html.HTMLParser(encoding="utf-8"))
    return time.perf_counter() - start


def full_audit(pages: list[tuple[str, bytes]], auditor: Auditor) -> tuple[float, int]:
    findings = 0
    start = time.perf_counter()
    for name, data in pages:
        for document in load_bytes(data, name):
            findings += len(auditor.audit(document).findings)
    return time.perf_counter() - start, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".html", ".htm"))
    if not paths:
        print(f"bench: no HTML pages under {args.corpus}", file=sys.stderr)
        return 2
    pages = [(str(p), p.read_bytes()) for p in paths]
    rules_only = Auditor.compile(needs={HEADLINE})  # what `check` runs for the terminal report
    with_metadata = Auditor.compile(needs={METADATA})  # plus the metadata (with extruct's microdata and RDFa)
    for auditor in (rules_only, with_metadata):
        full_audit(pages, auditor)  # warm imports and caches outside the measurement
    # Rounds interleave the three measurements, so that each ratio compares runs made under the same load
    # (the machine's speed drifts by 10 % over a minute: measuring the parse first and the audit later skews it).
    parse_times: list[float] = []
    times: dict[str, list[float]] = {"audit": [], "audit+metadata": []}
    findings = 0
    for _ in range(args.repeat):
        parse_times.append(bare_parse([d for _, d in pages]))
        for label, auditor in (("audit", rules_only), ("audit+metadata", with_metadata)):
            seconds, findings = full_audit(pages, auditor)
            times[label].append(seconds)
    parse_best = min(parse_times)
    megabytes = sum(len(d) for _, d in pages) / 1e6
    print(f"pages:            {len(pages)} ({megabytes:.1f} MB), rules: {len(rules_only.rules)}")
    print(f"lxml parse:       {parse_best * 1000:8.1f} ms  ({len(pages) / parse_best:6.0f} pages/s, "
          f"mean page {parse_best / len(pages) * 1000:.2f} ms)")
    for label, runs in times.items():
        best = min(runs)
        per_round = statistics.median(t / parse for t, parse in zip(runs, parse_times, strict=True))
        print(f"{label + ':':<17} {best * 1000:8.1f} ms  ({len(pages) / best:6.0f} pages/s)  "
              f"{best / parse_best:.2f}x lxml's parse (best of each; median of rounds {per_round:.2f}x)")
    print(f"({findings} findings; {args.repeat} rounds, one process, files read into memory first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
