"""Real HTTP servers on loopback addresses for the live-mode tests (no mocked transport).

`LiveServer(host)` serves a routing table of `path (with query) → Route` on an ephemeral port of `host`
(any 127.0.0.0/8 address: loopback only), in a thread, and records every request (path and headers).
Hostile answers are routes too: a head or a body sent one byte at a time (`drip_head`, `drip_body`), an
endless body (a callable), a gzip bomb (`gzip_bomb()` with `Content-Encoding: gzip`).
"""

from __future__ import annotations

import contextlib
import ipaddress
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering (a slow server)
    ranges: bool = False  # answer Range requests with 206 and Content-Range
    total: int | None = None  # the size Content-Range reports (a huge file of which only the head is sent)
    then: Route | None = None  # the answer from the second request on (a 503 that recovers)
    drip_head: float = 0.0  # seconds between the bytes of the status line and headers (slowloris)
    drip_body: float = 0.0  # seconds between the bytes of the body


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client hanging up (a deadline, a cap) is expected
            super().handle_error(request, client_address)


class LiveServer:
    def __init__(self, host: str = "127.0.0.1"):
        assert ipaddress.ip_address(host) in ipaddress.ip_network("127.0.0.0/8"), "loopback only"
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.hits: dict[str, int] = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                owner.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                count = owner.hits[self.path] = owner.hits.get(self.path, 0) + 1
                route = owner.routes.get(self.path) or owner.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    route = Route(404, b"<html><head><title>Not found</title></head></html>")
                while route.then is not None and count > 1:
                    route, count = route.then, count - 1
                if route.delay:
                    time.sleep(route.delay)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if route.drip_head or route.drip_body:
                        self._drip(route)
                    else:
                        self._answer(route)

            def _drip(self, route: Route):
                body = route.body if isinstance(route.body, bytes) else b"".join(route.body())
                head = [f"HTTP/1.1 {route.status} OK", f"Content-Type: {route.content_type}",
                        f"Content-Length: {len(body)}", *(f"{n}: {v}" for n, v in route.headers), "", ""]
                for data, pause in (("\r\n".join(head).encode(), route.drip_head), (body, route.drip_body)):
                    for i in range(len(data)):
                        if pause:
                            time.sleep(pause)
                        self.wfile.write(data[i:i + 1])
                        self.wfile.flush()

            def _answer(self, route: Route):
                body = route.body
                status = route.status
                headers = list(route.headers)
                if callable(body):  # endless or streamed: chunked
                    self.send_response(status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Transfer-Encoding", "chunked")
                    for name, value in headers:
                        self.send_header(name, value)
                    self.end_headers()
                    for chunk in body():
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                    return
                asked = self.headers.get("Range", "")
                if route.ranges and asked.startswith("bytes=0-") and status == 200:
                    end = min(int(asked[8:] or len(body) - 1), len(body) - 1)
                    total = route.total or len(body)
                    headers.append(("Content-Range", f"bytes 0-{end}/{total}"))
                    body, status = body[: end + 1], 206
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = _QuietServer((host, 0), Handler)
        self.host = host
        self.port = self.server.server_address[1]
        # A short poll: shutdown() waits for the serving loop's next look, 0.5 s by default (a second per test
        # with two servers).
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def add(self, path: str, route: Route | None = None, **kwargs) -> str:
        self.routes[path] = route or Route(**kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        return self.add(path, Route(status, b"", [("Location", to)]))

    def requests_to(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


# -- compression bombs ---------------------------------------------------------------------------------

_BOMBS: dict[int, bytes] = {}


def gzip_bomb(decoded_mib: int = 2048) -> bytes:
    """A gzip stream of `decoded_mib` MiB of spaces (2 GiB → about 2 MB compressed), made once per size."""
    if decoded_mib not in _BOMBS:
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b" " * (1024 * 1024)
        _BOMBS[decoded_mib] = b"".join([*(packer.compress(block) for _ in range(decoded_mib)), packer.flush()])
    return _BOMBS[decoded_mib]


# -- tiny images, made here (no binary files in the repository) -------------------------------------------

def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x00" * width * 3 for _ in range(min(height, 4)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b"\x3b"


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def svg(width: int, height: int) -> bytes:
    return (f'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
            "</svg>").encode()


def page(title: str = "Post", canonical: str | None = None, extra: str = "") -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{link}{extra}"
            "</head><body><h1>Post</h1><p>Text.</p></body></html>").encode()
