"""Property-based tests (hypothesis) and the fuzz harness (atheris) over load → extract → rules → report.

Every property asserts the same three things about whatever it feeds in: no exception escapes and no rule
raises (an `input/internal-error` finding is a bug), the report validates against report.schema.json, and
the audit of each document is bounded by the per-document deadline (either every selected rule ran, or an
`input/limit-exceeded` finding says which did not: the test measures no time). Example counts are modest
and derandomised, so CI stays fast and stable; fuzz/fuzz_audit.py is the long, coverage-guided search.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
from functools import cache

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seoaudit.engine import Auditor, Config, Report
from seoaudit.limits import Limits
from seoaudit.load import load_bytes
from seoaudit.report.json_report import document_dict, render

from .conftest import CORPUS, EXAMPLES, ROOT, needs_corpus

HOSTILE = ROOT / "tests" / "data" / "hostile"
SETTINGS = settings(max_examples=100, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])
# Small limits, so that the limit paths are exercised by small examples; a nanosecond deadline for some.
LIMITS = Limits(max_input_bytes=1 << 20, max_json_depth=40, max_jsonld_nodes=60, max_graph_depth=12,
                max_elements=25)


@cache
def report_schema() -> dict:
    return json.loads((ROOT / "seoaudit" / "schemas" / "report.schema.json").read_text())


@cache
def compiled(timeout: float) -> Auditor:
    return Auditor.compile(Config(limits=LIMITS if timeout >= 1 else Limits(document_timeout=timeout)))


def check_audit(data: bytes, name: str, timeout: float = 10.0) -> list:
    """The properties, for one input: returns the results."""
    auditor = compiled(timeout)
    config, rules = auditor.config, auditor.rules
    results = []
    for document in load_bytes(data, name, config.limits):
        result = auditor.audit(document)
        crashed = [f.message for f in result.findings if f.rule == "input/internal-error"]
        assert not crashed, crashed
        applicable = [r for r in rules if document.problem is None or r.category == "input"]
        timed_out = [f for f in result.findings if f.rule == "input/limit-exceeded" and "document-timeout" in f.message]
        if timed_out:
            assert len(result.rules) < len(applicable)
        else:
            assert len(result.rules) == len(applicable)
        results.append(result)
    for result in results:  # no NaN, no lone surrogate: nothing a strict JSON reader or UTF-8 would refuse
        json.dumps(document_dict(result), ensure_ascii=False, allow_nan=False).encode("utf-8")
    jsonschema.validate(json.loads(render(Report(results))), report_schema())
    return results


# -- strategies ----------------------------------------------------------------------------------------------

NASTY = st.sampled_from(["", " ", "\x00", "\x01", "\ud800", "\ufeff", "\u2028", "&amp;", "&#0;", "&#x110000;",
                         "<", ">", "\"", "'", "%%title%%", "%sep%", "#post_title", "...", "…", "[&hellip;]",
                         "read more", "javascript:void(0)", "https://", "http://localhost/", "//", "/", "#",
                         "?utm_source=x", "é", "\U0001f600", "1e400", "NaN", "-1", "0", "9" * 30])
TEXT = st.one_of(st.text(max_size=40), NASTY, st.builds(lambda a, n: a * n, NASTY, st.integers(0, 400)))
URL = st.one_of(st.sampled_from(["https://example.com/post/", "http://example.com/", "https://localhost:8080/?p=1",
                                 "/relative/", "https://example.com/#frag", "https://cdn.example.com/a.jpg",
                                 "https://example.com/wp-content/uploads/logo.png", "mailto:a@b", ""]), TEXT)
JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                        TEXT, URL)
JSONLD_KEYS = st.sampled_from(["@context", "@type", "@id", "@graph", "@list", "name", "url", "image", "logo",
                               "author", "publisher", "headline", "datePublished", "dateModified", "width",
                               "height", "sameAs", "itemListElement", "isPartOf", "mainEntityOfPage", "about"])
TYPES = st.sampled_from(["Article", "WebPage", "WebSite", "Organization", "Person", "ImageObject",
                         "BreadcrumbList", "ListItem", "Thing", "NewsArticle", "Product"])
JSONLD = st.recursive(
    st.one_of(JSON_SCALAR, TYPES),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(JSONLD_KEYS, children, max_size=6)),
    max_leaves=40,
)


def _attr(value: str) -> str:
    return value.replace('"', "&quot;")


@st.composite
def head_tag(draw) -> str:
    kind = draw(st.sampled_from(["title", "meta", "og", "link", "jsonld", "raw", "comment", "charset"]))
    if kind == "title":
        return f"<title>{draw(TEXT)}</title>"
    if kind == "meta":
        name = draw(st.sampled_from(["description", "robots", "googlebot", "twitter:card", "twitter:image",
                                     "author", "viewport", ""]))
        return f'<meta name="{name}" content="{_attr(draw(TEXT))}">'
    if kind == "og":
        prop = draw(st.sampled_from(["og:title", "og:description", "og:url", "og:image", "og:image:width",
                                     "og:image:height", "og:image:alt", "og:image:url", "og:type", "og:locale",
                                     "article:published_time"]))
        return f'<meta property="{prop}" content="{_attr(draw(st.one_of(TEXT, URL)))}">'
    if kind == "link":
        rel = draw(st.sampled_from(["canonical", "alternate", "icon", "CANONICAL", "canonical alternate"]))
        lang = draw(st.sampled_from(["", ' hreflang="en"', ' hreflang="x-default"', ' hreflang="zz-99"']))
        return f'<link rel="{rel}" href="{_attr(draw(URL))}"{lang}>'
    if kind == "jsonld":
        block = draw(st.one_of(JSONLD.map(lambda v: json.dumps(v, ensure_ascii=draw(st.booleans()))), TEXT))
        return f'<script type="application/ld+json">{block}</script>'
    if kind == "comment":
        return f"<!-- seoaudit: ignore {draw(st.sampled_from(['title/missing', 'canonical', 'nope/rule', '']))} -->"
    if kind == "charset":
        return f'<meta charset="{draw(st.sampled_from(["utf-8", "windows-1252", "utf-16", "shift_jis", "x"]))}">'
    return draw(st.sampled_from(["<head>", "</head>", "<body>", "<html>", "<svg><title>x</title></svg>",
                                 "<h1>H</h1>", "<img src=x>", "<a href='#'>here</a>", "<![CDATA[", "<!--"]))


HEAD = st.lists(head_tag(), max_size=14).map("".join)


@st.composite
def wp_post(draw) -> dict:
    post: dict = {"link": draw(URL)}
    optional = {
        "id": st.integers(), "status": st.sampled_from(["publish", "draft", "future", "private", ""]),
        "type": st.sampled_from(["post", "page"]), "date_gmt": TEXT, "modified_gmt": TEXT,
        "title": st.fixed_dictionaries({"rendered": TEXT}), "excerpt": st.fixed_dictionaries({"rendered": TEXT}),
        "content": st.fixed_dictionaries({"rendered": HEAD}), "yoast_head": HEAD,
        "yoast_head_json": st.fixed_dictionaries({}, optional={
            "title": TEXT, "description": TEXT, "canonical": URL, "robots": st.dictionaries(TEXT, TEXT, max_size=3),
            "og_image": st.lists(st.dictionaries(st.sampled_from(["url", "width", "height", "type"]), JSON_SCALAR),
                                 max_size=3),
            "og_title": TEXT, "twitter_card": TEXT, "schema": JSONLD}),
        "_embedded": st.dictionaries(st.sampled_from(["author", "wp:featuredmedia"]),
                                     st.lists(st.dictionaries(TEXT, JSON_SCALAR, max_size=4), max_size=2)),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            post[key] = draw(strategy)
    return post


# -- properties ----------------------------------------------------------------------------------------------


@pytest.mark.slow
@SETTINGS
@given(head=HEAD, wrap=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]),
       timeout=st.sampled_from([10.0, 10.0, 1e-9]))
def test_generated_html_heads(head, wrap, encoding, timeout):
    text = f"<html><head>{head}</head><body><p>x</p></body></html>" if wrap else head
    check_audit(text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace"),
                "page.html", timeout)


@pytest.mark.slow
@SETTINGS
@given(posts=st.lists(wp_post(), min_size=1, max_size=3), collection=st.booleans(),
       timeout=st.sampled_from([10.0, 10.0, 1e-9]))
def test_generated_wordpress_posts(posts, collection, timeout):
    value = posts if collection else posts[0]
    text = json.dumps(value, ensure_ascii=True)  # \ud800 escapes, as PHP's json_encode writes them
    results = check_audit(text.encode(), "posts.json", timeout)
    assert len(results) == (len(posts) if collection else 1)


@pytest.mark.slow
@SETTINGS
@given(depth=st.integers(1, 3000), shape=st.sampled_from(["array", "object", "node", "graph"]),
       where=st.sampled_from(["file", "jsonld"]))
def test_deep_nesting(depth, shape, where):
    inner = {"array": "[" * depth + "]" * depth,
             "object": '{"a":' * depth + "1" + "}" * depth,
             "node": '{"@type":"Thing","about":' * depth + "{}" + "}" * depth,
             "graph": '{"@graph":[' * depth + "]}" * depth}[shape]
    if where == "file":
        data = ('{"link": "https://example.com/", "title": {"rendered": "T"}, "yoast_head_json": {"schema": '
                + inner + "}}").encode()
        (result,) = check_audit(data, "post.json")
    else:
        data = f'<html><head><title>T</title><script type="application/ld+json">{inner}</script></head></html>'
        (result,) = check_audit(data.encode(), "page.html")
    if depth > 64:
        assert any(f.rule in ("input/limit-exceeded", "schema/jsonld-invalid") for f in result.findings) or \
            shape == "graph"  # @graph in @graph is not a node: nothing is nested, nothing to cut


@cache
def corpus_sample() -> list[tuple[str, bytes]]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".html", ".json")
                   and p.stat().st_size < 300_000)
    picked = random.Random(5).sample(files, min(40, len(files)))
    return [(p.name, p.read_bytes()) for p in picked]


_TAG = re.compile(rb"<[a-zA-Z!/][^<>]{0,300}>")


def mutate(data: bytes, how: str, at: float, count: int) -> bytes:
    cut = int(len(data) * at)
    if how == "truncate":
        return data[:cut]
    if how == "flip":
        out = bytearray(data)
        rng = random.Random(cut)
        for _ in range(count):
            if out:
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    tags = list(_TAG.finditer(data))
    if not tags:
        return data
    tag = tags[int(at * (len(tags) - 1))]
    if how == "delete-tag":
        return data[: tag.start()] + data[tag.end():]
    if how == "duplicate-tag":
        return data[: tag.end()] + tag.group() * count + data[tag.end():]
    # deep nesting: elements, or a JSON-LD block, at a random point
    nest = (b"<div>" * (count * 50) if how == "nest-elements" else
            b'<script type="application/ld+json">' + b'{"@type":"Thing","about":' * (count * 10) + b"{}"
            + b"}" * (count * 10) + b"</script>")
    return data[:cut] + nest + data[cut:]


@pytest.mark.slow
@needs_corpus
@SETTINGS
@given(index=st.integers(0, 39), how=st.sampled_from(["truncate", "flip", "delete-tag", "duplicate-tag",
                                                       "nest-elements", "nest-jsonld"]),
       at=st.floats(0, 1), count=st.integers(1, 40))
def test_mutated_corpus_inputs(index, how, at, count):
    name, data = corpus_sample()[index % len(corpus_sample())]
    check_audit(mutate(data, how, at, count), name)


# -- regressions: minimised inputs the fuzzer found ----------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(HOSTILE.iterdir()), ids=lambda p: p.name)
def test_hostile_regression_inputs(path):
    """Each file is an input that once crashed or hung seoaudit (see the note in docs/limits.md)."""
    check_audit(path.read_bytes(), path.name)


def test_microdata_extruct_cannot_read_is_reported_in_the_metadata():
    (result,) = check_audit((HOSTILE / "microdata-control-char.html").read_bytes(), "page.html")
    assert result.metadata["microdata_error"].startswith("ValueError")


# -- the fuzz harness, briefly (the long run is documented in docs/limits.md) -------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_fuzz_harness_short_run(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, path in enumerate(sorted(p for p in EXAMPLES.iterdir() if p.is_file())):
        prefix = b"\x01" if path.suffix == ".json" else b"\x00"
        (seeds / f"seed{i}").write_bytes(prefix + path.read_bytes())
    for path in sorted(HOSTILE.iterdir()):
        (seeds / path.name).write_bytes(b"\x00" + path.read_bytes())
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_audit.py"), "-runs=2000", "-seed=1",
                           "-max_len=16384", "-timeout=60", f"-artifact_prefix={tmp_path}/", str(seeds)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=590)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 2000 runs" in done.stderr
