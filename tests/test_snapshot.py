"""Site snapshots (`site --save`, seoaudit/inputs/snapshot.py) and NDJSON inputs: a live audit against the local
test server, saved, audited again offline with the same findings."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from seoaudit.cli import app
from seoaudit.inputs.snapshot import NdjsonInput, problem_code, snapshot_line
from seoaudit.model import Document, InputCode, InputProblem

from .conftest import CORPUS, needs_corpus
from .live_server import page, png
from .test_live import NO_CREDENTIALS, serve_yoast, served_page

runner = CliRunner()


def by_document(report) -> dict[str, list]:
    """Each document's findings, with the late ones (duplicates) of the NDJSON stream joined in."""
    return {d["source"] + "#" + d.get("pointer", ""): sorted(json.dumps(f, sort_keys=True) for f in d["findings"])
            for d in report["documents"]}


@needs_corpus
def test_site_save_then_check_offline(server, tmp_path):
    index = json.loads((CORPUS / "expected" / "local-yoast" / "_index.json").read_text())
    posts = serve_yoast(server, "posts-collection.json", "/wp-json/wp/v2/posts", index)
    serve_yoast(server, "pages-collection.json", "/wp-json/wp/v2/pages", index)
    for i, post in enumerate(posts):
        path = post["link"].split(str(server.port), 1)[1]
        if i == 1:  # a served page in Latin-1 that says so: the snapshot keeps its bytes
            body = served_page(post, title="Caf\u00e9 cr\u00e8me")
            body = body.replace(b"<head>", b'<head><meta charset="iso-8859-1">')
            server.add(path, body=body.decode().encode("latin-1"), content_type="text/html; charset=iso-8859-1")
        elif i == 2:  # a served page that answers 404
            server.add(path, status=404, body=page("Not found"))
        else:
            server.add(path, body=served_page(post, title="Stale cached title" if i == 0 else None),
                       headers=[("X-Robots-Tag", "noindex")] if i == 3 else [])
    server.add("/wp-content/uploads/image.png", body=png(600, 300), content_type="image/png", ranges=True)
    snapshot = tmp_path / "site.ndjson.gz"
    live = runner.invoke(app, ["site", server.origin, "--isolated", "--format", "json", "--jobs", "1",
                               "--save", str(snapshot)], env=NO_CREDENTIALS)
    assert live.exit_code in (1, 2), live.stderr
    live_report = json.loads(live.stdout)
    lines = gzip.decompress(snapshot.read_bytes()).decode().splitlines()
    assert len(lines) == len(live_report["documents"]) > 5
    offline = runner.invoke(app, ["check", str(snapshot), "--isolated", "--format", "json", "--jobs", "1"])
    assert offline.exit_code == live.exit_code, offline.stderr
    offline_report = json.loads(offline.stdout)
    assert by_document(offline_report) == by_document(live_report)
    assert offline_report["summary"] == live_report["summary"]
    rules = {f["rule"] for d in offline_report["documents"] for f in d["findings"]}
    assert {"wordpress/rest-head-differs", "url/http-error", "robots/x-robots-noindex"} <= rules  # the wire came back


def test_ndjson_of_rest_objects(tmp_path):
    post = {"id": 1, "link": "https://example.com/a/", "title": {"rendered": "A"}, "yoast_head_json": {
        "title": "Same title", "canonical": "https://example.com/a/"}}
    other = {**post, "id": 2, "link": "https://example.com/b/", "yoast_head_json": {
        "title": "Same title", "canonical": "https://example.com/b/"}}
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps(post) + "\n\n" + json.dumps(other) + "\n{not json\n[1, 2]\n")
    result = runner.invoke(app, ["check", str(export), "--isolated", "--format", "json", "--jobs", "1"])
    report = json.loads(result.stdout)
    assert [d["source"] for d in report["documents"]] == [f"{export}:{n}" for n in ("1", "3", "4", "5#/0", "5#/1")]
    duplicate = next(f for f in report["documents"][0]["findings"] if f["rule"] == "title/duplicate")
    assert f"{export}:3" in duplicate["message"]
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("seoaudit: error:")]
    assert errors[0].startswith(f"seoaudit: error: {export}:4: invalid JSON at line 1, column 2")
    assert errors[1] == f"seoaudit: error: {export}:5#/0: a JSON number is not a WordPress REST object"
    assert len(errors) == 3


def test_a_problem_is_saved_as_its_rule_id_and_read_back(tmp_path):
    problem = Document("https://example.com/a/", "invalid", problem=InputProblem(InputCode.REST_ERROR, "HTTP 401"))
    line = snapshot_line(problem)
    assert line["seoaudit_snapshot"]["problem"] == {"code": "input/rest-error", "message": "HTTP 401"}
    saved = tmp_path / "site.ndjson"
    saved.write_text(json.dumps(line) + "\n")
    (document,) = NdjsonInput(str(saved)).documents()
    assert document.problem.code is InputCode.REST_ERROR and document.problem.message == "HTTP 401"


def test_a_snapshot_of_the_previous_version_keeps_its_short_problem_codes(tmp_path):
    # Snapshots written before the codes were the rule ids hold `empty`, `rest-error`…: still the same rules.
    saved = tmp_path / "old.ndjson"
    saved.write_text("".join(json.dumps({"seoaudit_snapshot": {"source": f"https://example.com/{code}/",
                                                                "kind": "invalid",
                                                                "problem": {"code": code, "message": "m"}}}) + "\n"
                             for code in ("empty", "rest-error", "input/unreadable", "no-such-code")))
    result = runner.invoke(app, ["check", str(saved), "--isolated", "--format", "json", "--jobs", "1"])
    rules = [[f["rule"] for f in d["findings"]] for d in json.loads(result.stdout)["documents"]]
    assert rules[:3] == [["input/empty"], ["input/rest-error"], ["input/unreadable"]]
    assert rules[3] == ["input/invalid-json"]  # not a snapshot line seoaudit wrote
    assert problem_code("limit-exceeded") is problem_code("input/limit-exceeded") is InputCode.LIMIT_EXCEEDED
