"""WordPress over WPGraphQL: find the endpoint and the SEO extension, then page through every post and page with
its SEO fields (cursor pagination: `first` / `after`, `pageInfo { hasNextPage endCursor }`), drafts included
with an application password, as `seoaudit site` does over REST (live/wordpress.py).

Queries go as GET (`?query=…&variables=…`), which WPGraphQL answers for queries. The two SEO extensions name
their fields differently and a query with a field the schema lacks fails whole, so one probe first asks for
`seo { __typename }`: `PostTypeSEO` is wp-graphql-yoast-seo, `RankMath…Seo` wp-graphql-rank-math, and
"Cannot query field "seo"" means no SEO extension (the nodes are then listed without it, and each is reported
as having no SEO output). Fields per extension: tests/data/graphql/PROVENANCE.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from .wordpress import Listing

ENDPOINTS = ("/graphql", "/?graphql")  # pretty permalinks, then plain ones (WPGraphQL's `graphql` query var)
NODE_FIELDS = "__typename databaseId uri link status title date dateGmt modified modifiedGmt slug excerpt content"
YOAST_FIELDS = (
    "title metaDesc canonical metaRobotsNoindex metaRobotsNofollow opengraphTitle opengraphDescription opengraphUrl "
    "opengraphSiteName opengraphType opengraphAuthor opengraphPublisher opengraphPublishedTime opengraphModifiedTime "
    "opengraphImage { sourceUrl altText mimeType mediaDetails { width height } } twitterTitle twitterDescription "
    "twitterCardType twitterImage { sourceUrl } schema { raw } fullHead")
RANK_MATH_FIELDS = (
    "title description canonicalUrl robots openGraph { title description url type siteName locale updatedTime "
    "image { url secureUrl type width height } articleMeta { publishedTime modifiedTime section author publisher "
    "tags } twitterMeta { card title description image site creator } facebookMeta { appId admins } } "
    "jsonLd { raw } fullHead")
SEO_FIELDS = {"yoast": YOAST_FIELDS, "rank-math": RANK_MATH_FIELDS, None: ""}
EDIT_STATUSES = ("publish", "future", "draft", "pending", "private")


@dataclass(frozen=True)
class Endpoint:
    url: str  # where queries go: https://example.com/graphql, or https://example.com/?graphql
    dialect: str | None  # "yoast", "rank-math", or None: no SEO extension


def is_graphql_url(url: str) -> bool:
    """A URL that names the endpoint itself: …/graphql, or ?graphql."""
    parts = urlsplit(url)
    return parts.path.rstrip("/").endswith("/graphql") or "graphql" in dict(_params(parts.query))


def candidates(base: str) -> list[str]:
    """The endpoint URLs to try for a site (or the one the URL names)."""
    if is_graphql_url(base):
        return [base]
    parts = urlsplit(base)
    root = parts.path.rstrip("/")
    return [urlunsplit((parts.scheme, parts.netloc, root + path.split("?")[0] or "/",
                        path.partition("?")[2], "")) for path in ENDPOINTS]


def request_url(endpoint: str, query: str, variables: dict | None = None) -> str:
    """A GET request for one query (WPGraphQL reads `query` and `variables` from the query string)."""
    params = [("query", " ".join(query.split()))]
    if variables:
        params.append(("variables", json.dumps(variables, separators=(",", ":"))))
    joiner = "&" if "?" in endpoint else "?"
    return endpoint + joiner + urlencode(params)


def probe_query(listing: Listing) -> str:
    where = _where(listing, for_probe=True)
    return "query SeoauditProbe { " + " ".join(
        f"{kind}(first: 1{where}) {{ nodes {{ seo {{ __typename }} }} }}" for kind in listing.types) + " }"


def dialect_of(answer: dict) -> tuple[bool, str | None]:
    """(the answer is WPGraphQL's, the SEO extension) from the probe's answer."""
    errors = answer.get("errors") if isinstance(answer.get("errors"), list) else []
    if any('Cannot query field "seo"' in str(e.get("message") if isinstance(e, dict) else e) for e in errors):
        return True, None
    data = answer.get("data")
    if not isinstance(data, dict):
        return False, None
    for connection in data.values():
        nodes = connection.get("nodes") if isinstance(connection, dict) else None
        for node in nodes if isinstance(nodes, list) else []:
            typename = (node.get("seo") or {}).get("__typename") if isinstance(node, dict) else None
            if isinstance(typename, str):
                return True, "rank-math" if typename.startswith("RankMath") else "yoast"
    return True, "yoast"  # nothing to list yet: any query lists nothing


def page_query(listing: Listing, kind: str, dialect: str | None) -> str:
    seo = SEO_FIELDS[dialect]
    fields = NODE_FIELDS + (f" seo {{ {seo} }}" if seo else "")
    return (f"query SeoauditPage($first: Int!, $after: String) {{ {kind}(first: $first, after: $after"
            f"{_where(listing)}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {fields} }} }} }}")


def _where(listing: Listing, for_probe: bool = False) -> str:
    """The connection's `where`: statuses (PostStatusEnum), and `--since` as a dateQuery on the modified date."""
    clauses = []
    statuses = listing.statuses or (EDIT_STATUSES if listing.edit else ())
    if statuses:
        clauses.append("stati: [" + ", ".join(s.upper() for s in statuses) + "]")
    if listing.since and not for_probe:
        year, month, day = (int(part) for part in listing.since[:10].split("-"))
        clauses.append(f"dateQuery: {{ column: MODIFIED, after: {{ year: {year}, month: {month}, day: {day} }} }}")
    return f", where: {{ {', '.join(clauses)} }}" if clauses else ""


def page_info(answer: dict, kind: str) -> tuple[bool, str | None]:
    """(has a next page, its cursor) of one connection page."""
    connection = (answer.get("data") or {}).get(kind) if isinstance(answer.get("data"), dict) else None
    info = connection.get("pageInfo") if isinstance(connection, dict) else None
    if not isinstance(info, dict):
        return False, None
    cursor = info.get("endCursor")
    return info.get("hasNextPage") is True and isinstance(cursor, str), cursor


def _params(query: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(query, keep_blank_values=True)


# -- the listing, as jobs of a live Session (live/run.py) -------------------------------------------------------


def roots(session, listing: Listing) -> list:
    """One job per type (`posts`, `pages`): page 1; each page schedules the next from its end cursor."""
    return [((i,), f"{kind} page 1 (GraphQL)", _page_job(session, listing, kind, 1, None, (i,)))
            for i, kind in enumerate(listing.types)]


def _endpoint(session, listing: Listing) -> Endpoint | str:
    """The endpoint and its SEO extension, found once per run (every type's first page waits for it); a
    one-line reason when there is none."""
    return session.fetcher.once(("graphql-endpoint", listing.base), lambda: _discover(session, listing))


def _discover(session, listing: Listing) -> Endpoint | str:
    tried = []
    for url in candidates(listing.base):
        answer = session.fetcher.get(request_url(url, probe_query(listing)), accept="application/json")
        if answer.error is not None:
            tried.append(f"{url}: {answer.error}")
            continue
        value = _json(answer.body)
        graphql, dialect = dialect_of(value) if isinstance(value, dict) else (False, None)
        if graphql:
            return Endpoint(url, dialect)
        said = _first_error(value)
        tried.append(f"{url}: HTTP {answer.status}" + (f" ({said})" if said else ", not a GraphQL answer"))
        if answer.status in (401, 403) and session.options.fetch.auth is not None:
            return (f"WPGraphQL at {url} refused the credentials (HTTP {answer.status}" + (f": {said}" if said else "")
                    + "): check SEOAUDIT_WP_USER and SEOAUDIT_WP_APP_PASSWORD")
    return "no WPGraphQL endpoint answered: " + "; ".join(tried)


def _page_job(session, listing: Listing, kind: str, page: int, cursor: str | None, key: tuple):
    from ..documents import documents_from_json, problem
    from ..headless import empty_connections, is_graphql_response
    from ..model import InputCode
    from ..wire import Wire
    from .jobs import JobResult, without_body
    from .wordpress import MAX_PAGES

    def job() -> JobResult:
        endpoint = _endpoint(session, listing)
        if isinstance(endpoint, str):  # said once, by the first type's job
            return JobResult([(key, problem(listing.base, InputCode.UNREADABLE, endpoint))] if key == (0,) else [])
        done = (page - 1) * listing.per_page
        first = listing.per_page if listing.limit is None else min(listing.per_page, listing.limit - done)
        url = request_url(endpoint.url, page_query(listing, kind, endpoint.dialect), {"first": first, "after": cursor})
        label = f"{endpoint.url} ({kind} page {page})"
        answer = session.fetcher.get(url, accept="application/json")
        if answer.error is not None:
            return JobResult([(key, problem(label, InputCode.UNREADABLE, answer.error))])
        value = _json(answer.body)
        if not isinstance(value, dict) or not is_graphql_response(value):
            code = InputCode.INVALID_JSON if value is None else InputCode.NOT_A_POST
            return JobResult([(key, problem(label, code, f"HTTP {answer.status}: not a GraphQL answer"))])
        result = JobResult()
        more, next_cursor = page_info(value, kind)
        if more and page < MAX_PAGES and (listing.limit is None or done + first < listing.limit):
            result.children.append(((*key, page + 1), f"{kind} page {page + 1} (GraphQL)",
                                    _page_job(session, listing, kind, page + 1, next_cursor, (*key, page + 1))))
        wire = without_body(answer)
        if empty_connections(value.get("data")) and not value.get("errors"):
            return result  # no post of this type (or none left)
        for i, document in enumerate(documents_from_json(value, label)):
            item_key = (*key, page, i)
            if document.problem is not None:
                result.documents.append((item_key, document))
                continue
            node_id = document.data.get("databaseId")
            # The node is the document: its findings point into it (/seo/canonical), and its source stays the
            # same from run to run (baselines), whichever page it came on.
            document.source = f"{endpoint.url}#{kind}/{node_id if node_id is not None else f'{page}.{i}'}"
            document.pointer = ""
            document.wire = Wire(wire)
            result.children.append((item_key, document.source, session._post_job(document, item_key)))
        return result

    return job


def _json(body: bytes | None):
    try:
        return json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        return None


def _first_error(value) -> str | None:
    errors = value.get("errors") if isinstance(value, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return " ".join(str(errors[0].get("message", "")).split())
    if isinstance(value, dict) and isinstance(value.get("message"), str):  # a REST-style error body
        return " ".join(value["message"].split())
    return None
