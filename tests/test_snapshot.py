"""Site snapshots (`site --save`, seoaudit/inputs/snapshot.py) and NDJSON inputs: a live audit against the local
test server, saved, audited again offline with the same findings."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from seoaudit.cli import app

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
