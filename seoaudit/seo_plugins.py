"""Which SEO plugin produced a document: recognised by what it prints, never a finding (a plugin is no defect).

The JSON report carries it as `metadata.seo_plugins` and the terminal report in each document's header; rules
read it as `page.seo_plugins` (which plugin wrote a view, whose graphs compete). Recognised: Yoast's `<!-- This
site is optimized with the Yoast SEO plugin vX -->` comment and `yoast-schema-graph` script class (and the
`yoast_head*` REST fields, a `get_head` response), Rank Math's `<!-- Search Engine Optimization by Rank Math -->`
comment and `rank-math-schema` class, AIOSEO's `<!-- All in One SEO X -->` comment, `aioseo-schema` class and
`aioseo_head*` fields, The SEO Framework's and SEOPress's comments, and the schema plugins' script classes; the
inputs of headless front ends (WPGraphQL's `seo`, Rank Math's getHead, SEOPress's REST answer) name their plugin
on the view (`View.producer`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Location

# The comments SEO plugins print in wp_head, as one pattern (re finds its literal `<!--` start in C, four times
# faster than a search per plugin): (name, pattern; group 1 = the version when printed), in reporting order.
_COMMENTS = (
    ("Yoast SEO", rb"This site is optimized with the Yoast (?:WordPress )?SEO(?: Premium)?(?: for TYPO3)? plugin"
                  rb"(?: v([0-9][0-9.]*))?"),
    ("Rank Math", rb"Search Engine Optimization by Rank Math(?: PRO)?()"),
    ("All in One SEO", rb"All in One SEO(?: Pack)?(?: Pro)?(?: v?([0-9][0-9.]*))?"),
    ("The SEO Framework", rb"The SEO Framework by Sybre Waaijer()"),
    ("SEOPress", rb"(?:SEOPress|Managed by SEOPress)()"),
)
_HEAD_PLUGINS = frozenset(name for name, _ in _COMMENTS)
_COMMENT = re.compile(rb"<!--\s*(?:" + b"|".join(b"(" + pattern + b")" for _, pattern in _COMMENTS) + rb")")
_HEAD_END = re.compile(rb"</head>")
_HEAD_END_UPPER = re.compile(rb"</HEAD>")
# JSON-LD script classes → the plugin that prints them.
SCRIPT_CLASSES = {
    "yoast-schema-graph": "Yoast SEO",
    "rank-math-schema": "Rank Math",
    "rank-math-schema-pro": "Rank Math",
    "aioseo-schema": "All in One SEO",
    "aioseop-schema": "All in One SEO",
    "saswp-schema-markup-output": "Schema & Structured Data for WP",
    "wp-schema-pro-schema": "Schema Pro",
}
REST_FIELDS = {"yoast_head_json": "Yoast SEO", "yoast_head": "Yoast SEO", "aioseo_head_json": "All in One SEO",
               "aioseo_head": "All in One SEO"}
_VERSION = re.compile(r"Yoast SEO(?: Premium)? plugin v([0-9][0-9.]*)")


@dataclass(frozen=True, slots=True)
class Producer:
    name: str
    version: str | None
    evidence: str  # "yoast_head_json", "<!-- … --> comment at line 12", "rank-math-schema script"
    location: Location

    @property
    def prints_head(self) -> bool:
        """A full SEO plugin (title, canonical, robots, Open Graph), not a plugin that only adds schema."""
        return self.name in _HEAD_PLUGINS


def detect(page) -> list[Producer]:
    """The SEO plugins whose output is in the document, each once, in the order found (`Page.seo_plugins`)."""
    return _dedupe(list(_detect(page)))


def _dedupe(items: list[Producer]) -> list[Producer]:
    best: dict[str, Producer] = {}
    for item in items:
        kept = best.get(item.name)
        if kept is None or (kept.version is None and item.version is not None):
            best[item.name] = item if kept is None else Producer(item.name, item.version, kept.evidence,
                                                                   kept.location)
    return list(best.values())


def _detect(page):
    data = page.document.data if isinstance(page.document.data, dict) else None
    if page.kind == "yoast-get-head":
        yield Producer("Yoast SEO", _yoast_version(data.get("html")), "Yoast get_head response",
                       Location(pointer=page.document.pointer or ""))
    for key, name in REST_FIELDS.items():
        if key in page.views:
            version = _yoast_version(data.get("yoast_head")) if data and key.startswith("yoast") else None
            yield Producer(name, version, key, page.views[key].location)
    for view in page.views.values():  # WPGraphQL's seo fields, Rank Math's getHead, SEOPress: the input says who
        if view.producer is not None and view.name not in REST_FIELDS:
            version = _yoast_version(_graphql_head(data)) if view.producer == "Yoast SEO" else None
            yield Producer(view.producer, version, view.name, view.location)
    html = page.views.get("html")
    if html is not None:
        raw = page.document.html or b""
        end = _head_end(raw)
        first: dict[int, re.Match] = {}  # plugin's index in _COMMENTS → its first comment
        for match in _COMMENT.finditer(raw, 0, end):
            first.setdefault(_plugin_index(match), match)
        for index, match in sorted(first.items()):
            found = match.group(2 + 2 * index)  # each plugin's pattern group, then its version group
            version = found.decode("ascii").rstrip(".") if found else None
            line = raw.count(b"\n", 0, match.start()) + 1
            yield Producer(_COMMENTS[index][0], version, f"HTML comment at line {line}", Location(line=line))
    for view in page.views.values():
        for block in view.jsonld:
            for css in (block.css_class or "").split():
                if css in SCRIPT_CLASSES:
                    yield Producer(SCRIPT_CLASSES[css], None, f"{css} script in {view.name}", block.location)


def _graphql_head(node) -> str | None:
    seo = node.get("seo") if node else None
    return seo.get("fullHead") if isinstance(seo, dict) else None


def view_producer(view) -> str | None:
    """The plugin a view of a WordPress object comes from: its REST field, or what the input said."""
    return view.producer or REST_FIELDS.get(view.name)


def _plugin_index(match: re.Match) -> int:
    return (match.lastindex - 1) // 2  # the plugin's own group closes last: 1, 3, 5…


def _head_end(raw: bytes) -> int:
    """Where `</head>` is (plugins print their comment in wp_head), so the search stays cheap."""
    match = _HEAD_END.search(raw) or _HEAD_END_UPPER.search(raw)
    return match.start() if match is not None else min(len(raw), 262144)


def _yoast_version(head) -> str | None:
    match = _VERSION.search(head) if isinstance(head, str) else None
    return match.group(1).rstrip(".") if match else None


def block_producer(block) -> str | None:
    """The plugin a JSON-LD script belongs to, from its class (None: a theme or an unknown plugin)."""
    for css in (block.css_class or "").split():
        if css in SCRIPT_CLASSES:
            return SCRIPT_CLASSES[css]
    return None
