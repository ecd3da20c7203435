"""The address policy, the guarded connections and the capped body decoder, as functions.

No address outside 127.0.0.0/8 is ever connected to here: the policy is tested on address values, names are
resolved by stub resolvers, and `no_traffic_outside_loopback` fails any test whose code tries.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import tracemalloc
import zlib

import pytest

from seoaudit.live import body
from seoaudit.live.deadline import Deadline
from seoaudit.live.fetch import Fetcher, FetchOptions
from seoaudit.live.policy import AddressPolicy, is_loopback_host, kind

from .live_server import LiveServer, gzip_bomb, page

ip = ipaddress.ip_address


@pytest.fixture(autouse=True)
def no_traffic_outside_loopback(monkeypatch):
    """Independent of the code under test: a connection to anything but 127.0.0.0/8 fails the test."""
    real = socket.create_connection
    tried: list[str] = []

    def guarded(address, *args, **kwargs):
        tried.append(address[0])
        if not ipaddress.ip_address(address[0]).is_loopback:
            pytest.fail(f"a connection to {address[0]} was attempted")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return tried


# -- which addresses are public ---------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "expected"), [
    ("169.254.169.254", "link-local"), ("169.254.1.1", "link-local"), ("fe80::1", "link-local"),
    ("10.0.0.5", "private"), ("10.255.255.255", "private"), ("172.16.0.1", "private"), ("172.31.9.9", "private"),
    ("192.168.1.1", "private"), ("100.64.0.1", "private"), ("fd00::1", "private"), ("fd12:3456::1", "private"),
    ("fc00::1", "private"), ("fec0::1", "private"),
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"), ("0.1.2.3", "reserved"), ("192.0.2.1", "reserved"),
    ("198.18.0.1", "reserved"), ("2001:db8::1", "reserved"), ("::7f00:1", "reserved"),
    # IPv4 inside IPv6 is judged as the IPv4 address it reaches
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "link-local"), ("::ffff:10.0.0.1", "private"),
    ("2002:7f00:1::", "loopback"), ("2002:a9fe:a9fe::1", "link-local"), ("64:ff9b::a9fe:a9fe", "link-local"),
    ("64:ff9b::7f00:1", "loopback"), ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"),  # Teredo → 192.0.2.45
    # public
    ("93.184.216.34", None), ("8.8.8.8", None), ("1.1.1.1", None), ("2606:4700:4700::1111", None),
    ("::ffff:8.8.8.8", None), ("2002:0808:0808::1", None), ("64:ff9b::808:808", None),
])
def test_kind_of_address(address, expected):
    assert kind(ip(address)) == expected


def test_default_policy_refuses_every_non_public_address_and_says_how_to_allow_it():
    policy = AddressPolicy()
    assert policy.refusal("example.com", [ip("93.184.216.34")]) is None
    why = policy.refusal("10.0.0.5", [ip("10.0.0.5")])
    assert why == ("10.0.0.5 is a private address: not fetched (--allow-private, or allow-private-hosts in the "
                   "config, allows it)")
    why = policy.refusal("metadata.test", [ip("169.254.169.254")])
    assert why.startswith("metadata.test (169.254.169.254) is a link-local address (the cloud metadata service")
    assert "only an allow-private-hosts entry" in why
    for address in ("127.0.0.2", "::1", "::ffff:127.0.0.1", "fd00::1", "224.0.0.1", "0.0.0.0", "240.0.0.1"):
        assert policy.refusal(address, [ip(address)]) is not None, address


def test_one_private_answer_refuses_the_name():
    assert AddressPolicy().refusal("mixed.test", [ip("93.184.216.34"), ip("10.0.0.1")]) is not None


def test_allow_private_allows_loopback_and_private_but_not_link_local():
    policy = AddressPolicy(allow_private=True)
    for address in ("10.1.2.3", "192.168.0.1", "127.0.0.2", "fd00::1", "::ffff:10.0.0.1", "100.64.1.1"):
        assert policy.refusal(address, [ip(address)]) is None, address
    for address in ("169.254.169.254", "fe80::1", "::ffff:169.254.169.254", "224.0.0.1", "0.0.0.0"):
        assert policy.refusal(address, [ip(address)]) is not None, address


def test_allow_private_hosts_entries():
    policy = AddressPolicy.from_entries(["10.0.0.0/8", "169.254.169.254", "fd00::/8", "intranet.example",
                                         "*.corp.example"])
    assert policy.refusal("a", [ip("10.9.9.9")]) is None
    assert policy.refusal("a", [ip("::ffff:10.9.9.9")]) is None  # the mapped form of an allowed address
    assert policy.refusal("a", [ip("192.168.0.1")]) is not None
    assert policy.refusal("a", [ip("169.254.169.254")]) is None
    assert policy.refusal("a", [ip("169.254.169.253")]) is not None
    assert policy.refusal("a", [ip("fd12::1")]) is None
    assert policy.refusal("intranet.example", [ip("192.168.0.1")]) is None  # a named host: whatever it resolves to
    assert policy.refusal("INTRANET.example.", [ip("192.168.0.1")]) is None
    assert policy.refusal("wiki.corp.example", [ip("10.0.0.1"), ip("172.16.0.1")]) is None
    assert policy.refusal("corp.example.evil", [ip("172.16.0.1")]) is not None


def test_the_test_suite_guard_refuses_public_addresses_too():
    policy = AddressPolicy(allow_private=True, loopback_only=True)
    assert "outside 127.0.0.0/8" in policy.refusal("example.com", [ip("93.184.216.34")])
    assert policy.refusal("127.0.0.3", [ip("127.0.0.3")]) is None


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("[::1]", True), ("::ffff:127.0.0.1", True), ("localhost", True),
    ("wp.localhost", True), ("LOCALHOST.", True), ("10.0.0.1", False), ("localhost.example.com", False),
    ("example.com", False)])
def test_loopback_host_by_its_text(host, loopback):
    assert is_loopback_host(host) is loopback


# -- connections go to the address that was checked ----------------------------------------------------

class StubResolver:
    """Answers from a table, in turn when a name has several answers (a rebinding DNS server); counts calls."""

    def __init__(self, table: dict[str, list[list[str]]]):
        self.table = table
        self.calls: list[str] = []

    def __call__(self, host: str, port: int):
        self.calls.append(host)
        answers = self.table[host]
        return [ip(a) for a in answers[min(len(self.calls_for(host)) - 1, len(answers) - 1)]]

    def calls_for(self, host: str) -> list[str]:
        return [h for h in self.calls if h == host]


def fetcher(resolver, policy=None, **options) -> Fetcher:
    return Fetcher(FetchOptions(policy=policy or AddressPolicy(), resolver=resolver, retries=0, **options))


def test_names_are_judged_by_their_dns_answers(no_traffic_outside_loopback):
    resolver = StubResolver({"admin.corp.test": [["10.0.0.5"]], "metadata.test": [["169.254.169.254"]],
                             "sneaky.test": [["::ffff:127.0.0.1"]]})
    client = fetcher(resolver)
    for name, expected in (("admin.corp.test", "10.0.0.5) is a private address"),
                           ("metadata.test", "169.254.169.254) is a link-local address"),
                           ("sneaky.test", "::ffff:127.0.0.1) is a loopback address")):
        answer = client.get(f"http://{name}/latest/meta-data/")
        assert answer.status is None and expected in answer.error, answer.error
    assert no_traffic_outside_loopback == []  # refused before any connection


def test_connection_goes_to_the_checked_address_not_to_a_second_dns_answer(monkeypatch, no_traffic_outside_loopback):
    with LiveServer("127.0.0.1") as good, LiveServer("127.0.0.2") as internal:
        good.add("/", body=page("Good"))
        internal.add("/", body=page("INTERNAL"))
        # The first answer is allowed; every later one is an internal address (DNS rebinding).
        resolver = StubResolver({"rebind.test": [["127.0.0.1"], ["127.0.0.2"]]})
        system = socket.getaddrinfo

        def numeric_only(host, *args, **kwargs):  # the name itself must never be resolved by anyone else
            assert ipaddress.ip_address(host), host
            return system(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", numeric_only)
        client = fetcher(resolver, AddressPolicy.from_entries(["127.0.0.1"]))
        first = client.get(f"http://rebind.test:{good.port}/")
        assert first.status == 200 and b"Good" in first.body
        assert good.seen[0].headers["host"] == f"rebind.test:{good.port}"  # the URL's Host, the checked address
        client.close()
        client = fetcher(resolver, AddressPolicy.from_entries(["127.0.0.1"]))  # a new connection: a new lookup
        second = client.get(f"http://rebind.test:{internal.port}/")
        assert "rebind.test (127.0.0.2) is a loopback address: not fetched" in second.error
        assert internal.seen == []
        assert resolver.calls_for("rebind.test") == ["rebind.test", "rebind.test"]  # one lookup per connection
        assert set(no_traffic_outside_loopback) == {"127.0.0.1"}


def test_a_named_host_is_trusted_whatever_it_resolves_to():
    with LiveServer("127.0.0.1") as site:
        site.add("/", body=page("Local WordPress"))
        policy = AddressPolicy()
        policy.allow("wp.local.test")
        answer = fetcher(StubResolver({"wp.local.test": [["127.0.0.1"]]}), policy).get(
            f"http://wp.local.test:{site.port}/")
        assert answer.status == 200


def test_only_http_and_https_are_fetched():
    client = fetcher(StubResolver({}))
    for url in ("file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/x"):
        assert "only http and https" in client.get(url).error


def test_a_slow_dns_answer_costs_at_most_the_deadline():
    import time

    def slow(host, port):
        time.sleep(30)
        return [ip("127.0.0.1")]

    policy = AddressPolicy()
    policy.allow("slow.test")
    start = time.monotonic()
    answer = fetcher(slow, policy, timeout=0.5).get("http://slow.test/")
    assert "timed out" in answer.error and "0.5 s --timeout" in answer.error
    assert time.monotonic() - start < 10  # not the 30 s of the lookup


# -- deadlines -------------------------------------------------------------------------------------------

def test_the_first_limit_to_run_out_is_the_one_named():
    run = Deadline(100, "run")
    url = run.child(10, "url")
    request = url.child(20, "request")  # longer than its URL's: the URL's deadline is what bounds it
    assert request.reason() == "url"
    assert 9 < request.remaining() <= 10
    assert Deadline(5, "run").child(5, "url").reason() == "run"  # a tie: the outer limit
    assert Deadline(None, "run").child(None, "url").remaining() == float("inf")
    url.postpone(50)
    assert request.reason() == "request"


# -- bodies: decoded bytes count against the cap as they stream ---------------------------------------

def pieces(data: bytes, size: int = 64 * 1024):
    return (data[i:i + size] for i in range(0, len(data), size))


def test_a_gzip_bomb_holds_at_most_the_cap():
    bomb = gzip_bomb(256)  # 256 MiB of spaces in about 260 KB
    cap = 2 * 1024 * 1024
    tracemalloc.start()
    try:
        data, truncated = body.read_capped(body.decoded(pieces(bomb), "gzip"), cap)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert truncated and len(data) == cap and set(data) == {ord(" ")}
    assert peak < 3 * cap + len(bomb), peak  # the kept bytes, their join, one piece: never the 256 MiB
    assert body.read_capped(body.decoded(pieces(bomb), "gzip"), cap, keep_head=False) == (b"", True)


def test_every_decoded_piece_is_small():
    sizes = [len(p) for p in body.decoded(pieces(gzip_bomb(64), 1024 * 1024), "gzip")]
    assert max(sizes) <= body.PIECE and sum(sizes) == 64 * 1024 * 1024


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "deflate-raw", "gzip, gzip", "identity", ""])
def test_encodings(encoding):
    text = page("Encoded").replace(b"Text.", b"Text. " * 2000)
    data = text
    layers = [e.strip() for e in encoding.split(",") if e.strip()]
    for layer in layers:
        if layer in ("gzip", "x-gzip"):
            data = gzip.compress(data)
        elif layer == "deflate":
            data = zlib.compress(data)
        elif layer == "deflate-raw":
            packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
            data = packer.compress(data) + packer.flush()
    header = encoding.replace("deflate-raw", "deflate")
    assert body.read_capped(body.decoded(pieces(data, 7), header), 10**7) == (text, False)


def test_gzip_members_and_trailing_bytes():
    text = b"<p>one</p>" * 1000
    assert b"".join(body.decoded(pieces(gzip.compress(text) + gzip.compress(text)), "gzip")) == text * 2
    assert b"".join(body.decoded(pieces(gzip.compress(text) + b"\0junk"), "gzip")) == text  # as browsers


@pytest.mark.parametrize(("data", "encoding", "message"), [
    (b"not gzip at all", "gzip", "corrupt"), (b"abc", "br", "Content-Encoding 'br', which was not asked for"),
    (b"abc", "zstd", "'zstd'")])
def test_bodies_that_cannot_be_decoded(data, encoding, message):
    with pytest.raises(body.BodyError, match=message):
        b"".join(body.decoded([data], encoding))
