"""What the schema-by-type rules share: contexts, the per-type JSON Schemas, the article's author and publisher
as the graph resolves them, and ISO 8601 dates. The vocabulary and the type families (what an article is) are
seoaudit.derive.schema_types.
"""

from __future__ import annotations

import json
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache, lru_cache
from importlib import import_module
from typing import Any

from seoaudit.derive.schema_types import is_article, schema_term, vocabulary
from seoaudit.model import Location

from ._shared import schema_graph

# JSON-LD 1.1 keywords (W3C JSON-LD 1.1 §1.7); anything else that starts with "@" is not one.
JSONLD_KEYWORDS = frozenset({
    "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
    "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
    "@value", "@version", "@vocab",
})
DATE_PROPERTIES = ("datePublished", "dateModified", "dateCreated", "uploadDate")


# -- contexts ----------------------------------------------------------------------------------------

def _is_schema_iri(value: Any) -> bool:
    return isinstance(value, str) and value.strip().rstrip("/").lower() in ("https://schema.org", "http://schema.org")


def context_terms(context: Any) -> tuple[bool, frozenset[str]]:
    """(the context makes plain terms schema.org terms, the terms it defines itself)."""
    items = context if isinstance(context, list) else [context]
    schema, defined = False, set()
    for item in items:
        if _is_schema_iri(item):
            schema = True
        elif isinstance(item, dict):
            schema = schema or _is_schema_iri(item.get("@vocab"))
            defined.update(k for k in item if not k.startswith("@"))
    return schema, frozenset(defined)


def _prefix(location: Location) -> tuple:
    return (location.pointer or "", location.line, location.path or "")


def judged_nodes(graph) -> list[tuple[Any, frozenset[str]]]:
    """(node, the terms its context defines) for every node whose top-level object has a schema.org
    context: nodes under another vocabulary (or no context) are not ours to judge. Once per graph."""
    return graph.memo(_judged_nodes)


def _judged_nodes(graph) -> list[tuple[Any, frozenset[str]]]:
    return list(_judge(graph))


def _judge(graph):
    bases = []  # (line, pointer, path, length, schema, defined) of each top-level object, read once
    for ctx in graph.contexts:
        where = ctx.location
        for attr in ("path", "pointer"):
            value = getattr(where, attr)
            if value and value.endswith("/@context"):
                where = Location(**{**where.to_dict(), attr: value[: -len("/@context")]})
                break
        pointer, line, path = _prefix(where)
        bases.append((line, pointer, path, len(path) + len(pointer), *context_terms(ctx.value)))
    for node in graph.nodes:
        pointer, line, path = _prefix(node.location)
        best, best_length = None, -1
        for base_line, base_pointer, base_path, length, schema, defined in bases:
            # the innermost base that holds the node (the later one on a tie)
            if (length >= best_length and base_line == line and pointer.startswith(base_pointer)
                    and path.startswith(base_path)):
                best, best_length = (schema, defined), length
        if best is not None and best[0]:
            yield node, best[1]


def node_types(node) -> tuple[str, ...] | None:
    """The node's schema.org type names, or None when one of them is outside schema.org or unknown."""
    vocab = vocabulary()
    names = []
    for raw in node.types:
        name = schema_term(raw)
        if name is None or name not in vocab.types:
            return None
        names.append(name)
    return tuple(names) or None


# -- per-type JSON Schemas ------------------------------------------------------------------------------

@cache
def type_schema(name: str) -> dict[str, Any]:
    """`seoaudit/schemas/types/<name>.json`."""
    return json.loads(pkgutil.get_data("seoaudit", f"schemas/types/{name}.json"))


@cache
def type_validator(name: str):
    """The jsonschema validator of a pack (compiled once per process; jsonschema is imported only when a node
    fails the fast check). The packs ship with seoaudit: a test, not each run, checks them against the metaschema."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(type_schema(name))


def schema_errors(name: str, instance: Any):
    """The errors of `instance` against `schemas/types/<name>.json`: none, without asking jsonschema, when the
    pack as fastjsonschema compiled it (seoaudit/type_validators/) finds it valid (most nodes are, and jsonschema
    takes a sixth of a millisecond per node); else all that jsonschema finds, with its paths and messages."""
    import fastjsonschema

    try:
        _fast_validator(name)(instance)
    except fastjsonschema.JsonSchemaException:
        return type_validator(name).iter_errors(instance)
    return iter(())


@cache
def _fast_validator(name: str) -> Callable[[Any], Any]:
    # Compiled ahead (tools/make_type_validators.py): compiling the packs took a cold run some 15 ms.
    return import_module(f"seoaudit.type_validators.{name}").validate


def missing_and_invalid(name: str, data: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """(required properties that are absent, (property, why) for those present but empty or malformed)."""
    missing, invalid = [], []
    for error in schema_errors(name, data):
        if error.validator == "required" and not error.path:
            missing.extend(p for p in error.validator_value if p not in data)
        elif error.path:
            invalid.append(("/".join(str(p) for p in error.path), error.message))
    return list(dict.fromkeys(missing)), invalid


# -- articles, authors, publishers -----------------------------------------------------------------------

def articles(graph) -> list:
    """The graph's top-level or nested article nodes."""
    return graph.memo(_articles)


def _articles(graph) -> list:
    return [n for n in graph.nodes if is_article(n)]


@dataclass(frozen=True, slots=True)
class Entity:
    """An author or publisher as a consumer reads it: the resolved node(s), else the reference holder or
    the plain string the property holds."""

    data: Any  # the dict a consumer reads the name from, or the string itself
    types: tuple[str, ...]
    location: Location
    id: str | None = None


def _holders(node, prop: str, where: Location):
    value = node.get(prop)
    values = value if isinstance(value, list) else [value]
    for index, item in enumerate(values):
        at = where.child(prop, index) if isinstance(value, list) else where.child(prop)
        yield item, at


def entities(graph, node, prop: str) -> list[Entity]:
    """Every value of `node[prop]`, each resolved through the graph when it is a reference."""
    found = []
    for item, at in _holders(node, prop, node.location):
        if isinstance(item, str):
            found.append(Entity(item, (), at))
        elif isinstance(item, dict):
            ref = item.get("@id") if isinstance(item.get("@id"), str) else None
            targets = graph.resolve(ref) if ref and "@type" not in item else []
            if targets:
                merged = {}
                for target in targets:
                    merged.update({k: v for k, v in target.data.items() if k not in merged})
                for key, value in item.items():  # Yoast inlines the author's name in the reference
                    merged.setdefault(key, value)
                types = tuple(dict.fromkeys(t for t in (x for target in targets for x in target.types)))
                found.append(Entity(merged, types, targets[0].location, ref))
            else:
                raw = item.get("@type")
                types = tuple(t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str))
                found.append(Entity(item, types, at, ref))
    return found


def entity_name(entity: Entity) -> tuple[str | None, Location]:
    """The name a consumer shows, and where it sits."""
    if isinstance(entity.data, str):
        return entity.data.strip(), entity.location
    name = entity.data.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str)), None)
    return (name.strip() if isinstance(name, str) else None), entity.location.child("name")


def first_url(value: Any) -> str | None:
    """The first string (or `@id`/`url` of an object) of a url-ish value."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            for key in ("url", "contentUrl", "@id"):
                if isinstance(item.get(key), str) and item[key].strip():
                    return item[key].strip()
    return None


# -- dates ----------------------------------------------------------------------------------------------

_ISO = re.compile(
    r"^(?P<year>[+-]?\d{4,})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?P<fraction>[.,]\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)


@dataclass(frozen=True, slots=True)
class IsoDate:
    raw: str
    moment: datetime | None  # aware when `has_zone`; None when the calendar date does not exist
    has_time: bool
    has_zone: bool
    problem: str | None = None  # why it is not a real date


_ISO_BASIC = re.compile(
    r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2})(?P<minute>\d{2})(?:(?P<second>\d{2})(?P<fraction>[.,]\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}(?:\d{2})?)?)?$"
)


@lru_cache(maxsize=4096)  # the same few dates on every node of a page (and several rules ask): parsed once
def parse_iso(raw: str) -> IsoDate | None:
    """An ISO 8601 date or date-time (extended `2024-05-01T09:00:00+02:00` or basic `20240501T090000+0200`
    form), or None when the text is not ISO 8601 at all."""
    match = _ISO.match(raw.strip()) or _ISO_BASIC.match(raw.strip())
    if not match:
        return None
    g = match.groupdict()
    has_time, has_zone = g["hour"] is not None, g["zone"] is not None
    year = int(g["year"])
    if year < 1:
        why = "WordPress's zero date (0000-00-00 printed as -0001-11-30)" if raw.startswith(("-0001-11-30",
                                                                                              "0000-00-00")) else None
        return IsoDate(raw, None, has_time, has_zone, why or f"year {year} is not a real year")
    try:
        moment = datetime(year, int(g["month"]), int(g["day"]), int(g["hour"] or 0), int(g["minute"] or 0),
                          int(g["second"] or 0))
    except ValueError as exc:
        return IsoDate(raw, None, has_time, has_zone, f"not a calendar date ({exc})")
    if has_zone:
        zone = g["zone"]
        if zone == "Z":
            tz = UTC
        else:
            digits = zone[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
            if hours > 14 or minutes > 59:
                return IsoDate(raw, None, has_time, has_zone, f"time zone offset {zone} does not exist")
            sign = -1 if zone[0] == "-" else 1
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
        moment = moment.replace(tzinfo=tz)
    return IsoDate(raw, moment, has_time, has_zone)


def wp_gmt(raw: str | None) -> datetime | None:
    """A WordPress `date_gmt` / `modified_gmt` ("2024-09-10T09:59:25", UTC with no zone written)."""
    if not raw:
        return None
    parsed = parse_iso(raw)
    if parsed is None or parsed.moment is None or not parsed.has_time:
        return None
    return parsed.moment if parsed.has_zone else parsed.moment.replace(tzinfo=UTC)


def dated_values(graph) -> list[tuple[Any, str, str, Location]]:
    """(node, property, raw string, location) for each date property and value of the graph, where it first
    stands: Yoast repeats each date on the Article and the WebPage, and one finding per value is enough. Once per
    graph."""
    return graph.memo(_dated_values)


def _dated_values(graph) -> list[tuple[Any, str, str, Location]]:
    first: dict[tuple[str, str], tuple[Any, str, str, Location]] = {}
    for node in graph.nodes:
        for prop in DATE_PROPERTIES:
            if isinstance(value := node.data.get(prop), str):
                first.setdefault((prop, value), (node, prop, value, node.location.child(prop)))
    return list(first.values())


# -- where a WordPress page shows its author ------------------------------------------------------------

_AUTHOR_ARCHIVE = re.compile(r"/author/([^/?#]+)/?(?:[?#].*)?$")


@dataclass(frozen=True, slots=True)
class Shown:
    """One place the page shows an author's name."""

    name: str
    location: Location
    where: str  # "schema Person", "twitter_misc \"Written by\"", …
    view: str | None


def author_slug(url: Any) -> str | None:
    """`root_new` from `https://example.org/en/author/root_new/` (WordPress's author archive)."""
    if not isinstance(url, str):
        return None
    match = _AUTHOR_ARCHIVE.search(url.strip())
    return match.group(1) if match else None


def yoast_json(page) -> tuple[dict | None, Location | None]:
    """The raw `yoast_head_json` object (or a get_head response's `json`) and where it sits."""
    view = page.views.get("yoast_head_json")
    data = page.document.data
    if view is None or not isinstance(data, dict):
        return None, None
    raw = data.get("json") if page.kind == "yoast-get-head" else data.get("yoast_head_json")
    return (raw, view.location) if isinstance(raw, dict) else (None, None)


def embedded_authors(page) -> list[tuple[dict, Location]]:
    post = page.post
    if post is None or not post.embedded or not isinstance(post.embedded.get("author"), list):
        return []
    base = post.location.child("_embedded", "author")
    return [(a, base.child(i)) for i, a in enumerate(post.embedded["author"]) if isinstance(a, dict)]


def shown_authors(page) -> list[Shown]:
    """Every author name the page shows: schema Persons and article authors, Yoast's `author` and
    `twitter_misc` "Written by", `<meta name="author">`, X's "Written by" label, `_embedded.author`."""
    found: list[Shown] = []
    graph, view = schema_graph(page)
    if graph is not None:
        for node in graph.nodes:
            if node.is_a("Person") and isinstance(node.get("name"), str):
                found.append(Shown(node.get("name"), node.location.child("name"), "schema Person", view))
        for node in graph.nodes:
            if is_article(node):
                for entity in entities(graph, node, "author"):
                    name, at = entity_name(entity)
                    if name:
                        found.append(Shown(name, at, "schema author", view))
    raw, base = yoast_json(page)
    if raw is not None:
        if isinstance(raw.get("author"), str):
            found.append(Shown(raw["author"], base.child("author"), "yoast_head_json author", "yoast_head_json"))
        misc = raw.get("twitter_misc")
        if isinstance(misc, dict) and isinstance(misc.get("Written by"), str):
            found.append(Shown(misc["Written by"], base.child("twitter_misc", "Written by"),
                               'twitter_misc "Written by"', "yoast_head_json"))
    for name, html_view in page.views.items():
        if html_view.tree is None:
            continue
        for field in html_view.meta.get("author", []):
            found.append(Shown(field.value, field.location, f'<meta name="author"> in {name}', name))
        labels, data = html_view.meta.get("twitter:label1", []), html_view.meta.get("twitter:data1", [])
        for label, value in zip(labels, data, strict=False):
            if label.value.strip().lower() == "written by":
                found.append(Shown(value.value, value.location, f'twitter:data1 "Written by" in {name}', name))
    for author, at in embedded_authors(page):
        if isinstance(author.get("name"), str):
            found.append(Shown(author["name"], at.child("name"), "_embedded author name", None))
    return [s for s in found if s.name.strip()]


def login_slugs(page) -> dict[str, str]:
    """Login-like slugs the page reveals → where: `_embedded.author[].slug` and `/author/<slug>/` URLs."""
    slugs: dict[str, str] = {}
    for author, _at in embedded_authors(page):
        if isinstance(author.get("slug"), str) and author["slug"]:
            slugs.setdefault(author["slug"], "the author's slug in _embedded.author")
        if slug := author_slug(author.get("link")):
            slugs.setdefault(slug, f"the author archive {author['link']}")
    graph, _view = schema_graph(page)
    if graph is not None:
        for node in graph.nodes:
            if node.is_a("Person"):
                for url in node.get("url") if isinstance(node.get("url"), list) else [node.get("url")]:
                    if slug := author_slug(url):
                        slugs.setdefault(slug, f"the author-archive slug in {url}")
    return slugs
