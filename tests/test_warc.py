"""Crawl archives as input (seoaudit/inputs/warc.py): real WARCs, made in the test by `wget --warc-file` and by
warcio's own capture of urllib, against a local test server; revisits, truncation and broken archives written
with warcio's writer."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from io import BytesIO

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

from .live_server import LiveServer, page

pytest.importorskip("warcio")
runner = CliRunner()


def site(server: LiveServer) -> dict[str, str]:
    """A small site: a page reached through two redirects whose canonical is a noindexed page, an image, a 404."""
    return {
        "start": server.redirect("/old", server.url("/older")),
        "older": server.redirect("/older", server.url("/a/")),
        "a": server.add("/a/", body=page("Page A", canonical=server.url("/b/"))),
        "b": server.add("/b/", body=page("Page B", extra='<meta name="robots" content="noindex">'),
                        headers=[("Link", f'<{server.url("/b/")}>; rel="canonical"')]),
        "noindex": server.add("/c/", body=page("Page C"), headers=[("X-Robots-Tag", "noindex")]),
        "image": server.add("/i.png", body=b"\x89PNG\r\n", content_type="image/png"),
        "missing": server.add("/gone", status=404, body=b"<html><title>Not found</title></html>"),
    }


def capture(path, urls: list[str]) -> None:
    """warcio's capture of urllib: each response record gzip-compressed on its own, with its request."""
    from warcio.capture_http import capture_http

    with capture_http(str(path)):
        for url in urls:
            try:
                urllib.request.urlopen(url).read()
            except urllib.error.HTTPError as exc:
                exc.read()


def audit(*args):
    result = runner.invoke(app, ["check", *map(str, args), "--isolated", "--format", "json", "--jobs", "1",
                                 "--ignore", "url/dev-host"])
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


def findings(report) -> dict[str, dict[str, str]]:
    return {d["source"]: {f["rule"]: f["message"] for f in d["findings"]} for d in report["documents"]}


def check_site_findings(report, urls: dict[str, str]) -> None:
    found = findings(report)
    assert set(found) == {urls["a"], urls["b"], urls["noindex"], urls["missing"]}  # pages only, each once
    a = found[urls["a"]]
    assert a["url/redirect-chain"] == (f"2 redirects (more than 1): {urls['start']} (301) → {urls['older']} (301) → "
                                       f"{urls['a']}")
    assert a["canonical/target-noindex"] == f"the canonical {urls['b']} is not indexable: meta robots 'noindex'"
    assert "canonical/header-mismatch" not in found[urls["b"]]  # its Link header agrees with its <link>
    assert found[urls["noindex"]]["robots/x-robots-noindex"].startswith("X-Robots-Tag")
    assert found[urls["missing"]]["url/http-error"] == f"page {urls['missing']} answers HTTP 404 Not Found"


def test_warcio_capture(server, tmp_path):
    urls = site(server)
    archive = tmp_path / "crawl.warc.gz"
    capture(archive, [urls["start"], urls["b"], urls["noindex"], urls["image"], urls["missing"]])
    result, report = audit(archive)
    assert result.exit_code == 1, result.stderr
    check_site_findings(report, urls)
    assert "crawl.warc.gz: 4 pages audited; not audited: 7 requests, 2 redirects" in result.stderr
    assert "1 answers not in HTML" in result.stderr


@pytest.mark.skipif(shutil.which("wget") is None and os.environ.get("SEOAUDIT_WP_REQUIRED") != "1",
                    reason="wget is not installed (CI's WordPress setup installs it, and there this test runs)")
@pytest.mark.parametrize("compressed", [True, False])
def test_wget_warc(server, tmp_path, compressed):
    urls = site(server)
    prefix = tmp_path / "wget"
    subprocess.run(["wget", "--quiet", f"--warc-file={prefix}", "--output-document=/dev/null",
                    *([] if compressed else ["--no-warc-compression"]),
                    urls["start"], urls["b"], urls["noindex"], urls["image"], urls["missing"]],
                   check=False, timeout=60)  # exit 8: the 404
    archive = tmp_path / ("wget.warc.gz" if compressed else "wget.warc")
    result, report = audit(archive)
    assert result.exit_code == 1, result.stderr
    check_site_findings(report, urls)
    # wget's own records: warcinfo, its log as a resource and a metadata record
    assert "other records (warcinfo" in result.stderr
    # a folder of archives is walked like a folder of pages
    result, report = audit(tmp_path)
    assert len(report["documents"]) == 4


def write(path, records) -> None:
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for record in records(writer):
            writer.write_record(record)


def response(writer, url: str, body: bytes, status: str = "200 OK", content_type: str = "text/html",
             warc_headers: dict | None = None, extra: dict | None = None):
    from warcio.statusandheaders import StatusAndHeaders

    fields = {"Content-Type": content_type, "Content-Length": str(len(body)), **(extra or {})}
    headers = StatusAndHeaders(status, list(fields.items()), protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                     warc_headers_dict=warc_headers or {})


def test_revisits_truncation_and_other_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders

    archive = tmp_path / "made.warc.gz"
    html = page("Kept")

    def records(writer):
        yield writer.create_warcinfo_record("made.warc.gz", {"software": "test"})
        first = response(writer, "https://example.com/kept/", html)
        yield first
        yield writer.create_revisit_record(
            "https://example.com/kept/", first.rec_headers.get_header("WARC-Payload-Digest"),
            "https://example.com/kept/", first.rec_headers.get_header("WARC-Date"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        yield response(writer, "https://example.com/cut/", html[:40], warc_headers={"WARC-Truncated": "length"})
        yield response(writer, "https://example.com/short/", html[:40],
                       extra={"Content-Length": "9000"})  # the server said more than the record holds
        yield response(writer, "https://example.com/style.css", b"body{}", content_type="text/css")
        yield response(writer, "https://example.com/same/", b"", status="304 Not Modified")

    write(archive, records)
    result, report = audit(archive)
    assert result.exit_code == 2  # a truncated page is input that could not be audited
    assert [d["source"] for d in report["documents"]] == ["https://example.com/kept/", "https://example.com/cut/",
                                                          "https://example.com/short/"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("seoaudit: error:")]
    assert errors[0].startswith(f"seoaudit: error: https://example.com/cut/: its record in {archive} is truncated")
    assert "WARC-Truncated: length" in errors[0]
    assert "short of its Content-Length" in errors[1]
    assert ("seoaudit: note: " + str(archive) + ": 1 pages audited; not audited: 1 revisits (captures of an "
            "unchanged page), 1 answers not in HTML, 2 other records (warcinfo, metadata, not-modified answers); "
            "2 truncated page(s) reported") in result.stderr


@pytest.mark.parametrize("where", ["body", "headers"])
def test_archive_cut_short_keeps_what_was_read(tmp_path, where):
    from warcio.archiveiterator import ArchiveIterator

    whole = tmp_path / "whole.warc.gz"
    write(whole, lambda writer: [response(writer, f"https://example.com/{i}/", page(f"Page {i}")) for i in range(3)])
    with open(whole, "rb") as stream:
        iterator = ArchiveIterator(stream)
        last = [iterator.offset for _ in iterator][-1]
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:len(data) - 40] if where == "body" else data[:last + 30])
    result, report = audit(cut)
    assert result.exit_code == 2
    sources = [d["source"] for d in report["documents"]]
    assert sources[:2] == ["https://example.com/0/", "https://example.com/1/"]
    assert report["documents"][2]["kind"] == "invalid" and len(sources) == 3
    if where == "body":  # warcio hands over what there is: a page shorter than its Content-Length
        assert f"https://example.com/2/: its record in {cut} is truncated" in result.stderr
    else:
        assert f"seoaudit: error: {cut}: unreadable after byte {last}: the archive is cut short" in result.stderr


def test_not_a_warc_and_missing(tmp_path):
    bogus = tmp_path / "bogus.warc"
    bogus.write_bytes(b"this is not an archive\n")
    plain = tmp_path / "plain.warc.gz"
    plain.write_bytes(gzip.compress(b"<html><title>x</title></html>"))
    result, _ = audit(bogus, plain, tmp_path / "absent.warc.gz")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("seoaudit: error:")]
    assert lines[0] == f"seoaudit: error: {bogus}: not a WARC file: a record at byte 0 is ARC, not WARC"
    assert lines[1].startswith(f"seoaudit: error: {plain}: not a WARC file")
    assert lines[2] == f"seoaudit: error: {tmp_path / 'absent.warc.gz'}: no such file or directory"
    assert "Traceback" not in result.stderr
