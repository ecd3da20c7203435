"""A WordPress that answers like WPGraphQL, on a loopback address, for the live GraphQL tests.

It serves `GET /graphql?query=…&variables=…` (or `/?graphql&query=…` when `pretty` is off) as WPGraphQL does for
the queries seoaudit sends: the `posts` and `pages` connections with `first` / `after` cursors
(`arrayconnection:ID`, base64) and `pageInfo { hasNextPage endCursor }`, non-public statuses only with the right
application password (HTTP basic) and `stati` asked, the whole query refused with "Cannot query field" when it
asks for a field the active SEO extension lacks (`dialect`: "yoast", "rank-math" or None), and each post's
link served as the page a front end renders from `fullHead`. Every request is recorded (path and headers).
"""

from __future__ import annotations

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from .live_server import LiveServer, Seen, jpeg

_ONLY = {"yoast": ("metaDesc", "PostTypeSEO"), "rank-math": ("canonicalUrl", "RankMathPostObjectSeo")}
_STATI = re.compile(r"stati: \[([A-Z, ]+)\]")


class GraphQLServer(LiveServer):
    """LiveServer's lifetime (`with`), address and request log; its own answers."""

    def __init__(self, nodes: dict[str, list[dict]], dialect: str | None = "yoast", credentials=("editor", "pw"),
                 pretty: bool = True, host: str = "127.0.0.1"):
        assert host.startswith("127."), "loopback only"
        self.nodes, self.dialect, self.pretty = nodes, dialect, pretty
        self.token = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()
        self.pages: dict[str, bytes] = {}  # path → the HTML served there (a post's link, an image)
        self.seen: list[Seen] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                owner.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                status, kind, body = owner.answer(self.path, self.headers.get("Authorization"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.host, self.port = host, self.server.server_address[1]
        # A short poll: shutdown() waits for the serving loop's next look, 0.5 s by default (a second per test
        # with two servers).
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    @property
    def queries(self) -> list[tuple[str, dict]]:
        """(query, variables) of every GraphQL request, in order."""
        found = []
        for seen in self.seen:
            params = dict(parse_qsl(urlsplit(seen.path).query, keep_blank_values=True))
            if "query" in params:
                found.append((params["query"], json.loads(params.get("variables") or "{}")))
        return found

    # -- answers ----------------------------------------------------------------------------------------------

    def answer(self, path: str, auth: str | None) -> tuple[int, str, bytes]:
        parts = urlsplit(path)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        endpoint = parts.path == "/graphql" if self.pretty else (parts.path == "/" and "graphql" in params)
        if endpoint and "query" in params:
            if auth is not None and auth != self.token:
                return 403, "application/json", _json({"errors": [{"message": "The password you entered for the "
                                                                   "username editor is incorrect."}]})
            return 200, "application/json; charset=UTF-8", _json(self.execute(params["query"], json.loads(
                params.get("variables") or "{}"), auth == self.token))
        if parts.path.endswith(".jpg"):
            return 200, "image/jpeg", jpeg(1200, 675)
        if parts.path in self.pages:
            return 200, "text/html; charset=utf-8", self.pages[parts.path]
        return 404, "text/html", b"<html><head><title>Page not found</title></head><body></body></html>"

    def execute(self, query: str, variables: dict, authenticated: bool) -> dict:
        if "seo {" in query:
            if self.dialect is None:
                return {"errors": [{"message": 'Cannot query field "seo" on type "Post".',
                                    "extensions": {"category": "graphql"}, "locations": [{"line": 1, "column": 40}]}]}
            for dialect, (field, _) in _ONLY.items():
                if dialect != self.dialect and re.search(rf"\b{field}\b", query):
                    message = f'Cannot query field "{field}" on type "{_ONLY[self.dialect][1]}".'
                    return {"errors": [{"message": message, "locations": [{"line": 1, "column": 9}]}]}
        data = {}
        for kind, nodes in self.nodes.items():
            match = re.search(rf"\b{kind}\(first: (\$first|\d+)(.*?)\) \{{", query)
            if match is None:
                continue
            stati = _STATI.search(match.group(2))
            wanted = {s.strip().lower() for s in stati.group(1).split(",")} if stati else {"publish"}
            visible = [n for n in nodes if n["status"] in wanted and (n["status"] == "publish" or authenticated)]
            first = variables.get("first", 1) if match.group(1) == "$first" else int(match.group(1))
            after = variables.get("after")
            start = 0
            if after:
                last = int(base64.b64decode(after).decode().split(":")[1])
                start = next(i for i, n in enumerate(visible) if n["databaseId"] == last) + 1
            chosen = visible[start:start + first]
            data[kind] = {"pageInfo": {"hasNextPage": start + first < len(visible),
                                       "endCursor": _cursor(chosen[-1]) if chosen else None},
                          "nodes": [self._shape(n, query) for n in chosen]}
        return {"data": data}

    def _shape(self, node: dict, query: str) -> dict:
        if "seo { __typename }" in query:
            return {"seo": {"__typename": _ONLY[self.dialect][1]}}
        shaped = {k: v for k, v in node.items() if k != "seo"}
        if "seo {" in query:
            shaped["seo"] = node["seo"]
        return shaped


def _cursor(node: dict) -> str:
    return base64.b64encode(f"arrayconnection:{node['databaseId']}".encode()).decode()


def _json(value) -> bytes:
    return json.dumps(value).encode()
