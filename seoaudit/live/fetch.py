"""The one HTTP client of a live run: httpx, redirects followed by hand (chain recorded, credentials kept on
their origin), bounded concurrency per host, timeouts, a streamed size cap, retries on 429/5xx honouring
Retry-After (bounded), an optional robots.txt check, and image probes by Range request."""

from __future__ import annotations

import email.utils
import io
import ipaddress
import os
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from .wire import REDIRECT_CODES, Hop, ImageProbe, Response

USER_AGENT = f"seoaudit/{__version__} (+https://github.com/seoaudit/seoaudit)"
LOOPBACK_ENV = "SEOAUDIT_LOOPBACK_ONLY"  # the test suite's guard: never a request beyond 127.0.0.0/8
RETRY_STATUSES = frozenset({429, 502, 503, 504})
IMAGE_PROBE_BYTES = 64 * 1024


class Cancelled(Exception):
    """The run was interrupted (Ctrl-C): no new request starts."""


@dataclass
class FetchOptions:
    timeout: float = 15.0
    concurrency: int = 8
    per_host: int = 4
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 2
    max_retry_after: float = 30.0
    backoff: float = 0.5
    insecure: bool = False
    respect_robots: bool = False
    user_agent: str = USER_AGENT
    # (user, password) for HTTP basic auth, sent only to `auth_origin`. Never printed (repr hides it).
    auth: tuple[str, str] | None = field(default=None, repr=False)
    auth_origin: str | None = None


def origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = (parts.hostname or "").lower()
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port and port != default else "")


def _http2_available() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


class Fetcher:
    """Thread-safe: one per run, shared by every worker."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        o = self.options
        self.client = httpx.Client(
            verify=not o.insecure, timeout=httpx.Timeout(o.timeout), follow_redirects=False,
            headers={"User-Agent": o.user_agent}, http2=_http2_available(),
            limits=httpx.Limits(max_connections=max(o.concurrency * 2, 4),
                                max_keepalive_connections=max(o.concurrency, 2)))
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._robots: dict[str, object] = {}
        self._cache: dict[tuple, tuple[threading.Event, list]] = {}
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    # -- one URL, redirects followed by hand -----------------------------------------------------------

    def get(self, url: str, *, accept: str = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
            max_bytes: int | None = None, extra_headers: dict[str, str] | None = None) -> Response:
        """GET `url`, following at most `max_redirects` redirects and recording each hop."""
        hops: list[Hop] = []
        seen = {url}
        current = url
        for _ in range(self.options.max_redirects + 1):
            if self.options.respect_robots and not self.allowed_by_robots(current):
                return Response(url, final_url=current, redirects=hops,
                                error=f"{current} is disallowed by robots.txt (--respect-robots)")
            answer = self._request(current, accept, max_bytes or self.options.max_bytes, extra_headers or {})
            answer.url, answer.redirects = url, hops
            if answer.error is None and answer.status in REDIRECT_CODES and answer.header("location"):
                location = answer.header("location")
                target = urljoin(current, location)
                hops.append(Hop(current, answer.status, target))
                if urlsplit(target).scheme not in ("http", "https"):
                    return Response(url, final_url=current, redirects=hops,
                                    error=f"redirect to a non-HTTP URL {target!r}")
                if target in seen:
                    return Response(url, final_url=target, redirects=hops,
                                    error=f"redirect loop: {' → '.join([h.url for h in hops] + [target])}")
                seen.add(target)
                current = target
                continue
            return answer
        return Response(url, final_url=current, redirects=hops,
                        error=f"more than {self.options.max_redirects} redirects: "
                              + " → ".join([h.url for h in hops]))

    def _request(self, url: str, accept: str, max_bytes: int, extra: dict[str, str]) -> Response:
        o = self.options
        if os.environ.get(LOOPBACK_ENV) == "1" and not _is_loopback(url):
            return Response(url, final_url=url, error=f"not fetched: {LOOPBACK_ENV} allows loopback addresses only")
        headers = {"Accept": accept, **extra}
        auth = o.auth if o.auth is not None and o.auth_origin and origin(url) == o.auth_origin else None
        attempt = 0
        while True:
            if self.stop.is_set():
                raise Cancelled()
            answer = self._once(url, headers, auth, max_bytes)
            if answer.error is not None or answer.status not in RETRY_STATUSES or attempt >= o.retries:
                return answer
            wait = _retry_after(answer.header("retry-after"))
            if wait is None:
                wait = o.backoff * (2 ** attempt)
            if wait > o.max_retry_after:
                return answer  # the server asks for longer than we wait: report what it said
            attempt += 1
            if self.stop.wait(wait):
                raise Cancelled()

    def _once(self, url: str, headers: dict[str, str], auth, max_bytes: int) -> Response:
        slot = self._slot(url)
        with slot:
            with self._lock:
                self.requests += 1
            try:
                with self.client.stream("GET", url, headers=headers, auth=auth) as reply:
                    body, truncated = _read_capped(reply, max_bytes)
                    answer = Response(url, status=reply.status_code, final_url=url,
                                      headers=_headers(reply.headers), body=body, truncated=truncated)
            except httpx.TimeoutException:
                return Response(url, final_url=url, error=f"timed out after {self.options.timeout:g} s")
            except httpx.TooManyRedirects:  # not raised (we follow by hand), kept for safety
                return Response(url, final_url=url, error="too many redirects")
            except httpx.HTTPError as exc:
                return Response(url, final_url=url, error=_describe(exc))
        if truncated:
            answer.error = f"body larger than the {_mb(max_bytes)} cap (stopped reading)"
        return answer

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        key = origin(url)
        with self._lock:
            slot = self._host_slots.get(key)
            if slot is None:
                slot = self._host_slots[key] = threading.BoundedSemaphore(max(1, self.options.per_host))
            return slot

    # -- shared results (the same canonical target or image for many pages) ----------------------------

    def once(self, key: tuple, compute):
        """Compute `compute()` once per key across threads; later callers wait for the first."""
        with self._lock:
            entry = self._cache.get(key)
            owner = entry is None
            if owner:
                entry = self._cache[key] = (threading.Event(), [])
        done, box = entry
        if owner:
            try:
                box.append(compute())
            except BaseException:
                with self._lock:
                    del self._cache[key]
                done.set()
                raise
            done.set()
            return box[0]
        done.wait()
        if not box:
            return compute()
        return box[0]

    # -- robots.txt ------------------------------------------------------------------------------------

    def allowed_by_robots(self, url: str) -> bool:
        from urllib.robotparser import RobotFileParser

        key = origin(url)

        def load():
            parser = RobotFileParser()
            answer = self._request(key + "/robots.txt", "text/plain,*/*", 512 * 1024, {})
            if answer.status is not None and 400 <= answer.status < 500:
                parser.allow_all = True
            elif not answer.ok:
                parser.disallow_all = answer.status is not None and answer.status >= 500
                parser.allow_all = not parser.disallow_all
            else:
                parser.parse((answer.body or b"").decode("utf-8", "replace").splitlines())
            return parser

        parser = self.once(("robots", key), load)
        return parser.can_fetch(self.options.user_agent.split("/", 1)[0], url)

    # -- images ----------------------------------------------------------------------------------------

    def probe_image(self, url: str) -> ImageProbe:
        return self.once(("image", url), lambda: self._probe_image(url))

    def _probe_image(self, url: str) -> ImageProbe:
        answer = self.get(url, accept="image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8,*/*;q=0.5",
                          max_bytes=IMAGE_PROBE_BYTES, extra_headers={"Range": f"bytes=0-{IMAGE_PROBE_BYTES - 1}"})
        probe = ImageProbe(url, status=answer.status, final_url=answer.final_url,
                           content_type=answer.content_type or None)
        if answer.error is not None and not answer.truncated:
            probe.error = answer.error
            return probe
        if answer.status is None or answer.status >= 400:
            return probe
        probe.size = _total_size(answer)
        head = answer.body or b""
        probe.format = sniff_format(head, probe.content_type)
        if probe.format in ("png", "jpeg", "gif", "webp", "bmp", "tiff"):
            try:
                import imagesize

                width, height = imagesize.get(io.BytesIO(head))
            except Exception:
                width = height = -1
            if width > 0 and height > 0:
                probe.width, probe.height = width, height
        return probe


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sniff_format(head: bytes, content_type: str | None = None) -> str | None:
    """The image format from its first bytes (the Content-Type only as a last resort)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):
        return "heic"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"\x1f\x8b") and content_type == "image/svg+xml":
        return "svg"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in head[:4096].lower():
        return "svg"
    if start.startswith((b"<!doctype html", b"<html", b"<head")):
        return "html"
    if content_type and content_type.startswith("image/"):
        return content_type.split("/", 1)[1].replace("svg+xml", "svg")
    return None


def _total_size(answer: Response) -> int | None:
    content_range = answer.header("content-range") or ""
    if "/" in content_range:
        total = content_range.rsplit("/", 1)[1].strip()
        if total.isdecimal():  # not isdigit(): int() refuses "¹", which a Latin-1 header can hold
            return int(total)
    if answer.status == 200:
        length = answer.header("content-length")
        if length and length.strip().isdecimal():
            return int(length)
    return None


def _read_capped(reply: httpx.Response, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    total = 0
    for chunk in reply.iter_bytes():
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            return b"".join(chunks)[:max_bytes], True
    return b"".join(chunks), False


def _headers(headers: httpx.Headers) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in headers.multi_items():
        out.setdefault(name.lower(), []).append(value)
    return out


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdecimal():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectError):
        cause = str(exc) or "connection failed"
        if "CERTIFICATE_VERIFY_FAILED" in cause:
            return f"TLS certificate not trusted ({cause}); --insecure skips the check"
        return f"cannot connect: {cause}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size} bytes"
