"""documents: decoded JSON in, `Document`s out (a WordPress REST object or collection, a get_head response, a
WPGraphQL answer, an SEO plugin's head, a REST error, a recorded HTTP exchange), and the documents that stand for
what could not be read (an input problem, a marker).

load.py reads files and bytes into these; the stream inputs (inputs/: crawl archives, site snapshots) read their
records into them too, without going through load.py's walk.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from . import headless, strict_json
from .headless import one_line as _one_line
from .limits import Limits, json_depth_exceeds
from .model import NOTED, SKIPPED, Document, InputCode, InputProblem, Location
from .positions import PointerLines

_JSON_TYPES = {int: "number", float: "number", str: "string", bool: "boolean", type(None): "null", list: "array"}
NOT_OURS_JSON = ("JSON that is no WordPress REST object, collection, get_head response, GraphQL answer, SEO plugin "
                 "head or REST error")


def json_documents(data: bytes, source: str, limits: Limits, wide: str | None, walked: bool) -> Iterator[Document]:
    try:
        text = data.decode(wide or "utf-8-sig")
    except UnicodeDecodeError as exc:
        encoding = (wide or "UTF-8").upper()
        yield problem(source, InputCode.UNREADABLE, f"not {encoding} text (invalid byte at offset {exc.start})")
        return
    try:
        value = strict_json.loads(text)
    except json.JSONDecodeError as exc:
        yield problem(source, InputCode.INVALID_JSON,
                       f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                       Location(line=exc.lineno, column=exc.colno))
        return
    except RecursionError:
        yield _too_deep(source, limits.max_json_depth, "")
        return
    except ValueError as exc:  # a number JSON allows but no report could hold: RFC 8259 §6 lets us refuse it
        yield problem(source, InputCode.INVALID_JSON, f"invalid JSON: {str(exc).split(':')[0]}")
        return
    if isinstance(value, list) and not value:  # `?status=draft` when there is none: zero posts, not an error
        yield marker(NOTED, source, "an empty collection, no posts to audit")
        return
    if walked and json_shape(value) is None:
        yield marker(SKIPPED, source, NOT_OURS_JSON)
        return
    notes = []
    if strict_json.may_hold_surrogates(text):
        value, count = strict_json.replace_lone_surrogates(value)
        if count:
            notes.append(strict_json.surrogate_note(count))
    if wide is not None:
        notes.append(f"JSON encoded as {wide.upper()}, not UTF-8 (RFC 8259 §8.1); read anyway")
    # A collection's array is one level: each post in it gets the rest, and only a too-deep post is lost.
    limit = limits.max_json_depth
    if not isinstance(value, list) and json_depth_exceeds(value, limit):
        yield _too_deep(source, limit, "")
        return
    deep = {f"/{i}": _too_deep(source, limit, f"/{i}") for i, item in enumerate(value)
            if json_depth_exceeds(item, limit - 1)} if isinstance(value, list) else {}
    lines = PointerLines(text)
    for document in documents_from_json(value, source, deep):
        document.notes.extend(notes)
        document.lines = lines
        yield document


def _too_deep(source: str, limit: int, pointer: str) -> Document:
    return _limit(source, f"JSON is nested more than {limit} levels deep (max-json-depth); "
                  "not audited", pointer)


def _limit(source: str, message: str, pointer: str = "") -> Document:
    return Document(source=source, kind="invalid", pointer=pointer,
                    problem=InputProblem(InputCode.LIMIT_EXCEEDED, message, Location(pointer=pointer or None)))


def json_shape(value: Any) -> str | None:
    """Which of seoaudit's JSON inputs a decoded value is: "collection" (an array that holds one), "recorded-http",
    "rest-error", "yoast-get-head", "graphql" (a WPGraphQL answer), "rank-math-get-head", "seopress", "wp-post",
    "wp-term" or "wp-user"; None for JSON that is none of them, which a folder walk skips (package.json,
    tsconfig.json, a report). The one place that says what JSON is an input: new shapes are added here."""
    if isinstance(value, list):
        return "collection" if not value or any(isinstance(item, dict) and json_shape(item) for item in value) else None
    if not isinstance(value, dict):
        return None
    if "seoaudit_http" in value:  # a recorded HTTP exchange (live mode's facts, audited offline)
        return "recorded-http"
    if _is_rest_error(value):
        return "rest-error"
    if _is_yoast_get_head(value):
        return "yoast-get-head"
    if headless.is_graphql_response(value):
        return "graphql"
    if headless.is_rank_math_head(value):
        return "rank-math-get-head"
    if headless.is_seopress(value):
        return "seopress"
    return _wp_kind(value)


def documents_from_json(value: Any, source: str, too_deep: dict[str, Document] | None = None) -> Iterator[Document]:
    """A decoded JSON value: one WP object, a collection (array), a get_head response, a GraphQL response (one
    document per node), a REST error. `too_deep`: the documents that stand for collection items over
    max-json-depth, by pointer."""
    if isinstance(value, list):
        if not value:
            yield problem(source, InputCode.EMPTY, "the collection is an empty array: no posts to audit")
            return
        for index, item in enumerate(value):
            pointer = f"/{index}"
            if too_deep and pointer in too_deep:
                yield too_deep[pointer]
            else:
                yield from _documents(item, source, pointer)
    else:
        yield from _documents(value, source, "")


def _documents(value: Any, source: str, pointer: str) -> Iterator[Document]:
    if isinstance(value, dict) and headless.is_graphql_response(value):
        yield from _graphql_documents(value, source, pointer)
    else:
        yield _classify(value, source, pointer)


def _graphql_documents(value: dict, source: str, pointer: str) -> Iterator[Document]:
    """One document per node of `data`; each GraphQL error is an input problem of its own (a partial answer
    still has its nodes audited)."""
    data, errors = value.get("data"), value.get("errors") or []
    found = False
    if isinstance(data, dict):
        for node, at in headless.graphql_nodes(data, f"{pointer}/data"):
            found = True
            yield Document(source=source, kind=headless.graphql_kind(node), data=node, pointer=at)
    for index, error in enumerate(errors):
        at = f"{pointer}/errors/{index}"
        yield problem(source, InputCode.REST_ERROR, headless.graphql_error(error), Location(pointer=at), at)
    if not found and not errors and headless.empty_connections(data):
        yield problem(source, InputCode.EMPTY, f"the GraphQL connection{'s' if len(data) > 1 else ''} "
                       f"{', '.join(sorted(data))} hold{'' if len(data) > 1 else 's'} no node: nothing to audit",
                       Location(pointer=f"{pointer}/data"), pointer)
    elif not found and not errors:
        keys = ", ".join(sorted(data)[:6]) if isinstance(data, dict) and data else "none"
        yield problem(source, InputCode.NOT_A_POST, "GraphQL response holds no post, page or term (no object with "
                      f"`seo`, `link` or `uri` under `data`; its fields: {keys})", Location(pointer=f"{pointer}/data"),
                      pointer)


def recorded_document(value: dict[str, Any], source: str, pointer: str) -> Document:
    """A recorded HTTP exchange (`{"seoaudit_http": {…}, "body": "<html>…"}` or `…, "json": {…}}`) → a Document
    carrying its `Wire`, so the wire rules can be run and tested offline."""
    from .wire import Wire

    record = value.get("seoaudit_http")
    if not isinstance(record, dict):
        return problem(source, InputCode.NOT_A_POST, "`seoaudit_http` must be an object (status, headers, redirects…)",
                        Location(pointer=pointer + "/seoaudit_http"), pointer)
    wire = Wire.from_json(record)
    payload = value.get("json")
    if isinstance(payload, dict):
        document = next(documents_from_json(payload, source))
        document.pointer = pointer + "/json" + (document.pointer or "")
        if document.problem is None:
            document.wire = wire
        return document
    body = value.get("body")
    html = body.encode("utf-8") if isinstance(body, str) else b""
    return Document(source=source, kind="html", html=html, pointer="", wire=wire)


def _classify(value: Any, source: str, pointer: str) -> Document:
    where = Location(pointer=pointer)
    if not isinstance(value, dict):
        return problem(source, InputCode.NOT_A_POST, f"a JSON {_JSON_TYPES.get(type(value), 'value')} is not a "
                        "WordPress REST object", where, pointer)
    if "seoaudit_http" in value:  # a recorded HTTP exchange (live mode's facts, audited offline)
        return recorded_document(value, source, pointer)
    if _is_rest_error(value):
        data = value.get("data")
        status = data.get("status") if isinstance(data, dict) else None
        return problem(source, InputCode.REST_ERROR,
                        f"WordPress REST error {value['code']}" + (f" (HTTP {status})" if status else "")
                        + f": {_one_line(value.get('message'))}", where, pointer)
    if _is_yoast_get_head(value):
        return Document(source=source, kind="yoast-get-head", data=value, pointer=pointer)
    if headless.is_rank_math_head(value) or headless.is_seopress(value):
        return _plugin_answer(value, source, pointer)
    kind = _wp_kind(value)
    if kind is None:
        keys = ", ".join(sorted(map(str, value))[:6]) or "none"
        return problem(source, InputCode.NOT_A_POST,
                        f"JSON object is not a WordPress REST object, collection, GraphQL response or SEO plugin "
                        f"head (no `link`; keys: {keys})", where, pointer)
    return Document(source=source, kind=kind, data=value, pointer=pointer)


def _plugin_answer(value: dict, source: str, pointer: str) -> Document:
    """Rank Math's getHead or SEOPress's answer: `success: false`, an empty head or SEOPress's `data: null` say
    that nothing came back for the URL or post."""
    where = Location(pointer=pointer)
    plugin, field = ("Rank Math getHead", "head") if "head" in value else ("SEOPress", "data")
    if value["success"] is not True:
        return problem(source, InputCode.REST_ERROR, f"{plugin} answered success: {json.dumps(value['success'])}",
                        where, pointer)
    if field == "head" and not value["head"].strip():
        return problem(source, InputCode.EMPTY, "Rank Math getHead answered an empty head (is the URL one of the "
                       "site's?)", Location(pointer=f"{pointer}/head"), pointer)
    if field == "data" and value["data"] is None:
        return problem(source, InputCode.EMPTY, "SEOPress answered data: null: it returns SEO data only for a "
                       "published post without a password", Location(pointer=f"{pointer}/data"), pointer)
    kind = "rank-math-get-head" if field == "head" else "seopress"
    return Document(source=source, kind=kind, data=value, pointer=pointer)


def _is_yoast_get_head(value: dict) -> bool:
    return isinstance(value.get("html"), str) and isinstance(value.get("json"), dict)


def _is_rest_error(value: dict) -> bool:
    return isinstance(value.get("code"), str) and "message" in value and "link" not in value


def _wp_kind(value: dict) -> str | None:
    if not isinstance(value.get("link"), str):
        return None
    if "taxonomy" in value:
        return "wp-term"
    if "avatar_urls" in value or ("title" not in value and "name" in value and "url" in value):
        return "wp-user"
    if isinstance(value.get("title"), dict) or "yoast_head_json" in value or "yoast_head" in value:
        return "wp-post"
    return None


def problem(source: str, code: InputCode, message: str, location: Location | None = None,
            pointer: str = "") -> Document:
    return Document(source=source, kind="invalid", pointer=pointer,
                    problem=InputProblem(code, message, location or Location()))


def marker(kind: str, source: str, reason: str) -> Document:
    """A marker document (`model.SKIPPED`, `NOTED`): not audited, recorded by the run with its reason."""
    return Document(source=source, kind=kind, reason=reason)


def unopened(name: str, exc: OSError) -> Document:
    """The document that says why a file could not be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return problem(name, InputCode.UNREADABLE, "no such file or directory")
    if isinstance(exc, IsADirectoryError):
        return problem(name, InputCode.UNREADABLE, "is a directory")
    return problem(name, InputCode.UNREADABLE, exc.strerror or str(exc))


def too_big(source: str, cap: int, what: str = "") -> Document:
    return _limit(source, f"{what}input is over the {cap:,}-byte limit (max-input-bytes); "
                  "not audited")


