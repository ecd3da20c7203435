"""Hostile input (issue 5): encodings, gzip, broken rules, regexes on adversarial strings, batch integrity,
signals and closed pipes. Nothing a user or a web page feeds in crashes seoaudit, hangs it or loses results.

No test here measures time: an input that would make a quadratic regex or loop run for minutes shows up as
a pytest-timeout failure (`@pytest.mark.timeout`), never as a timed assertion.
"""

from __future__ import annotations

import codecs
import gzip
import json
import signal
import subprocess
import sys
from dataclasses import replace
from functools import cache

import jsonschema
import pytest
from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.engine import Config, audit, audit_document
from seoaudit.limits import Limits
from seoaudit.load import gunzip, load_bytes, load_paths
from seoaudit.registry import all_rules
from seoaudit.report.json_report import document_dict, render

from .conftest import CORPUS, EXAMPLES, ROOT, needs_corpus

DATA = ROOT / "tests" / "data" / "hostile"
PAGE = '<html><head><meta charset="{charset}"><title>Café crème</title></head><body></body></html>'
POST = {"id": 1, "link": "https://example.com/cafe/", "title": {"rendered": "Café crème"}, "status": "publish",
        "yoast_head_json": {"title": "Café crème"}}


@cache
def report_schema() -> dict:
    return json.loads((ROOT / "seoaudit" / "schemas" / "report.schema.json").read_text())


def results(data: bytes, name: str, limits: Limits | None = None):
    config = Config(limits=limits or Limits())
    return audit(load_bytes(data, name, config.limits), config).documents


def one(data: bytes, name: str, limits: Limits | None = None):
    (result,) = results(data, name, limits)
    return result


def rule_messages(result, rule: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == rule]


def valid_report(docs) -> dict:
    from seoaudit.engine import Report

    docs = list(docs)
    for result in docs:  # no NaN, no lone surrogate: nothing a strict JSON reader or UTF-8 would refuse
        json.dumps(document_dict(result), ensure_ascii=False, allow_nan=False).encode("utf-8")
    report = json.loads(render(Report(docs)))
    jsonschema.validate(report, report_schema())
    return report


# -- encodings: HTML ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_html_in_unicode_encodings_is_read(encoding):
    data = PAGE.format(charset="utf-8").encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # without a BOM: told from the NULs around "<"
        assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    result = one(data, "page.html")
    assert result.metadata["title"] == "Café crème"
    assert rule_messages(result, "input/bad-encoding") == []


def test_meta_charset_disagreeing_with_utf8_bytes_is_reported_and_read_as_utf8():
    result = one(PAGE.format(charset="windows-1252").encode("utf-8"), "page.html")
    assert result.metadata["title"] == "Café crème"  # not "CafÃ© crÃ¨me"
    (message,) = rule_messages(result, "input/bad-encoding")
    assert "'windows-1252'" in message and "CafÃ©" in message


def test_meta_charset_that_is_right_is_trusted():
    result = one(PAGE.format(charset="windows-1252").encode("cp1252"), "page.html")
    assert result.metadata["title"] == "Café crème"
    assert rule_messages(result, "input/bad-encoding") == []
    latin = one(PAGE.format(charset="iso-8859-1").encode("cp1252").replace(b"\xe9", b"\x93"), "page.html")
    assert latin.metadata["title"] == "Caf\u201c crème"  # iso-8859-1 means windows-1252 (HTML Standard)


def test_declared_charset_the_bytes_are_invalid_in_is_reported():
    data = PAGE.format(charset="shift_jis").encode("cp1252")  # é, è: invalid Shift_JIS and invalid UTF-8
    result = one(data, "page.html")
    (message,) = rule_messages(result, "input/bad-encoding")
    assert "invalid in declared 'shift_jis'" in message
    assert result.metadata["title"].startswith("Caf")


def test_invalid_utf8_is_replaced_and_reported():
    result = one(b"<html><head><title>Caf\xe9 \xff\xfe cr\xc3\xa8me</title></head></html>", "page.html")
    assert result.metadata["title"] == "Caf\ufffd \ufffd\ufffd crème"
    (message,) = rule_messages(result, "input/bad-encoding")
    assert "byte offset 22" in message


@pytest.mark.parametrize("charset, says", [
    ("x-no-such-charset", "no known text encoding"),
    ("rot13", "no known text encoding"),  # a Python codec, not a charset
    ("zlib", "no known text encoding"),
    ("utf-7", "no known text encoding"),
    ("utf-16", "no byte-order mark"),  # HTML Standard: read as UTF-8
])
def test_odd_declared_charsets_fall_back_to_utf8(charset, says):
    result = one(PAGE.format(charset=charset).encode("utf-8"), "page.html")
    assert result.metadata["title"] == "Café crème"
    assert any(says in m for m in rule_messages(result, "input/bad-encoding"))


def test_nul_bytes_in_a_utf8_page_are_still_binary():
    (result,) = results(b"<html>\x00\x01\x02", "page.html")
    assert rule_messages(result, "input/unreadable")


# -- encodings: JSON (RFC 8259 §8.1, RFC 4627 §3 detection) -----------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_json_in_unicode_encodings_is_read(encoding):
    result = one(json.dumps(POST, ensure_ascii=False).encode(encoding), "post.json")
    assert result.document.kind == "wp-post"
    assert result.metadata["post"]["title"] == "Café crème"
    notes = rule_messages(result, "input/bad-encoding")
    assert bool(notes) == (encoding not in ("utf-8", "utf-8-sig"))  # UTF-16/32 JSON is read, and said


def test_json_collection_without_suffix_and_bom_is_sniffed():
    result = results(json.dumps([POST, POST]).encode("utf-16-le"), "-")
    assert [r.document.kind for r in result] == ["wp-post", "wp-post"]


def test_invalid_utf8_json_is_unreadable():
    result = one(b'{"link": "https://example.com/", "title": {"rendered": "Caf\xe9"}}', "post.json")
    assert rule_messages(result, "input/unreadable")


def test_lone_surrogate_escapes_become_replacement_characters():
    text = json.dumps({**POST, "title": {"rendered": "A\\ud800B"}, "yoast_head_json": {"title": "\\udfff"}})
    result = one(text.replace("\\\\u", "\\u").encode(), "post.json")
    assert result.metadata["post"]["title"] == "A\ufffdB"
    assert any("2 \\u escapes" in m for m in rule_messages(result, "input/bad-encoding"))
    valid_report([result])


def test_valid_surrogate_pairs_are_kept():
    result = one(json.dumps({**POST, "title": {"rendered": "\U0001f600"}}).encode(), "post.json")
    assert result.metadata["post"]["title"] == "\U0001f600"
    assert rule_messages(result, "input/bad-encoding") == []


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "9" * 5000])
def test_numbers_no_report_could_hold_are_invalid_json(number):
    text = '{"link": "https://example.com/", "title": {"rendered": "T"}, "menu_order": NUMBER}'
    result = one(text.replace("NUMBER", number).encode(), "post.json")
    assert rule_messages(result, "input/invalid-json")
    valid_report([result])


@pytest.mark.parametrize("number", ["NaN", "1e400", "-Infinity"])
def test_numbers_no_report_could_hold_in_jsonld_are_invalid_blocks(number):
    page = (f'<html><head><title>T</title><script type="application/ld+json">{{"@context": "https://schema.org", '
            f'"@type": "ImageObject", "width": {number}}}</script></head></html>')
    result = one(page.encode(), "page.html")
    assert any(f.rule == "schema/jsonld-invalid" for f in result.findings)
    valid_report([result])


# -- gzip ------------------------------------------------------------------------------------------------------


def test_gzip_inputs_by_suffix_and_by_magic_bytes(tmp_path):
    page = PAGE.format(charset="utf-8").encode()
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(json.dumps(POST).encode()))
    (tmp_path / "c.html").write_bytes(gzip.compress(page))  # a server's gzip body saved as .html
    (tmp_path / "skip.gz").write_bytes(gzip.compress(page))  # not .html.gz / .json.gz: not walked
    found = list(load_paths([str(tmp_path)]))
    assert [(d.source.rsplit("/", 1)[1], d.kind) for d in found] == [
        ("a.html.gz", "html"), ("b.json.gz", "wp-post"), ("c.html", "html")]
    docs = audit(found, Config()).documents
    assert {r.metadata.get("title") for r in docs} == {"Café crème"}


def test_multi_member_gzip_is_read_whole():
    data = gzip.compress(b"<html><head><title>Two ") + gzip.compress(b"members</title></head></html>")
    assert one(data, "page.html.gz").metadata["title"] == "Two members"


def test_corrupt_and_truncated_gzip_are_unreadable():
    whole = gzip.compress(PAGE.format(charset="utf-8").encode() * 50)
    for data in (whole[: len(whole) // 2], whole[:10] + b"\x00" * 40):
        (message,) = rule_messages(one(data, "page.html.gz"), "input/unreadable")
        assert "gzip" in message


def test_zip_bomb_is_stopped_at_the_decompressed_limit():
    bomb = gzip.compress(b"\x00" * (8 << 20), compresslevel=9)  # 8 MB of zeros in about 8 KB
    assert len(bomb) < 20_000
    result = one(bomb, "bomb.html.gz", Limits(max_input_bytes=1 << 20))
    (message,) = rule_messages(result, "input/limit-exceeded")
    assert "decompressed input is over the 1,048,576-byte limit" in message


def test_gunzip_never_holds_more_than_the_cap():
    with pytest.raises(Exception):  # noqa: B017 (load.py's private _TooBig)
        gunzip(gzip.compress(b"a" * 100_000), 1000)
    assert gunzip(gzip.compress(b"a" * 1000), 1000) == b"a" * 1000


# -- rules are isolated ----------------------------------------------------------------------------------------


def _boom(page, options):
    raise RuntimeError("rule bug")
    yield  # pragma: no cover


@pytest.fixture
def broken_rule(monkeypatch):
    """title/missing raises on every document, as a buggy rule would."""
    rules = all_rules()
    monkeypatch.setitem(rules, "title/missing", replace(rules["title/missing"], check=_boom))
    return "title/missing"


def test_a_raising_rule_becomes_an_internal_error_and_the_others_still_run(broken_rule):
    result = audit_document(next(load_bytes(b"<html><head></head></html>", "page.html")), Config())
    (error,) = [f for f in result.findings if f.rule == "input/internal-error"]
    assert error.category == "input" and error.severity.label == "error"
    assert "rule title/missing failed on page.html: RuntimeError: rule bug" in error.message
    assert "canonical/missing" in {f.rule for f in result.findings}  # the other rules ran
    assert broken_rule in result.rules


def test_internal_error_can_be_ignored_and_given_a_severity(broken_rule):
    document = next(load_bytes(b"<html><head></head></html>", "page.html"))
    ignored = audit_document(document, Config(ignore=("input/internal-error",)))
    assert "input/internal-error" not in {f.rule for f in ignored.findings}
    from seoaudit.model import Severity

    lowered = audit_document(document, Config(severities={"input/internal-error": Severity.WARNING}))
    assert [f.severity for f in lowered.findings if f.rule == "input/internal-error"] == [Severity.WARNING]


def test_cli_exits_2_on_an_internal_error_whatever_fail_on_says(broken_rule):
    result = CliRunner().invoke(app, ["check", "--format", "json", "--fail-on", "never",
                                      str(EXAMPLES / "clean-page.html"), str(EXAMPLES / "clean-post.json")])
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    assert len(report["documents"]) == 2  # both documents are still reported
    assert "internal error: rule title/missing failed on" in result.stderr


def test_explain_internal_error():
    result = CliRunner().invoke(app, ["explain", "input/internal-error"])
    assert result.exit_code == 0 and "exits 2" in result.stdout


def test_an_exception_outside_any_rule_is_still_a_result(monkeypatch):
    from seoaudit import suppress

    monkeypatch.setattr(suppress, "find", lambda document, comments=None: 1 / 0)
    result = audit_document(next(load_bytes(b"<html><head></head></html>", "page.html")), Config())
    assert [f.rule for f in result.findings] == ["input/internal-error"]
    assert "ZeroDivisionError" in result.findings[0].message


# -- regular expressions on adversarial strings --------------------------------------------------------------
# Each input makes the regex as it was before issue 5 backtrack quadratically: minutes at these sizes.

N = 200_000


@pytest.mark.timeout(60)
def test_title_separators_on_a_long_run_of_spaces():
    from seoaudit.derive.text import title_parts

    assert title_parts("Post" + " " * N + "x - Site") == ["Post" + " " * N + "x", "Site"]


@pytest.mark.timeout(60)
def test_author_separator_on_a_long_run_of_spaces():
    from seoaudit.rules.schema.author_name_not_clean import SEPARATOR

    assert SEPARATOR.search("Ann" + " " * N + "x") is None
    assert SEPARATOR.search("Ann" + " " * N + "and Bob") is not None


@pytest.mark.timeout(60)
def test_description_ellipsis_on_a_long_run_of_dots():
    from seoaudit.rules.description._shared import _ELLIPSIS, _MORE, truncation

    assert _ELLIPSIS.search("." * N + "x") is None
    assert _ELLIPSIS.search("Text" + "." * N) is not None
    assert _MORE.search("read more" + " " * N + "x") is None
    truncation("." * N + "x")


@pytest.mark.timeout(60)
def test_pixel_values_with_long_whitespace():
    from seoaudit.derive.images import _PIXELS

    assert _PIXELS.match("1" + " " * N + "x") is None
    assert _PIXELS.match(" 12 px ").group(1) == "12"


@pytest.mark.timeout(60)
def test_unclosed_suppression_comments():
    from seoaudit import suppress

    page = b"<html><head>" + b"<!-- seoaudit: ignore title/missing " * (N // 8) + b"</head></html>"
    document = next(load_bytes(page, "page.html"))
    assert suppress.find(document) is not None
    html = b"<html><head><!-- seoaudit: ignore title/missing --></head></html>"
    assert suppress.find(next(load_bytes(html, "page.html")))


@pytest.mark.timeout(60)
def test_link_header_of_many_angle_brackets():
    from seoaudit.wire import _LINK

    assert _LINK.search("<" * N) is None
    assert _LINK.search('<https://example.com/>; rel="canonical"').group(1) == "https://example.com/"


@pytest.mark.timeout(120)
def test_whole_pipeline_on_pathological_pages():
    """Every rule over pages built of the units regexes choke on, each 200 KB: must finish (and report)."""
    units = [" ", ".", "<", "<h1 ", "<!-- seoaudit: ignore ", "%%a", "a.", "&#", "read more ", "\t"]
    for unit in units:
        filler = unit * (N // len(unit))
        page = (f"<html><head><title>T{filler}x</title><meta name=description content='{filler}x'>"
                f"<meta property=og:image:width content='1{filler}x'></head><body><h1>{filler}</h1></body></html>")
        result = one(page.encode(), "page.html")
        assert result.findings is not None
        post = {**POST, "title": {"rendered": filler + "x"}, "excerpt": {"rendered": filler + "x"},
                "yoast_head_json": {"title": filler, "description": filler + "x",
                                    "schema": {"@graph": [{"@type": "Person", "name": filler + "x"}]}}}
        one(json.dumps(post).encode(), "post.json")


# -- batch integrity ---------------------------------------------------------------------------------------------


def test_one_bad_or_huge_document_never_stops_the_others(tmp_path, monkeypatch):
    good = PAGE.format(charset="utf-8").encode()
    (tmp_path / "1-good.html").write_bytes(good)
    (tmp_path / "2-binary.html").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3-huge.html").write_bytes(b"<html>" + b" " * 5000)
    (tmp_path / "4-deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "5-bomb.html.gz").write_bytes(gzip.compress(b" " * 100_000))
    (tmp_path / "6-nan.json").write_bytes(b'{"link": "https://e.com/", "title": {"rendered": NaN}}')
    (tmp_path / "7-good.json").write_bytes(json.dumps(POST).encode())
    (tmp_path / "8-good.html.gz").write_bytes(gzip.compress(good))
    runner = CliRunner()
    (tmp_path / ".seoaudit.toml").write_text("[limits]\nmax-input-bytes = 4096\n")
    monkeypatch.chdir(tmp_path)  # CliRunner runs in-process: the config is found from the working directory
    result = runner.invoke(app, ["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2  # unreadable input
    report = json.loads(result.stdout)
    jsonschema.validate(report, report_schema())
    rules = {d["source"].rsplit("/", 1)[1]: {f["rule"] for f in d["findings"] if f["category"] == "input"}
             for d in report["documents"]}
    assert rules == {"1-good.html": set(), "2-binary.html": {"input/unreadable"},
                     "3-huge.html": {"input/limit-exceeded"}, "4-deep.json": {"input/limit-exceeded"},
                     "5-bomb.html.gz": {"input/limit-exceeded"}, "6-nan.json": {"input/invalid-json"},
                     "7-good.json": set(), "8-good.html.gz": set()}
    assert report["summary"]["documents"] == 8 and report["summary"]["unreadable"] == 5


# -- the CLI as a process: signals and pipes ----------------------------------------------------------------------


def _cli(*args: str) -> subprocess.Popen:
    # Unbuffered: readline() must not read ahead of the first line, or communicate() (which reads the pipe's
    # file descriptor directly) would never see what the buffer took.
    return subprocess.Popen([sys.executable, "-m", "seoaudit", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, bufsize=0)


def _batch() -> list[str]:
    """A batch that takes long enough to interrupt: the corpus three times, else the examples many times."""
    return [str(CORPUS / "html")] * 3 if CORPUS.is_dir() else [str(EXAMPLES)] * 400


@pytest.mark.slow  # signals into a run over the corpus three times
@pytest.mark.timeout(300)
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_interrupted_ndjson_run_reports_what_was_finished(signum, status):
    process = _cli("check", "--format", "ndjson", "--isolated", *_batch())
    first = process.stdout.readline()
    process.send_signal(signum)
    rest, stderr = process.communicate(timeout=240)
    assert process.returncode == status, stderr.decode()
    lines = [json.loads(line) for line in [first, *rest.splitlines()]]
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/ndjsonLine", "$defs": report_schema()["$defs"],
                                                 "properties": report_schema()["properties"]})
    for line in lines:
        validator.validate(line)
    summary = lines[-1]
    assert summary["type"] == "summary" and summary["summary"]["interrupted"] is True
    assert summary["summary"]["documents"] == sum(line["type"] == "document" for line in lines) >= 1
    assert b"interrupted: reporting the" in stderr
    assert b"Traceback" not in stderr


@pytest.mark.timeout(300)
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_sigterm_writes_a_whole_report_file(tmp_path, fmt):
    report_file = tmp_path / f"report.{fmt}"
    process = _cli("check", "--format", "ndjson", "--format", f"{fmt}:{report_file}", "--isolated", *_batch())
    process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=240)
    assert process.returncode == 143, stderr.decode()
    report = json.loads(report_file.read_text())
    if fmt == "json":
        jsonschema.validate(report, report_schema())
        assert report["summary"]["interrupted"] is True and report["documents"]
    else:
        assert report["runs"][0]["invocations"][0]["executionSuccessful"] is False


@pytest.mark.timeout(300)
@pytest.mark.parametrize("fmt", ["ndjson", "json", "rich"])
def test_closed_pipe_ends_quietly(fmt):
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    process = subprocess.Popen([sys.executable, "-m", "seoaudit", "check", "--format", fmt, "--isolated",
                                *_batch()], stdout=reader.stdin, stderr=subprocess.PIPE, cwd=ROOT)
    reader.stdin.close()
    _, stderr = process.communicate(timeout=240)
    reader.wait(timeout=60)
    # A streamed report meets the closed pipe on a later line: 141, as a process killed by SIGPIPE. A report
    # written in one go at the end may be taken whole by the pipe before the reader has gone: 1 (findings).
    assert process.returncode == 141 if fmt == "ndjson" else process.returncode in (1, 141), stderr.decode()
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr and b"Broken pipe" not in stderr


@needs_corpus
def test_corpus_audits_without_internal_errors_or_limits():
    """The limits are far above real pages: no corpus document reaches one."""
    docs = audit(load_paths([str(CORPUS / "html"), str(CORPUS / "wp")]), Config()).documents
    hit = [(r.document.display_source, f.message) for r in docs for f in r.findings
           if f.rule in ("input/internal-error", "input/limit-exceeded")]
    assert hit == []
    valid_report(docs)
