"""Connections that obey the address policy and the deadline: an httpcore network backend.

httpx asks the backend for a TCP connection to a host name. This one resolves the name itself (bounded by
the deadline), has `AddressPolicy` judge every address of the answer, and connects to one of the addresses
it judged, never to the name: a DNS answer that changes between the check and the connection (rebinding)
cannot reach anything the policy refused. TLS still verifies the certificate against the host name, and the
Host header is the URL's (httpcore takes both from the URL, not from the socket).

Every blocking step of the stream (connect, TLS handshake, each read and write) is given at most what is
left of the request's deadline (`deadline_scope`), so a server that drips a byte at a time, in its headers
or its body, is cut off when the deadline passes.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable, Iterator

import httpcore
import httpx

from .deadline import UNLIMITED, Deadline
from .policy import AddressPolicy, IPAddress, parse_address

Resolver = Callable[[str, int], list[IPAddress]]

_current = threading.local()  # the deadline of the request this thread is making


class AddressRefused(Exception):
    """The policy refused every way to the host; the message says which address and why."""


@contextlib.contextmanager
def deadline_scope(deadline: Deadline) -> Iterator[None]:
    """Requests this thread makes inside the block are bounded by `deadline` (httpx's sync client does all
    its I/O in the calling thread)."""
    outer = getattr(_current, "deadline", None)
    _current.deadline = deadline
    try:
        yield
    finally:
        _current.deadline = outer


def _deadline() -> Deadline:
    return getattr(_current, "deadline", None) or UNLIMITED


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system's resolver gives for `host`, in its order, without repeats."""
    found: dict[IPAddress, None] = {}
    for *_, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        parsed = parse_address(str(address[0]))
        if parsed is not None:
            found[parsed] = None
    return list(found)


def resolve(resolver: Resolver, host: str, port: int, deadline: Deadline) -> list[IPAddress]:
    """The addresses of `host`; an address literal is its own answer. The lookup runs in a helper thread so
    that a slow DNS server costs at most the deadline (getaddrinfo itself cannot be given a timeout)."""
    literal = parse_address(host)
    if literal is not None:
        return [literal]
    box: list = []

    def lookup() -> None:
        try:
            box.append(resolver(host, port))
        except Exception as exc:  # socket.gaierror, or whatever a resolver raises
            box.append(exc)

    worker = threading.Thread(target=lookup, name="seoaudit-dns", daemon=True)
    worker.start()
    worker.join(deadline.clamp(None))
    if not box:
        raise httpcore.ConnectTimeout(f"the DNS lookup of {host} did not finish in time")
    answer = box[0]
    if isinstance(answer, Exception):
        raise httpcore.ConnectError(f"cannot resolve {host}: {answer}")
    if not answer:
        raise httpcore.ConnectError(f"cannot resolve {host}: no address")
    return answer


class GuardedBackend(httpcore.NetworkBackend):
    def __init__(self, policy: AddressPolicy, resolver: Resolver | None = None):
        self.policy = policy
        self.resolver = resolver or system_resolver
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        deadline = _deadline()
        addresses = resolve(self.resolver, host, port, deadline)
        refused = self.policy.refusal(host, addresses)
        if refused is not None:
            raise AddressRefused(refused)
        failure: Exception | None = None
        for address in addresses:  # each one was judged above; the name is never resolved again
            left = deadline.clamp(timeout)
            if left is not None and left <= 0:
                raise httpcore.ConnectTimeout(f"no connection to {host} in time")
            try:
                stream = self._sockets.connect_tcp(str(address), port, left, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return GuardedStream(stream)
        raise failure or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are never used")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class GuardedStream(httpcore.NetworkStream):
    """A socket stream whose every blocking call ends by the current request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream):
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return GuardedStream(self.inner.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    left = _deadline().clamp(timeout)
    if left is not None and left <= 0:
        raise error("deadline reached")
    return left


def guarded_transport(policy: AddressPolicy, resolver: Resolver | None, *, verify: bool, http2: bool,
                      max_connections: int, max_keepalive: int) -> httpx.HTTPTransport:
    """httpx's own transport (request building, error mapping, streaming) over the guarded backend."""
    context = httpx.create_ssl_context(verify=verify)
    transport = httpx.HTTPTransport(verify=context, http2=http2)
    # The connection pool is where httpx keeps its backend: replace it with one over ours. Fail loudly if a
    # future httpx moves it, rather than fetch without the policy.
    if not isinstance(getattr(transport, "_pool", None), httpcore.ConnectionPool):
        raise RuntimeError("this httpx keeps no httpcore.ConnectionPool in HTTPTransport._pool")
    transport._pool.close()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=context, max_connections=max_connections, max_keepalive_connections=max_keepalive,
        keepalive_expiry=5.0, http1=True, http2=http2, network_backend=GuardedBackend(policy, resolver))
    return transport
