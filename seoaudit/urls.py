"""URL comparison the way search engines see it: host case and default ports do not matter, and
everything else (scheme, trailing slash, query) does, so we can say exactly what differs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
PLAIN_PERMALINK_KEYS = ("p", "page_id", "attachment_id")
_NOT_IN_URL = re.compile(r'[ \t\n\r<>"]')  # what no URL holds unencoded (a regex: one pass, in C)
# http(s) with an ASCII host and no user or port: no IDNA, no port check, nothing urlsplit would reject.
_SIMPLE = re.compile(r"(https?)://([A-Za-z0-9.-]+)((?:[/?#].*)?)\Z", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Url:
    raw: str
    scheme: str
    host: str
    port: int | None  # None when it is the scheme's default
    path: str
    query: str
    fragment: str

    @property
    def origin(self) -> str:
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{self.host}{port}"

    @property
    def key(self) -> tuple:
        """Equal keys mean the same URL to a search engine (the fragment is not part of it). The default port is
        0, not None, so that keys of one host with and without an explicit port still sort."""
        return (self.scheme, self.host, self.port or 0, self.path or "/", self.query)


@lru_cache(maxsize=4096)
def parse(raw: str) -> Url | None:
    """An absolute http(s) URL, or None when `raw` is relative, not http(s) or malformed."""
    if not raw or _NOT_IN_URL.search(raw):
        return None
    simple = _SIMPLE.match(raw)
    if simple is not None:  # the usual shape, read as urlsplit reads it (its Python code costs five times this)
        scheme, host, rest = simple.groups()
        rest, _, fragment = rest.partition("#")
        path, _, query = rest.partition("?")
        return Url(raw, scheme, host.lower().rstrip("."), None, path, query, fragment)
    try:
        parts: SplitResult = urlsplit(raw)
        port = parts.port
        host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
    except UnicodeError:
        return None
    if port == DEFAULT_PORTS[scheme]:
        port = None
    return Url(raw, scheme, host.rstrip("."), port, parts.path, parts.query, parts.fragment)


def is_malformed(raw: str) -> bool:
    """True when no base could make sense of `raw` (bad port, broken IPv6 literal, spaces)."""
    if any(c in raw for c in "\t\n\r<>\""):
        return True
    try:
        parts = urlsplit(raw.strip())
        _ = parts.port
    except ValueError:
        return True
    if parts.scheme and parts.scheme.lower() not in DEFAULT_PORTS and parts.netloc:
        return True
    return parts.scheme.lower() in DEFAULT_PORTS and not parts.hostname


def same(a: str, b: str) -> bool:
    ua, ub = parse(a), parse(b)
    return ua is not None and ub is not None and ua.key == ub.key


def same_page(a: str, b: str) -> bool:
    """The same page up to the URL's form: scheme, a `www.` prefix, a trailing slash and the port aside."""
    ua, ub = parse(a), parse(b)
    return ua is not None and ub is not None and _page_key(ua) == _page_key(ub)


def _page_key(url: Url) -> tuple:
    return url.host.removeprefix("www."), url.path.rstrip("/"), url.query


def differences(actual: str, expected: str) -> list[str]:
    """What differs between two absolute URLs, in words ('scheme http vs https', 'trailing slash')."""
    a, e = parse(actual), parse(expected)
    if a is None or e is None:
        return ["not comparable"]
    found = []
    if a.scheme != e.scheme:
        found.append(f"scheme {a.scheme} vs {e.scheme}")
    if a.host != e.host:
        found.append(f"host {a.host} vs {e.host}")
    if a.port != e.port:
        found.append(f"port {a.port or 'default'} vs {e.port or 'default'}")
    pa, pe = a.path or "/", e.path or "/"
    if pa != pe:
        if pa.rstrip("/") == pe.rstrip("/"):
            found.append("trailing slash only" + (" (missing)" if len(pa) < len(pe) else " (extra)"))
        elif pa.lower() == pe.lower():
            found.append(f"path case {pa} vs {pe}")
        else:
            found.append(f"path {pa} vs {pe}")
    if a.query != e.query:
        found.append(f"query ?{a.query} vs ?{e.query}" if a.query and e.query
                     else f"query ?{a.query or e.query} only on the {'first' if a.query else 'second'}")
    return found


def is_plain_permalink(raw: str) -> bool:
    """`/?p=123`, `/?page_id=7`: the URL WordPress gives a post that is not (yet) public."""
    url = parse(raw)
    if url is None or url.path not in ("", "/"):
        return False
    keys = {pair.split("=", 1)[0] for pair in url.query.split("&") if pair}
    return any(k in keys for k in PLAIN_PERMALINK_KEYS)


def without_fragment(raw: str) -> str:
    return raw.split("#", 1)[0]
