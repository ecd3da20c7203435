"""The facts one fetch records for the rules: core data next to the model (stdlib only), so rules, offline
records and crawl archives use them without importing live mode.

A live run attaches a `Wire` to each `Document` it builds (`document.wire`). The rules that need the wire
(`url/http-error`, `url/redirect-chain`, `canonical/header-mismatch`, `robots/x-robots-noindex`,
`image/declared-size-wrong`, …) read it and do nothing when it is absent, so offline runs are unchanged.

The same facts can be written as JSON and audited offline (the docstring examples of those rules do):

    {"seoaudit_http": {"url": "https://example.com/a/", "status": 200,
                       "headers": {"x-robots-tag": "noindex"},
                       "redirects": [{"url": "http://example.com/a", "status": 301}],
                       "served": {…a response, with "body"…}, "canonical": {…, "robots": "noindex"},
                       "images": {"URL": {…}}},
     "body": "<html>…</html>"}            (an HTML page)
    or "json": {…a WordPress REST object…} (a REST post; `served` is the page at its link)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(slots=True)
class Hop:
    """One redirect: `url` answered `status` and sent the client to `location`."""

    url: str
    status: int
    location: str | None = None


@dataclass(slots=True)
class Response:
    """What one URL answered, after following up to the redirect limit. `error` when there is no usable answer
    (timeout, connection refused, too many redirects, body over the cap)."""

    url: str
    status: int | None = None
    final_url: str | None = None
    headers: dict[str, list[str]] = field(default_factory=dict)  # lowercased name → values in order
    redirects: list[Hop] = field(default_factory=list)
    error: str | None = None
    body: bytes | None = None
    truncated: bool = False

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None

    def header_values(self, name: str) -> list[str]:
        return self.headers.get(name.lower(), [])

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";", 1)[0].strip().lower()

    def to_json(self, with_body: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "status": self.status}
        if self.final_url and self.final_url != self.url:
            out["final_url"] = self.final_url
        if self.headers:
            out["headers"] = {k: v if len(v) != 1 else v[0] for k, v in self.headers.items()}
        if self.redirects:
            out["redirects"] = [{"url": h.url, "status": h.status, "location": h.location} for h in self.redirects]
        if self.error:
            out["error"] = self.error
        if with_body and self.body is not None:
            out["body"] = self.body.decode("utf-8", "replace")
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Response:
        headers: dict[str, list[str]] = {}
        for name, value in (data.get("headers") or {}).items():
            headers[str(name).lower()] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        hops = [Hop(str(h.get("url", "")), int(h.get("status", 301)), h.get("location"))
                for h in data.get("redirects") or [] if isinstance(h, dict)]
        body = data.get("body")
        return cls(url=str(data.get("url", "")), status=data.get("status"),
                   final_url=data.get("final_url") or data.get("url"), headers=headers, redirects=hops,
                   error=data.get("error"), body=body.encode("utf-8") if isinstance(body, str) else None)


@dataclass(slots=True)
class ImageProbe:
    """An image fetched far enough (a Range request) to read its format and pixel size."""

    url: str
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    size: int | None = None  # bytes, from Content-Range or Content-Length
    format: str | None = None  # png, jpeg, gif, webp, svg, avif, …
    width: int | None = None
    height: int | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}

    @classmethod
    def from_json(cls, url: str, data: dict[str, Any]) -> ImageProbe:
        known = {k: data.get(k) for k in cls.__slots__ if k != "url"}
        return cls(url=url, **known)


@dataclass(slots=True)
class Wire:
    """Everything the wire said about one document."""

    response: Response  # the page itself, or the REST resource the document came from
    served: Response | None = None  # for a REST post: the page at its `link`, as served
    canonical: Response | None = None  # the canonical URL's own answer (when it is not the page itself)
    # The meta robots (robots, then googlebot) of the canonical target's own <head>, as the fetcher read it. A
    # field, never a header: a server may send any header name.
    canonical_robots: str | None = None
    images: dict[str, ImageProbe] = field(default_factory=dict)
    _served_view: Any = None

    @property
    def is_error(self) -> bool:
        """The page answered 4xx/5xx: its body is an error page, not the page to audit."""
        return self.response.status is not None and self.response.status >= 400

    def served_view(self):
        """The served page's head as a View (built once), or None."""
        if self._served_view is None and self.served is not None and self.served.ok and self.served.body:
            from .extract.html import html_view, parse_html_bytes
            from .model import Location

            self._served_view = html_view(parse_html_bytes(self.served.body), "served", Location())
        return self._served_view

    def to_json(self) -> dict[str, Any]:
        out = self.response.to_json()
        if self.served is not None:
            out["served"] = self.served.to_json(with_body=True)
        if self.canonical is not None:
            out["canonical"] = self.canonical.to_json(with_body=False)
            if self.canonical_robots:
                out["canonical"]["robots"] = self.canonical_robots
        if self.images:
            out["images"] = {url: probe.to_json() for url, probe in self.images.items()}
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wire:
        served = data.get("served")
        canonical = data.get("canonical")
        wire = cls(Response.from_json(data),
                   Response.from_json(served) if isinstance(served, dict) else None,
                   Response.from_json(canonical) if isinstance(canonical, dict) else None)
        if isinstance(canonical, dict) and canonical.get("robots"):
            wire.canonical_robots = str(canonical["robots"])
        for url, probe in (data.get("images") or {}).items():
            if isinstance(probe, dict):
                wire.images[str(url)] = ImageProbe.from_json(str(url), probe)
        return wire


# -- X-Robots-Tag --------------------------------------------------------------------------------------

_BOT_PREFIX = re.compile(r"^\s*([a-z][a-z0-9_-]*)\s*:\s*(.*)$", re.IGNORECASE)
_DIRECTIVE_WITH_VALUE = ("max-snippet", "max-image-preview", "max-video-preview", "unavailable_after")


def x_robots(headers: list[str]) -> dict[str, set[str]]:
    """`X-Robots-Tag` values → {bot ('*' for all): directives}. `googlebot: noindex` names a bot; a value
    such as `unavailable_after: 25 Jun 2010` is a directive, not a bot."""
    found: dict[str, set[str]] = {}
    for header in headers:
        bot = "*"
        text = header
        match = _BOT_PREFIX.match(header)
        if match and match.group(1).lower() not in _DIRECTIVE_WITH_VALUE:
            bot, text = match.group(1).lower(), match.group(2)
        for part in text.split(","):
            token = part.strip().lower()
            if token:
                found.setdefault(bot, set()).add(token.split(":", 1)[0].strip())
    return found


def noindex_bots(headers: list[str], bots: tuple[str, ...] = ("*", "googlebot", "bingbot")) -> list[str]:
    """The bots a set of X-Robots-Tag headers keeps out of the index."""
    parsed = x_robots(headers)
    return [bot for bot in bots if {"noindex", "none"} & parsed.get(bot, set())]


# -- Link header ---------------------------------------------------------------------------------------

_LINK = re.compile(r"<([^<>]*)>\s*((?:;\s*[^;,]+)*)")  # [^<>]: linear on a header of a million "<"


def link_canonicals(headers: list[str]) -> list[str]:
    """The targets of `Link: <URL>; rel="canonical"` headers (RFC 8288), in order."""
    found = []
    for header in headers:
        for match in _LINK.finditer(header):
            params = match.group(2)
            rel = re.search(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))""", params, re.IGNORECASE)
            if rel and "canonical" in (rel.group(1) or rel.group(2) or "").lower().split():
                found.append(match.group(1).strip())
    return found


# -- what rules ask ------------------------------------------------------------------------------------

def wire_of(page) -> Wire | None:
    """The wire facts of a page, or None offline (the wire rules then say nothing)."""
    return getattr(page.document, "wire", None)


def page_response(page) -> Response | None:
    """The answer of the page a reader sees (`reader_response`), or None offline."""
    wire = wire_of(page)
    return reader_response(wire, page) if wire is not None else None


def reader_response(wire: Wire, page) -> Response | None:
    """The answer of the page a reader sees: the HTML page itself, or a REST post's served `link` (None when
    it was not fetched)."""
    return wire.served if page.document.data is not None else wire.response


def chain(response: Response) -> str:
    """`a (301) → b (302) → c`: the redirects a response went through."""
    steps = [f"{hop.url} ({hop.status})" for hop in response.redirects]
    return " → ".join([*steps, response.final_url or response.url])
