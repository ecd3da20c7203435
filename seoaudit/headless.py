"""The answers headless front ends read their SEO data from, told apart and split into nodes: WPGraphQL responses
(with wp-graphql-yoast-seo or wp-graphql-rank-math), Rank Math's `getHead` and SEOPress's `seopress/v1` routes.
load.py turns what these functions find into documents; page.py builds their views (extract/graphql.py,
extract/plugin_json.py). The shapes and their sources: tests/data/graphql/PROVENANCE.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_GRAPHQL_KEYS = frozenset({"data", "errors", "extensions"})  # a GraphQL response (GraphQL spec §7.1)
# A WPGraphQL node: what its own fields are called (ContentNode, TermNode, User).
_NODE_FIELDS = ("title", "status", "databaseId", "dateGmt", "date", "slug", "name")
# SEOPress's GetPost / GetTerm data (src/Actions/Api/GetPost.php).
_SEOPRESS_KEYS = frozenset({"title", "description", "canonical", "og", "twitter", "robots", "primarycat",
                            "breadcrumbs", "redirections"})
_UNKNOWN_FIELD = re.compile(r'Cannot query field "(\w+)" on type "(\w+)"')
# Fields of the two SEO extensions: a query written for one fails on the other with "Cannot query field".
_SEO_FIELDS = frozenset({"seo", "fullHead", "metaDesc", "canonical", "opengraphTitle", "opengraphImage", "schema",
                         "metaRobotsNoindex", "canonicalUrl", "description", "robots", "openGraph", "jsonLd"})


def is_graphql_response(value: dict) -> bool:
    """`{"data": …}`, `{"errors": […]}` or both (with `extensions`), and nothing else."""
    keys = value.keys()
    if not keys or not keys <= _GRAPHQL_KEYS:
        return False
    data, errors = value.get("data"), value.get("errors")
    return (isinstance(data, dict) or (data is None and isinstance(errors, list))) and \
        (errors is None or isinstance(errors, list))


def is_rank_math_head(value: dict) -> bool:
    """Rank Math's `GET /wp-json/rankmath/v1/getHead?url=…`: `{"success": true, "head": "<title>…"}`."""
    return value.keys() == {"success", "head"} and isinstance(value["head"], str)


def is_seopress(value: dict) -> bool:
    """SEOPress's `GET /wp-json/seopress/v1/posts/<id>` (or `/posts/by-url?url=`, `/terms/<id>`), sent with
    wp_send_json_success: `{"success": true, "data": {title, description, canonical, og, twitter, robots, …}}`,
    `data` null for a post that is not published or is password-protected."""
    if value.keys() != {"success", "data"}:
        return False
    data = value["data"]
    return data is None or (isinstance(data, dict) and len(_SEOPRESS_KEYS & data.keys()) >= 3)


def graphql_nodes(data: dict, pointer: str) -> Iterator[tuple[dict, str]]:
    """(node, JSON pointer) for each WPGraphQL node of `data`, in document order: an object with an `seo` field,
    or with a `link`/`uri` and its own fields. A node's own nested nodes (its author, terms, featured image)
    belong to it and are not audited apart. `data` itself is the root query, never a node (its `seo` is Yoast's
    site settings)."""
    todo: list[tuple[Any, str, bool]] = [(data, pointer, True)]
    while todo:
        value, at, root = todo.pop()
        if isinstance(value, dict):
            if not root and _is_node(value):
                yield value, at
                continue
            todo.extend((v, f"{at}/{_escape(k)}", False) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            todo.extend((v, f"{at}/{i}", False) for i, v in reversed(list(enumerate(value))))


def empty_connections(data) -> bool:
    """Every top-level field of `data` is a connection with no `nodes` / `edges` (a site with no posts yet)."""
    return isinstance(data, dict) and bool(data) and all(
        isinstance(value, dict) and any(value.get(key) == [] for key in ("nodes", "edges")) for value in data.values())


def _is_node(value: dict) -> bool:
    if "seo" in value:
        return True
    has_url = isinstance(value.get("link"), str) or isinstance(value.get("uri"), str)
    return has_url and any(key in value for key in _NODE_FIELDS)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def graphql_kind(node: dict) -> str:
    """graphql-post (a ContentNode), graphql-term or graphql-user, from `__typename` or the node's fields."""
    typename = node.get("__typename")
    if typename == "User" or ("title" not in node and ("avatar" in node or "url" in node)):
        return "graphql-user"
    if "title" in node or "status" in node or "dateGmt" in node or "contentTypeName" in node:
        return "graphql-post"
    return "graphql-term" if "name" in node or "taxonomyName" in node else "graphql-post"


def graphql_error(error: Any) -> str:
    """One line for a GraphQL error: its message, where in the query and in the answer, and a hint when an SEO
    plugin's field is unknown (the extension is not active, or the query was written for the other one)."""
    if not isinstance(error, dict):
        return f"GraphQL error: {one_line(error)}"
    message = one_line(error.get("message")) or "(no message)"
    where = []
    locations = error.get("locations")
    if isinstance(locations, list) and locations and isinstance(locations[0], dict):
        where.append(f"query line {locations[0].get('line')}, column {locations[0].get('column')}")
    if isinstance(error.get("path"), list) and error["path"]:
        where.append("at " + ".".join(map(str, error["path"])))
    text = f"GraphQL error: {message}" + (f" ({'; '.join(where)})" if where else "")
    unknown = _UNKNOWN_FIELD.search(message)
    if unknown and unknown.group(1) == "seo":
        text += ": no SEO extension of WPGraphQL is active (wp-graphql-yoast-seo or wp-graphql-rank-math)"
    elif unknown and unknown.group(1) in _SEO_FIELDS:
        text += (": the active SEO extension has no such field (wp-graphql-yoast-seo and wp-graphql-rank-math "
                 "name their fields differently)")
    return text


def one_line(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""
