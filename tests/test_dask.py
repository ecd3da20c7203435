"""The audit on Dask (seoaudit/dask.py): a `distributed.LocalCluster` of two worker processes over the whole
corpus packed as WARC shards (and its WordPress objects as an NDJSON shard) gives exactly the findings of the
single-process run, cross-document ones included."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

from .conftest import CORPUS, needs_corpus

pytest.importorskip("distributed")
pytest.importorskip("warcio")
pytestmark = needs_corpus
runner = CliRunner()
SHARDS = 4  # the whole corpus's HTML pages, dealt out in order
PER_PARTITION = 40


def pack(pages: list, path) -> None:
    """HTML files as the response records of one WARC (gzip per record, as crawlers write it)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, file in pages:
            body = file.read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shards")
    files = sorted((CORPUS / "html").rglob("*.html"))
    paths = []
    for n in range(SHARDS):
        pages = [(f"https://corpus.example/{file.relative_to(CORPUS / 'html')}", file) for file in files[n::SHARDS]]
        # the first page of each shard again, under another URL: duplicates that only the reduction can see
        pages.append((f"https://mirror.example/{n}/", files[0]))
        paths.append(folder / f"crawl-{n:02d}.warc.gz")
        pack(pages, paths[-1])
    objects = folder / "posts.ndjson"
    with open(objects, "w", encoding="utf-8") as stream:
        for file in sorted((CORPUS / "wp").rglob("*.json")):
            value = json.loads(file.read_text(encoding="utf-8"))
            for item in value if isinstance(value, list) else [value]:
                stream.write(json.dumps(item) + "\n")
    return [str(path) for path in [*paths, objects]]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def expected(shards) -> dict[str, list[str]]:
    """The findings of the shards audited in this process, once for the module."""
    return single_process(shards)


def records_in(path: str) -> int:
    if path.endswith(".ndjson"):
        with open(path, encoding="utf-8") as stream:
            return sum(1 for _ in stream)
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        return sum(1 for _ in ArchiveIterator(stream))


def single_process(paths) -> dict[str, list[str]]:
    from seoaudit.dask import Shard
    from seoaudit.engine import audit
    from seoaudit.limits import Limits

    documents = [d for path in paths for d in Shard(path).documents(Limits(), __import__("collections").Counter())]
    report = audit(documents)
    from seoaudit.report.json_report import finding_dicts

    return {r.document.display_source: sorted(json.dumps(f, sort_keys=True)
                                              for f in finding_dicts(r.document, r.findings))
            for r in report.documents}


def from_results(out) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for part in sorted((out / "results").glob("part-*.ndjson")):
        for line in part.read_text(encoding="utf-8").splitlines():
            document = json.loads(line)
            assert document["type"] == "document"
            found[document["source"]] = [json.dumps(f, sort_keys=True) for f in document["findings"]]
    for line in (out / "late.ndjson").read_text(encoding="utf-8").splitlines():
        late = json.loads(line)
        found[late["source"]] += [json.dumps(f, sort_keys=True) for f in late["findings"]]
    return {source: sorted(findings) for source, findings in found.items()}


def test_local_cluster_gives_the_single_process_findings(shards, expected, client, tmp_path):
    from seoaudit.dask import audit_shards

    audit = audit_shards(shards, tmp_path, client=client, records_per_partition=PER_PARTITION)
    found = from_results(tmp_path)
    assert len(found) == len(expected) == audit.totals.documents
    pages = len(list((CORPUS / "html").rglob("*.html"))) + SHARDS  # each shard's mirror page too
    assert sum(source.startswith("https://") for source in found) == pages
    assert found == expected
    # the duplicates across shards came from the combined state
    mirrors = [source for source in found if source.startswith("https://mirror.example/")]
    assert all(any('"title/duplicate"' in f for f in found[m]) for m in mirrors), mirrors
    parts = sum(-(-records_in(path) // PER_PARTITION) for path in shards)
    assert len(audit.results) == parts  # a part per PER_PARTITION records of each shard
    summary = json.loads(audit.summary.read_text())
    assert summary["summary"]["documents"] == len(expected)
    assert summary["summary"]["findings"] == sum(map(len, expected.values()))
    assert summary["records"] == {"page": pages}  # what the archives' records were


def test_cli_scheduler_address(shards, expected, client, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["check", "--scheduler", client.scheduler.address, "--results-dir", str(out),
                                 "--isolated", *shards])
    assert result.exit_code == 1, result.stderr
    assert f"results in {out}/results/ ({len(shards)} parts)" in result.stderr
    assert from_results(out) == expected
    assert f"{len(expected)} documents" in result.stdout


def test_cli_scheduler_errors(tmp_path):
    result = runner.invoke(app, ["check", "--scheduler", "local", "https://example.com/"])
    assert result.exit_code == 2 and "--scheduler audits files (shards), not 'https://example.com/'" in result.stderr
    result = runner.invoke(app, ["check", "--scheduler", "local", str(tmp_path / "nothing.warc.gz")])
    assert result.exit_code == 2 and "nothing.warc.gz: no such file or directory" in result.stderr
    result = runner.invoke(app, ["check", "--scheduler", "local", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2 and "--format, --output and --write-baseline" in result.stderr


def test_cli_local_cluster(shards, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["check", "--scheduler", "local", "--jobs", "1", "--results-dir", str(out),
                                 "--isolated", shards[0]])
    assert result.exit_code == 1, result.stderr
    assert from_results(out) == single_process(shards[:1])


def test_missing_extra_is_one_line(tmp_path):
    """Without the extras installed (their imports made to fail), one line and exit 2, no traceback."""
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(b"")
    without = ("import sys; sys.modules.update(dict.fromkeys(('warcio', 'dask', 'dask.bag', 'distributed'))); "
               "from seoaudit.cli import main; sys.argv = ['seoaudit', *sys.argv[1:]]; main()")
    done = subprocess.run([sys.executable, "-c", without, "check", "--scheduler", "local", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (2, "seoaudit: error: the Dask scheduler needs dask[distributed] and "
                                                 "warcio: pip install 'seoaudit[dask]'\n")
    done = subprocess.run([sys.executable, "-c", without, "check", "--isolated", "--format", "json", str(archive)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == f"seoaudit: error: {archive}: reading WARC files needs warcio: pip install 'seoaudit[warc]'\n"
