"""Benchmark: audit every HTML page of the corpus in one process; compare with lxml's bare parse.

    python bench/bench.py [CORPUS_HTML_DIR] [--repeat N]

Prints pages per second for the full audit (load → extract → all rules → metadata) and the ratio of
its time to lxml's parse of the same bytes. Files are read into memory first, so disk time is excluded
from both. The best of N repeats is kept for each, to damp noise from other processes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lxml import etree, html

from seoaudit.engine import Config, audit_document
from seoaudit.load import load_bytes

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def bare_parse(pages: list[bytes]) -> float:
    start = time.perf_counter()
    for data in pages:
        etree.fromstring(data, html.HTMLParser(encoding="utf-8"))
    return time.perf_counter() - start


def full_audit(pages: list[tuple[str, bytes]], config: Config) -> tuple[float, int]:
    rules = config.rules()
    findings = 0
    start = time.perf_counter()
    for name, data in pages:
        for document in load_bytes(data, name):
            findings += len(audit_document(document, config, rules).findings)
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
    rules_only = Config(structured_data=False)  # what `check` runs for the terminal report
    with_metadata = Config()  # plus microdata and RDFa through extruct, as the JSON report shows
    for config in (rules_only, with_metadata):
        full_audit(pages, config)  # warm imports and caches outside the measurement
    parse_best = min(bare_parse([d for _, d in pages]) for _ in range(args.repeat))
    megabytes = sum(len(d) for _, d in pages) / 1e6
    print(f"pages:            {len(pages)} ({megabytes:.1f} MB), rules: {len(rules_only.rules())}")
    print(f"lxml parse:       {parse_best * 1000:8.1f} ms  ({len(pages) / parse_best:6.0f} pages/s, "
          f"mean page {parse_best / len(pages) * 1000:.2f} ms)")
    for label, config in (("audit", rules_only), ("audit+metadata", with_metadata)):
        runs = [full_audit(pages, config) for _ in range(args.repeat)]
        best = min(t for t, _ in runs)
        print(f"{label + ':':<17} {best * 1000:8.1f} ms  ({len(pages) / best:6.0f} pages/s)  "
              f"{best / parse_best:.2f}x lxml's parse  ({runs[0][1]} findings)")
    print(f"(best of {args.repeat} runs each, one process, files read into memory first)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
