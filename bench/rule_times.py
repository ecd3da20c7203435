"""Time spent in each rule over the HTML corpus: `python bench/rule_times.py [CORPUS_HTML_DIR] [--top N]`.

Finds the rules that cost the most, for the benchmark's 3x budget. Pages are parsed up front, so the figures
are the rules' own time; work shared through a page's cached properties (the graph, the body's links) is
charged to the first rule that asks for it. Imports and per-process caches are warmed first.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path

from seoaudit.engine import Auditor
from seoaudit.load import load_bytes
from seoaudit.page import Page

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    documents = [doc for p in sorted(args.corpus.rglob("*.htm*")) for doc in load_bytes(p.read_bytes(), str(p))]
    auditor = Auditor.compile()  # its steps pass each rule the artifacts it takes, on the pages that have them
    spent: Counter = Counter()
    start = time.perf_counter()
    pages = [Page(doc) for doc in documents]
    parsed = time.perf_counter() - start
    for page in pages:  # warm imports and per-process caches (vocabulary, validators) first, as bench.py does
        for step in auditor.steps_for(page):
            for _ in step.check(page, step.options):
                pass
    pages = [Page(doc) for doc in documents]  # fresh pages: per-page caches start empty, as in a real run
    # Every page is alive at once here (a run holds one): a collection would walk them all and be charged to
    # whichever rule triggered it.
    gc.disable()
    for page in pages:
        for step in auditor.steps_for(page):
            begin = time.perf_counter()
            for _ in step.check(page, step.options):
                pass
            spent[step.rule.id] += time.perf_counter() - begin
    total = sum(spent.values())
    print(f"{len(pages)} pages: extraction {parsed * 1000:.0f} ms, rules {total * 1000:.0f} ms")
    for rule_id, seconds in spent.most_common(args.top):
        print(f"{seconds * 1000:8.1f} ms  {rule_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
