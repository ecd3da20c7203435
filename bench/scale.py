"""Benchmark a whole site in one run: N distinct pages, the CLI as a whole process, --jobs 1 and 2.

    python bench/scale.py [--sizes 1000,10000,100000] [--jobs 1,2] [--titles distinct|repeat]
                          [--dir DIR] [--corpus CORPUS_HTML_DIR]

Generates N pages from the corpus's HTML pages (copy k of a page gets its own title, " – copy k", and its own
URL: every occurrence of its canonical URL gets a `copy-k/` path segment), or with `--titles repeat` keeps
every copy's title, description and canonical, so that each title is shared by N/518 pages (the worst case
for the rules that compare documents). Files are written once under DIR (default: a folder in the temporary
directory, reused by later runs) and read from disk by each run, as a user's would be.

Each run is `python -m seoaudit check --isolated --fail-on never --format json:FILE DIR --jobs J`. It prints
wall time, pages per second, seconds per 1,000 pages, the peak resident memory of the run's processes
together and the highest peak of any one of them (both sampled from /proc every 50 ms), and the batch state (what the
rules across documents keep, in bytes per page, from an in-process run of those rules alone; `spilled`
when it went past its memory budget to disk).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html"
_TITLE = re.compile(rb"(<title[^>]*>)(.*?)(</title>)", re.IGNORECASE | re.DOTALL)
_CANONICAL = re.compile(rb"""<link[^>]*rel=["']?canonical["']?[^>]*>""", re.IGNORECASE)
_HREF = re.compile(rb"""href=["']([^"']+)["']""", re.IGNORECASE)


def copy_of(page: bytes, k: int) -> bytes:
    """Copy k of a page with a title and URL of its own (copy 0 is the page)."""
    if k == 0:
        return page
    page = _TITLE.sub(lambda m: m.group(1) + m.group(2) + f" – copy {k}".encode() + m.group(3), page, count=1)
    link = _CANONICAL.search(page)
    href = _HREF.search(link.group(0)) if link else None
    if href and href.group(1).startswith(b"http"):
        url = href.group(1)
        own = url + f"copy-{k}/".encode() if url.endswith(b"/") else url + f"/copy-{k}".encode()
        page = page.replace(url, own)
    return page


def generate(corpus: Path, n: int, titles: str, root: Path) -> Path:
    target = root / f"{titles}-{n}"
    done = target / ".complete"
    if done.exists():
        return target
    pages = [(p.relative_to(corpus), p.read_bytes()) for p in sorted(corpus.rglob("*"))
             if p.suffix in (".html", ".htm")]
    for i in range(n):
        name, page = pages[i % len(pages)]
        k = i // len(pages)
        path = target / f"{k:04d}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page if titles == "repeat" else copy_of(page, k))
    done.write_text("")
    return target


def _tree_rss(pid: int) -> tuple[int, int]:
    """(resident kB of a process and its descendants, the highest peak of any one of them), from /proc."""
    total, largest, todo = 0, 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            largest = max(largest, int(re.search(r"VmHWM:\s+(\d+)", status).group(1)))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total, largest


def run(directory: Path, jobs: int) -> tuple[float, int, int]:
    """(seconds, peak kB of the process tree, peak kB of the largest process)."""
    out = Path(tempfile.mkdtemp()) / "report.json"
    command = [sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never", "--format",
               f"json:{out}", str(directory), "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            tree, largest = _tree_rss(process.pid)
            peak[0], peak[1] = max(peak[0], tree), max(peak[1], largest)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"scale: the run failed ({process.returncode}): {stderr.decode()[-2000:]}")
    out.unlink()
    return seconds, peak[0], peak[1]


def batch_state(directory: Path) -> tuple[float, bool]:
    """Bytes per page the rules across documents keep, and whether that went to disk."""
    from seoaudit.engine import Auditor, Config
    from seoaudit.load import inputs
    from seoaudit.registry import all_rules
    from seoaudit.run import Run

    batch = tuple(rule.id for rule in all_rules().values() if rule.is_batch)  # every rule across documents
    run = Run(Auditor.compile(Config(select=batch), needs=()), jobs=min(2, len(os.sched_getaffinity(0))))
    try:
        pages = sum(1 for _ in run.results(inputs([str(directory)])))
        return run.state_size / pages, run.state.members.spilled
    finally:
        run.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--titles", choices=("distinct", "repeat"), default="distinct")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "seoaudit-scale")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"scale: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    print(f"titles {args.titles}; {len(os.sched_getaffinity(0))} usable CPUs; Python {sys.version.split()[0]}")
    print("| pages | jobs | wall | pages/s | s per 1,000 | peak RSS, all processes | largest process | "
          "batch state |")
    print("|--:|--:|--:|--:|--:|--:|--:|--:|")
    for n in (int(size) for size in args.sizes.split(",")):
        directory = generate(args.corpus, n, args.titles, args.dir)
        per_page, spilled = batch_state(directory)
        state = f"{per_page:.0f} B/page" + (" (spilled)" if spilled else "")
        for jobs in (int(j) for j in args.jobs.split(",")):
            seconds, tree, largest = run(directory, jobs)
            print(f"| {n:,} | {jobs} | {seconds:.1f} s | {n / seconds:.0f} | {seconds / n * 1000:.2f} | "
                  f"{tree / 1024:.0f} MB | {largest / 1024:.0f} MB | {state} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
