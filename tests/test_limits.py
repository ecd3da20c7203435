"""Limits (issue 5): each has a default, is configurable under [tool.seoaudit.limits], and is reported as an
`input/limit-exceeded` finding naming it when hit. Never a silent truncation."""

from __future__ import annotations

import json
import re
from dataclasses import fields

import pytest

from seoaudit.config import ConfigError, FileConfig, resolve, validate
from seoaudit.engine import Config, audit, audit_document
from seoaudit.limits import KEYS, Limits
from seoaudit.load import load_bytes
from seoaudit.model import InputCode

from .conftest import ROOT

LIMIT = "input/limit-exceeded"


def run(data: bytes, name: str, **limits):
    config = Config(limits=Limits(**limits))
    return audit(load_bytes(data, name, config.limits), config).documents


def hits(result) -> list[str]:
    return [f.message for f in result.findings if f.rule == LIMIT]


def page(head: str, body: str = "") -> bytes:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>".encode()


def jsonld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def nested(depth: int, key: str = "about") -> dict:
    node: dict = {"@type": "Thing", "name": "leaf"}
    for _ in range(depth - 1):
        node = {"@type": "Thing", key: node}
    return {"@context": "https://schema.org", **node}


def test_defaults():
    assert Limits() == Limits(max_input_bytes=20 * 1024 * 1024, max_json_depth=128, max_jsonld_nodes=5000,
                              max_graph_depth=64, max_elements=10_000, document_timeout=10.0)


def test_input_size_limit():
    (result,) = run(page("", "x" * 2000), "big.html", max_input_bytes=1000)
    (message,) = hits(result)
    assert "over the 1,000-byte limit (max-input-bytes); not audited" in message
    assert result.unreadable and result.metadata == {}
    (fine,) = run(page("", "x" * 500), "small.html", max_input_bytes=1000)
    assert hits(fine) == []


def test_input_size_limit_reads_no_more_than_the_cap(tmp_path):
    from seoaudit.load import load_file

    big = tmp_path / "big.html"
    big.write_bytes(b"<html>" + b" " * 10_000)

    class Counting:
        read = 0

    real_open = type(big).open

    def spy(self, *args, **kwargs):
        stream = real_open(self, *args, **kwargs)
        original = stream.read

        def read(size=-1):
            data = original(size)
            Counting.read += len(data)
            return data

        stream.read = read
        return stream

    type(big).open = spy
    try:
        (document,) = load_file(big, None, Limits(max_input_bytes=100))
    finally:
        type(big).open = real_open
    assert document.problem.code == InputCode.LIMIT_EXCEEDED
    assert Counting.read == 101


def test_json_depth_limit_on_a_file_and_on_one_post_of_a_collection():
    deep = {"link": "https://example.com/", "title": {"rendered": "T"}, "meta": nested(40)}
    (result,) = run(json.dumps(deep).encode(), "post.json", max_json_depth=20)
    assert "nested more than 20 levels deep (max-json-depth)" in hits(result)[0]
    shallow = {"link": "https://example.com/b/", "title": {"rendered": "B"}}
    results = run(json.dumps([deep, shallow]).encode(), "posts.json", max_json_depth=20)
    assert [bool(hits(r)) for r in results] == [True, False]
    assert results[0].document.display_source == "posts.json#/0"
    assert results[1].document.kind == "wp-post"


def test_json_deeper_than_python_can_read_is_the_depth_limit():
    (result,) = run(b"[" * 50_000 + b"]" * 50_000, "deep.json")
    assert "max-json-depth" in hits(result)[0]


def test_json_depth_limit_on_a_jsonld_block():
    (result,) = run(page(jsonld(nested(40)) + jsonld({"@context": "https://schema.org", "@type": "WebSite"})),
                    "page.html", max_json_depth=20)
    (message,) = hits(result)
    assert "JSON-LD block in html is nested more than 20 levels deep (max-json-depth)" in message
    assert [block.get("@type") for block in result.metadata["jsonld"] if block] == ["WebSite"]


def test_jsonld_node_limit():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "Thing", "@id": f"#n{i}"} for i in range(30)]}
    (result,) = run(page(jsonld(graph)), "page.html", max_jsonld_nodes=10)
    (message,) = hits(result)
    assert "more than 10 nodes and references; 20 more were left out (max-jsonld-nodes)" in message


def test_graph_depth_limit_is_reported():
    (result,) = run(page(jsonld(nested(20))), "page.html", max_graph_depth=8)
    (message,) = hits(result)
    assert "nests nodes more than 8 deep" in message and "(max-graph-depth)" in message
    (default,) = run(page(jsonld(nested(70))), "page.html")
    assert "more than 64 deep" in hits(default)[0]


def test_graph_depth_limit_in_a_wordpress_post():
    post = {"link": "https://example.com/", "title": {"rendered": "T"},
            "yoast_head_json": {"title": "T", "schema": nested(12)}}
    (result,) = run(json.dumps(post).encode(), "post.json", max_graph_depth=5)
    (finding,) = [f for f in result.findings if f.rule == LIMIT]
    assert finding.view == "yoast_head_json"


@pytest.mark.parametrize("tag, element", [("meta", '<meta name="x" content="y">'), ("link", '<link rel="x" href="/">'),
                                          ("script", "<script></script>"), ("title", "<title>t</title>")])
def test_element_limit(tag, element):
    (result,) = run(page(element * 30), "page.html", max_elements=10)
    (message,) = hits(result)
    assert re.search(rf"\d+ <{tag}> elements in html; only the first 10 were read \(max-elements\)", message)


def test_element_limit_keeps_the_first_elements():
    metas = "".join(f'<meta property="og:title" content="{i}">' for i in range(20))
    (result,) = run(page(metas), "page.html", max_elements=5)
    assert result.metadata["og"]["og:title"] == ["0", "1", "2", "3", "4"]


def test_element_limit_in_a_yoast_head_string():
    post = {"link": "https://example.com/", "title": {"rendered": "T"},
            "yoast_head": '<meta name="x" content="y">' * 30}
    (result,) = run(json.dumps(post).encode(), "post.json", max_elements=10)
    (finding,) = [f for f in result.findings if f.rule == LIMIT]
    assert finding.view == "yoast_head" and finding.value == 30 and finding.expected == 10


def test_document_timeout_skips_the_remaining_rules_and_says_so():
    """The deadline is checked between rules: a deadline already past after the first rule stops the audit
    there. (No timing here: a deadline of a nanosecond is always past by then.)"""
    (document,) = load_bytes(page(""), "page.html")
    config = Config(limits=Limits(document_timeout=1e-9))
    result = audit_document(document, config)
    (finding,) = [f for f in result.findings if f.rule == LIMIT]
    assert "took over 1e-09 s (document-timeout)" in finding.message
    assert "no metadata extracted" in finding.message
    everything = audit_document(document, Config())
    assert len(result.rules) == 1 < len(everything.rules)
    assert result.rules[0].startswith("input/")  # input rules run first, so their findings are never lost
    assert finding.value == len(everything.rules) - 1
    assert result.metadata == {}


def test_document_timeout_is_reported_with_the_configured_severity():
    from seoaudit.model import Severity

    (document,) = load_bytes(page(""), "page.html")
    config = Config(limits=Limits(document_timeout=1e-9), severities={LIMIT: Severity.WARNING})
    assert [f.severity for f in audit_document(document, config).findings if f.rule == LIMIT] == [Severity.WARNING]


def test_no_limit_is_hit_by_an_ordinary_page():
    (result,) = run((ROOT / "examples" / "clean-page.html").read_bytes(), "clean-page.html")
    assert hits(result) == []


# -- configuration ------------------------------------------------------------------------------------------------


def test_limits_from_config():
    table = {"limits": {"max-input-bytes": 1000, "max-json-depth": 50, "max-jsonld-nodes": 100,
                        "max-graph-depth": 10, "max-elements": 20, "document-timeout": 2.5}}
    validate(table)
    settings = resolve(FileConfig(None, table))
    assert settings.config.limits == Limits(1000, 50, 100, 10, 20, 2.5)
    assert resolve(FileConfig(None, {})).config.limits == Limits()


@pytest.mark.parametrize("limits, says", [
    ({"max-elements": 0}, "minimum"),
    ({"max-json-depth": 5000}, "maximum"),
    ({"document-timeout": 0}, "less than or equal to the minimum"),
    ({"max-input-bytes": "20MB"}, "not of type 'integer'"),
    ({"max-nodes": 5}, "max-nodes"),
])
def test_bad_limits_are_config_errors(limits, says):
    with pytest.raises(ConfigError, match=re.escape(says)):
        validate({"limits": limits}, "x.toml")


def test_every_limit_is_a_config_key_and_documented():
    assert set(KEYS.values()) == {f.name for f in fields(Limits)}
    schema = json.loads((ROOT / "seoaudit" / "schemas" / "config.schema.json").read_text())
    assert set(schema["properties"]["limits"]["properties"]) == set(KEYS)
    docs = (ROOT / "docs" / "limits.md").read_text()
    defaults = Limits()
    for key, name in KEYS.items():
        row = next((line for line in docs.splitlines() if line.startswith(f"| `{key}`")), None)
        assert row, f"docs/limits.md has no row for {key}"
        value = getattr(defaults, name)
        assert f"`{value:g}`" in row or f"`{value}`" in row, f"{key}: default {value} not in {row}"
