"""Benchmark the audit on Dask: N documents as WARC shards, on a 2-worker `LocalCluster` and with `--jobs 2`.

    python bench/dask_scale.py [--sizes 10000,100000] [--shard 5000] [--partition 1000] [--dir DIR]
                               [--corpus CORPUS_HTML_DIR]

Packs N pages made from the corpus's HTML pages (copy k of a page has a title and URL of its own, as
bench/scale.py makes them) into WARC files of `--shard` response records each (gzip per record, as crawlers
write), once under DIR. Then runs, as whole processes, both writing NDJSON (the same work: metadata included):

- `seoaudit check --jobs 2 --format ndjson:FILE SHARDS…` (the process pool on this machine);
- `seoaudit check --scheduler local --jobs 2 --partition-records P --results-dir DIR SHARDS…` (a LocalCluster
  of 2 worker processes; its scheduler runs in the driver process).

For each: wall time, pages per second, and peak resident memory (VmHWM, read from /proc every 0.2 s) of
the driver (with the scheduler, for a LocalCluster), of each worker, and of all processes together (the sum
of their resident memory, at its highest sample).
Prints the load average before and after each run: the machine is shared, so compare within one run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, copy_of  # bench/scale.py: the same pages


def generate(corpus: Path, n: int, shard: int, root: Path) -> list[Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target = root / f"warc-{n}-{shard}"
    done = target / ".complete"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        pages = [(p.relative_to(corpus).as_posix(), p.read_bytes()) for p in sorted(corpus.rglob("*"))
                 if p.suffix in (".html", ".htm")]
        for first in range(0, n, shard):
            with open(target / f"crawl-{first // shard:05d}.warc.gz", "wb") as stream:
                writer = WARCWriter(stream, gzip=True)
                for i in range(first, min(n, first + shard)):
                    name, page = pages[i % len(pages)]
                    k = i // len(pages)
                    body = copy_of(page, k)
                    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                          ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
                    writer.write_record(writer.create_warc_record(
                        f"https://bench.example/{k}/{name}", "response", payload=BytesIO(body), http_headers=headers))
        done.write_text("")
    return sorted(target.glob("*.warc.gz"))


def _processes(root: int) -> list[tuple[int, str, int, int]]:
    """(pid, role, peak kB, resident kB) of a process and its descendants."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
            resident = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
        role = "driver" if pid == root else "other" if "resource_tracker" in command else "worker"
        found.append((pid, role, peak, resident))
    return found


def measure(command: list[str]) -> tuple[float, dict[int, tuple[str, int]], int]:
    """(seconds, {pid: (role, peak kB)}, peak kB of all processes together)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, tuple[str, int]] = {}
    together = [0]

    def sample() -> None:
        while process.poll() is None:
            now = _processes(process.pid)
            together[0] = max(together[0], sum(resident for *_, resident in now))
            for pid, role, peak, _ in now:
                peaks[pid] = (role, max(peak, peaks.get(pid, (role, 0))[1]))
            time.sleep(0.2)  # the peaks are the kernel's (VmHWM): sampling often only costs the run CPU

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode not in (0, 1):
        sys.exit(f"dask_scale: the run failed ({process.returncode}): {stderr.decode()[-3000:]}")
    return seconds, peaks, together[0]


def row(label: str, n: int, seconds: float, peaks: dict, together: int) -> str:
    driver = max((peak for role, peak in peaks.values() if role == "driver"), default=0)
    workers = sorted((peak for role, peak in peaks.values() if role == "worker"), reverse=True)
    shown = ", ".join(f"{peak / 1024:.0f}" for peak in workers[:4]) + (" …" if len(workers) > 4 else "")
    return (f"| {label} | {n:,} | {seconds:.0f} s | {n / seconds:.0f} | {driver / 1024:.0f} MB | {shown} MB | "
            f"{together / 1024:.0f} MB | {os.getloadavg()[0]:.1f} |")


def reduction_state(shard: str) -> tuple[float, float]:
    """Bytes per document of what the rules across documents keep (as counted by the state) and of what one
    partition hands to the reduction (pickled), from an in-process audit of one shard."""
    import pickle

    from seoaudit.dask import Partial, Shard
    from seoaudit.engine import Auditor
    from seoaudit.limits import Limits
    from seoaudit.run import Run

    run = Run(Auditor.compile(needs=()))
    try:
        from collections import Counter

        pages = sum(1 for _ in run.results(Shard(shard).documents(Limits(), Counter())))
        sent = len(pickle.dumps(Partial(run.totals, run.state, run.suppressions), pickle.HIGHEST_PROTOCOL))
        return run.state_size / pages, sent / pages
    finally:
        run.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--shard", type=int, default=5000, help="response records per WARC file")
    parser.add_argument("--partition", type=int, default=1000, help="records per Dask partition (0: a file each)")
    parser.add_argument("--runs", default="jobs,dask", help="which runs: jobs (--jobs 2), dask (LocalCluster)")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "seoaudit-dask-scale")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"dask_scale: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    print(f"{len(os.sched_getaffinity(0))} usable CPUs; Python {sys.version.split()[0]}; load before: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| run | pages | wall | pages/s | driver peak | worker peaks | all processes | load (1 min) after |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    base = [sys.executable, "-m", "seoaudit", "check", "--isolated", "--fail-on", "never", "--jobs", "2"]
    for n in (int(size) for size in args.sizes.split(",")):
        shards = [str(p) for p in generate(args.corpus, n, args.shard, args.dir)]
        if n == int(args.sizes.split(",")[0]):
            state, sent = reduction_state(shards[0])
            print(f"reduction state of one shard ({args.shard:,} pages, in this process): {state:.0f} B per document "
                  f"as counted, {sent:.0f} B per document pickled for the reduction", flush=True)
        out = Path(tempfile.mkdtemp(prefix="dask-scale-"))
        try:
            if "jobs" in args.runs:
                result = measure([*base, "--format", f"ndjson:{out / 'report.ndjson'}", *shards])
                print(row("--jobs 2", n, *result), flush=True)
            if "dask" in args.runs:
                split = ["--partition-records", str(args.partition)] if args.partition else []
                result = measure([*base, "--scheduler", "local", *split, "--results-dir", str(out / "dask"), *shards])
                partitions = f"{args.partition} records/partition" if args.partition else "a partition per file"
                print(row(f"LocalCluster, 2 workers, {partitions}", n, *result), flush=True)
        finally:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
