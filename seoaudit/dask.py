"""dask: the audit on a Dask cluster (or a `LocalCluster` on this machine), for inputs past one machine.

    from seoaudit.dask import audit_shards
    audit = audit_shards(["crawl-00.warc.gz", "crawl-01.warc.gz"], "out/", client=client)
    audit.totals.summary()

Nothing here schedules: Dask does. Each partition of the bag is audited by one task, on a worker, with the same
compiled `Auditor` a local run uses (shipped once, as one key of the graph): the worker reads its shard itself
(a whole file, or a range of its records), audits each document through a `Run` of its own, writes the
results as NDJSON (`results/part-NNNNN.ndjson`, one `document` line each, as `--format ndjson` writes them),
and hands back only what the rules that compare documents need (their aggregation state, aggregate.py),
the run's counts and the ignore comments of the documents in that state. Dask's tree reduction combines
those (`Aggregation.combine` is associative and commutative), and a last task, where the combined state is,
finishes it into the cross-document findings (`late.ndjson`) and the summary (`summary.json`). The driver
gets back the counts: never a result, nor the state.

`audit_bag` does the same for any bag of `Document`s (one partition is one task), `shard_bag` makes that bag
from files. dask[distributed] and warcio are optional: `pip install 'seoaudit[dask]'`.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import Auditor, Config
from .limits import Limits
from .model import Document, DocumentKey
from .results import Totals

SPLIT_EVERY = 8  # partition states combined per task of the reduction tree
MISSING = "the Dask scheduler needs dask[distributed] and warcio: pip install 'seoaudit[dask]'"


def missing() -> str | None:
    """Why this module cannot run (its optional dependencies are not installed), or None."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        import warcio  # noqa: F401
    except ImportError:
        return MISSING
    return None


@dataclass
class Partial:
    """What one partition (or a subtree of the reduction) hands on: never the results themselves."""

    totals: Totals
    state: Any  # aggregate.BatchState
    suppressions: dict[DocumentKey, tuple] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # the NDJSON parts written
    records: Counter = field(default_factory=Counter)  # what the crawl archives held (inputs/warc.py)


@dataclass
class DaskAudit:
    """A finished audit: its counts (with the cross-document findings), and where its results are."""

    totals: Totals
    results: list[Path]  # the NDJSON parts, in partition order
    late: Path  # the cross-document findings: one `late` line per document that has any
    summary: Path
    records: Counter

    def summary_dict(self) -> dict:
        return self.totals.summary()


# -- shards -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shard:
    """One partition's input: a file, or records `first` to `stop` of one (WARC records, NDJSON lines)."""

    path: str
    first: int = 0
    stop: int | None = None

    def documents(self, limits: Limits, records: Counter) -> Iterator[Document]:
        from .inputs import snapshot, warc
        from .load import load_file

        if warc.is_warc(self.path):
            index = archive_index(self.path) if self.first or self.stop is not None else None
            return warc.WarcInput(self.path, self.path, self.first, self.stop).documents(limits, records, index)
        if snapshot.is_ndjson(self.path):
            return snapshot.NdjsonInput(self.path, self.path, self.first, self.stop).documents(limits)
        return load_file(Path(self.path), self.path, limits)


# The WARC indexes a worker process made, by (path, size, mtime), the last few: the partitions of a file that land
# on a worker share one pass over its headers, and no partition is tied to the worker that made an index.
_INDEXES: OrderedDict[tuple, Any] = OrderedDict()
INDEXES_KEPT = 4
_INDEXES_LOCK = threading.Lock()


def archive_index(path: str):
    """The index of a WARC file (inputs/warc.py), made once per worker process and file."""
    from .inputs import warc

    try:
        status = os.stat(path)
    except OSError:
        return None  # reading the partition reports why
    key = (path, status.st_size, status.st_mtime_ns)
    with _INDEXES_LOCK:
        if key in _INDEXES:
            _INDEXES.move_to_end(key)
            return _INDEXES[key]
        found = _INDEXES[key] = warc.index_archive(path)
        while len(_INDEXES) > INDEXES_KEPT:
            _INDEXES.popitem(last=False)
        return found


def count_records(path: str) -> int:
    """Records of a WARC file (its index, kept for the partitions this worker gets) or lines of an NDJSON file;
    at least 1 (a file that cannot be read is one partition, whose reading says why)."""
    from .inputs import warc

    if warc.is_warc(path):
        index = archive_index(path)
        return max(1, index.records) if index is not None else 1
    import gzip

    try:
        with open(path, "rb") as raw:
            stream = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
            return max(1, sum(1 for _ in stream))
    except (OSError, EOFError):
        return 1


def shards(paths: Iterable[str], records_per_partition: int | None = None, client=None) -> list[Shard]:
    """The partitions of `paths` (files; folders walked as `seoaudit check` walks them): one per file, or, with
    `records_per_partition`, one per that many records of each WARC or NDJSON file, whose records are counted
    where the files are read (on the workers when a `client` is given)."""
    from .discovery import FileRules, discover
    from .load import _DefaultFiles

    settings = _DefaultFiles(FileRules.default(Path.cwd().resolve()))
    files = [str(entry.path) for entry in discover(paths, lambda _: settings)
             if entry.path is not None and entry.skipped is None and not entry.is_dir]
    splittable = [path for path in files if records_per_partition and _splittable(path)]
    counted = client.gather(client.map(count_records, splittable)) if client is not None else \
        [count_records(path) for path in splittable]
    counts = dict(zip(splittable, counted, strict=True))
    found = []
    for path in files:
        if path not in counts:
            found.append(Shard(path))
            continue
        found += [Shard(path, first, first + records_per_partition)
                  for first in range(0, counts[path], records_per_partition)]
    return found


def _splittable(path: str) -> bool:
    from .inputs import snapshot, warc

    return warc.is_warc(path) or snapshot.is_ndjson(path)


def shard_bag(found: Sequence[Shard], limits: Limits | None = None):
    """A Dask bag of the documents of `found`, one partition per shard, read on the worker that audits it."""
    import dask.bag as db

    limits = limits or Limits()
    return db.from_sequence(list(found), npartitions=max(1, len(found))).map_partitions(_read, limits)


def _read(partition: Iterable[Shard], limits: Limits) -> Iterator[Document]:
    for shard in partition:
        yield from shard.documents(limits, Counter())


# -- the audit ---------------------------------------------------------------------------------------------


def audit_shards(paths: Iterable[str], out: str | Path, config: Config | None = None, client=None,
                 records_per_partition: int | None = None, split_every: int = SPLIT_EVERY) -> DaskAudit:
    """Audit files (WARC, NDJSON, JSON, HTML) on the cluster of `client` (None: Dask's default scheduler)."""
    import dask

    found = shards(paths, records_per_partition, client)
    auditor, shipped, results = _prepare(config, Path(out))
    parts = [dask.delayed(_audit_shard)(shard, index, shipped, _part(results, index))
             for index, shard in enumerate(found)]
    return _reduce(parts, auditor, shipped, Path(out), client, split_every)


def audit_bag(documents, out: str | Path, config: Config | None = None, client=None,
              split_every: int = SPLIT_EVERY) -> DaskAudit:
    """Audit a Dask bag of `Document`s: one task per partition."""
    import dask

    auditor, shipped, results = _prepare(config, Path(out))
    parts = [dask.delayed(_audit_partition)(part, index, shipped, _part(results, index))
             for index, part in enumerate(documents.to_delayed())]
    return _reduce(parts, auditor, shipped, Path(out), client, split_every)


def _prepare(config: Config | None, out: Path):
    """The compiled auditor, as one key of the graph (each task gets it unpickled once), and the results folder."""
    import dask

    from .report.ndjson_report import NdjsonFormatter

    auditor = Auditor.compile(config, NdjsonFormatter.NEEDS)
    results = out / "results"
    results.mkdir(parents=True, exist_ok=True)
    return auditor, dask.delayed(auditor, pure=True), results


def _part(results: Path, index: int) -> str:
    return str(results / f"part-{index:05d}.ndjson")


def _reduce(parts: list, auditor: Auditor, shipped, out: Path, client, split_every: int) -> DaskAudit:
    import dask
    import dask.bag as db

    combine = _Combine(auditor)
    tree = db.from_delayed(parts).reduction(combine, combine, split_every=split_every)
    # Finished where the combined state is (a worker): the driver gets the counts, never the state.
    return _compute(dask.delayed(_finish)(tree.to_delayed(), shipped, str(out)), client)


def _compute(collection, client):
    return client.compute(collection).result() if client is not None else collection.compute()


def _audit_shard(shard: Shard, index: int, auditor: Auditor, path: str) -> list[Partial]:
    """One task: read a shard and audit it (`_audit_partition`), counting what its archive records were."""
    records: Counter = Counter()
    documents = shard.documents(auditor.context.limits, records)
    partial = _audit_partition(documents, index, auditor, path)[0]
    partial.records = records
    return [partial]


def _audit_partition(documents: Iterable[Document], index: int, auditor: Auditor, path: str) -> list[Partial]:
    """One task: audit a partition's documents, write their results, hand on the partition's state."""
    from .report.ndjson_report import NdjsonFormatter
    from .run import Run

    run = Run(auditor)
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # on a worker of its own disk: see the README
    with open(path, "w", encoding="utf-8") as stream:
        formatter = NdjsonFormatter(stream.write)
        for result in run.results(documents, order=lambda position, _item: (index, position)):
            formatter.document(result)
    return [Partial(run.totals, run.state, run.suppressions, [path])]


class _Combine:
    """Partition states → one (Dask calls it on each level of the tree)."""

    def __init__(self, auditor: Auditor):
        self.aggregation = auditor.aggregation()

    def __call__(self, partials: Iterable[Partial]) -> Partial:
        merged: Partial | None = None
        for partial in partials:
            if merged is None:
                merged = partial
                continue
            merged.totals.merge(partial.totals)
            merged.state = self.aggregation.combine(merged.state, partial.state)
            merged.suppressions.update(partial.suppressions)
            merged.files += partial.files
            merged.records += partial.records
        if merged is None:
            return Partial(Totals(), self.aggregation.empty())
        return merged


def _finish(partial: Partial, auditor: Auditor, out: str) -> DaskAudit:
    """The last task: the cross-document findings of the combined state, written with the summary."""
    from .report.ndjson_report import NdjsonFormatter
    from .run import Run

    out = Path(out)
    run = Run(auditor)
    run.resume(partial.totals, partial.state, partial.suppressions)
    late_path, summary_path = out / "late.ndjson", out / "summary.json"
    try:
        late = run.finish()
        with open(late_path, "w", encoding="utf-8") as stream:
            NdjsonFormatter(stream.write).late(late)
    finally:
        run.close()
    summary = {"summary": run.totals.summary(), "records": dict(sorted(partial.records.items())),
               "results": [Path(p).name for p in sorted(partial.files)]}
    summary_path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return DaskAudit(run.totals, [Path(p) for p in sorted(partial.files)], late_path, summary_path, partial.records)


@contextmanager
def cluster_client(scheduler: str, workers: int):
    """A `distributed.Client`: of a new `LocalCluster` of `workers` processes (one thread each) for "local", else
    of the scheduler at that address (tcp://host:8786). Closed (and the local cluster stopped) on exit."""
    from distributed import Client, LocalCluster

    if scheduler != "local":
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
