"""The one HTTP client of a live run: httpx, redirects followed by hand (chain recorded, credentials kept on
their origin), bounded concurrency per host, timeouts, a streamed size cap, retries on 429/5xx honouring
Retry-After (bounded), an optional robots.txt check, and image probes by Range request."""

from __future__ import annotations

import email.utils
import io
import os
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from ..wire import REDIRECT_CODES, Hop, ImageProbe, Response
from .body import ACCEPT_ENCODING, BodyError, decoded, read_capped
from .connect import AddressRefused, Resolver, deadline_scope, guarded_transport
from .deadline import Deadline
from .policy import AddressPolicy

USER_AGENT = f"seoaudit/{__version__} (+https://github.com/seoaudit/seoaudit)"
LOOPBACK_ENV = "SEOAUDIT_LOOPBACK_ONLY"  # the test suite's extra guard (policy.AddressPolicy.loopback_only)
RETRY_STATUSES = frozenset({429, 502, 503, 504})
IMAGE_PROBE_BYTES = 64 * 1024


class Cancelled(Exception):
    """The run was interrupted (Ctrl-C): no new request starts."""


class OutOfTime(Cancelled):
    """The run's --max-time is over: this fetch was not done (the run counts them in one finding)."""


@dataclass
class FetchOptions:
    timeout: float = 15.0  # one request, all of it: DNS, connect, TLS, headers and body
    max_time: float | None = None  # the whole run (--max-time)
    concurrency: int = 8
    per_host: int = 4
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024  # decoded bytes of one body
    retries: int = 2
    max_retry_after: float = 10.0  # a longer Retry-After is not waited for (and one is honoured per URL)
    backoff: float = 0.5
    insecure: bool = False
    respect_robots: bool = False
    user_agent: str = USER_AGENT
    # (user, password) for HTTP basic auth, sent only to `auth_origin`. Never printed (repr hides it).
    auth: tuple[str, str] | None = field(default=None, repr=False)
    auth_origin: str | None = None
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    resolver: Resolver | None = None  # None: the system's (tests give a stub)

    @property
    def url_time(self) -> float:
        """What one URL may take with its redirects, retries and Retry-After wait: twice --timeout."""
        return 2 * self.timeout


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


@dataclass
class _UrlBudget:
    """One URL's deadline (redirects and retries included) and whether its Retry-After was honoured."""

    deadline: Deadline
    waited_retry_after: bool = False


class Fetcher:
    """Thread-safe: one per run, shared by every worker."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        o = self.options
        if os.environ.get(LOOPBACK_ENV) == "1":
            o.policy.loopback_only = True
        self.run_deadline = Deadline(o.max_time, f"the run's --max-time of {o.max_time:g} s" if o.max_time else "")
        transport = guarded_transport(o.policy, o.resolver, verify=not o.insecure, http2=_http2_available(),
                                      max_connections=max(o.concurrency * 2, 4),
                                      max_keepalive=max(o.concurrency, 2))
        # trust_env=False: proxy variables would send requests through a host the policy cannot see past.
        self.client = httpx.Client(transport=transport, timeout=httpx.Timeout(o.timeout), follow_redirects=False,
                                   trust_env=False, headers={"User-Agent": o.user_agent,
                                                             "Accept-Encoding": ACCEPT_ENCODING})
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
        """GET `url`, following at most `max_redirects` redirects and recording each hop, within the URL's
        deadline (twice --timeout) and the run's."""
        budget = self._budget()
        hops: list[Hop] = []
        seen = {url}
        current = url
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return Response(url, final_url=url, error=f"not fetched: only http and https URLs are ({url!r})")
        for _ in range(self.options.max_redirects + 1):
            if self.options.respect_robots and not self.allowed_by_robots(current):
                return Response(url, final_url=current, redirects=hops,
                                error=f"{current} is disallowed by robots.txt (--respect-robots)")
            answer = self._request(current, accept, max_bytes or self.options.max_bytes, extra_headers or {},
                                   budget)
            answer.url, answer.redirects = url, hops
            if answer.error is not None and hops:
                answer.error += f" (after {' → '.join([h.url for h in hops] + [current])})"
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

    def _request(self, url: str, accept: str, max_bytes: int, extra: dict[str, str], budget: _UrlBudget) -> Response:
        o = self.options
        headers = {"Accept": accept, **extra}
        auth = o.auth if o.auth is not None and o.auth_origin and origin(url) == o.auth_origin else None
        attempt = 0
        while True:
            answer = self._once(url, headers, auth, max_bytes, budget)
            if answer.error is not None or answer.status not in RETRY_STATUSES or attempt >= o.retries:
                return answer
            asked = _retry_after(answer.header("retry-after"))
            if asked is not None:
                # Honoured once per URL, up to max_retry_after, and only if the URL's deadline leaves time to
                # ask again: a server cannot hold a run with Retry-After. Otherwise its answer is reported.
                if budget.waited_retry_after or asked > o.max_retry_after:
                    return answer
                budget.waited_retry_after = True
                wait = asked
            else:
                wait = o.backoff * (2 ** attempt)
            if wait >= budget.deadline.remaining():
                return answer
            attempt += 1
            if self.stop.wait(wait):
                raise Cancelled()

    def _once(self, url: str, headers: dict[str, str], auth, max_bytes: int, budget: _UrlBudget) -> Response:
        if self.stop.is_set():
            raise Cancelled()
        with self._slot(url, budget.deadline):
            with self._lock:
                self.requests += 1
            deadline = budget.deadline.child(self.options.timeout, f"the {self.options.timeout:g} s --timeout of "
                                                                   "one request")
            try:
                with deadline_scope(deadline), self.client.stream("GET", url, headers=headers, auth=auth) as reply:
                    # Only the head of a Range request (an image probe) is of use when the body is over the cap.
                    body, truncated = read_capped(decoded(reply.iter_raw(), reply.headers.get("content-encoding")),
                                                  max_bytes, keep_head="Range" in headers)
                    answer = Response(url, status=reply.status_code, final_url=url,
                                      headers=_headers(reply.headers), body=body, truncated=truncated)
            except httpx.TimeoutException:
                if self.run_deadline.expired:
                    raise OutOfTime() from None
                return Response(url, final_url=url, error=f"timed out: no complete answer within {deadline.reason()}")
            except AddressRefused as exc:
                return Response(url, final_url=url, error=str(exc))
            except BodyError as exc:
                return Response(url, final_url=url, error=str(exc))
            except httpx.HTTPError as exc:
                return Response(url, final_url=url, error=_describe(exc))
        if truncated:
            answer.error = f"body larger than the {_mb(max_bytes)} cap (stopped reading)"
        return answer

    def _slot(self, url: str, deadline: Deadline) -> _Slot:
        key = origin(url)
        with self._lock:
            slot = self._host_slots.get(key)
            if slot is None:
                slot = self._host_slots[key] = threading.BoundedSemaphore(max(1, self.options.per_host))
        return _Slot(slot, self, deadline)

    def _budget(self) -> _UrlBudget:
        seconds = self.options.url_time
        return _UrlBudget(self.run_deadline.child(
            seconds, f"the {seconds:g} s one URL may take with its redirects and retries (twice --timeout)"))

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
            answer = self._request(key + "/robots.txt", "text/plain,*/*", 512 * 1024, {}, self._budget())
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


class _Slot:
    """One of a host's `per_host` places. Waiting for it is bounded by the run (Ctrl-C, --max-time), not by
    the URL's deadline: a URL queued behind slow ones on the same host gets its full time once it starts."""

    def __init__(self, semaphore: threading.BoundedSemaphore, fetcher: Fetcher, deadline: Deadline):
        self.semaphore, self.fetcher, self.deadline = semaphore, fetcher, deadline

    def __enter__(self) -> None:
        start = time.monotonic()
        while not self.semaphore.acquire(timeout=0.1):
            if self.fetcher.stop.is_set():
                raise Cancelled()
            if self.fetcher.run_deadline.expired:
                raise OutOfTime()
        if self.fetcher.run_deadline.expired:
            self.semaphore.release()
            raise OutOfTime()
        self.deadline.postpone(time.monotonic() - start)

    def __exit__(self, *exc) -> None:
        self.semaphore.release()


class ImageDownloader:
    """An image's bytes (at most the options' `max_bytes`), within the run's --max-time: what the HTML report
    embeds of the images a live run probed. Its own connections, opened on first use."""

    def __init__(self, options: FetchOptions, run_deadline: Deadline):
        self.options = options
        self.run_deadline = run_deadline
        self._fetcher: Fetcher | None = None

    def __call__(self, url: str) -> bytes | None:
        if self.run_deadline.expired:  # past --max-time: the image stays a placeholder of its real size
            return None
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
            self._fetcher.run_deadline = self.run_deadline
        answer = self._fetcher.get(url, accept="image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8")
        return answer.body if answer.ok and answer.body and not answer.truncated else None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
