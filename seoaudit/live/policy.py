"""Which addresses a live run may connect to: public ones, unless the user allows more.

Auditing an untrusted page or sitemap must not make seoaudit fetch what it names inside the network it runs
in (server-side request forgery): cloud metadata (169.254.169.254), an admin panel on 10.0.0.5, a service on
another loopback address. So every connection is checked on the **address it goes to** (the DNS answers, not
the host text; `connect.py` then connects to that very address, so a second DNS answer cannot slip through).

Refused by default: loopback, private (RFC 1918, IPv6 unique local, carrier-grade NAT), link-local (cloud
metadata), multicast, unspecified, reserved and the other special-purpose ranges, in IPv4 and IPv6, with
IPv4 addresses embedded in IPv6 (`::ffff:127.0.0.1`, 6to4, Teredo, NAT64) judged as the IPv4 address.

Allowed on top: the hosts the user named (the URLs on the command line, the `site` URL), the entries of
`allow-private-hosts` (a host name, `*.suffix`, an address or a network), and with `--allow-private` every
loopback and private address. Link-local (the cloud metadata service) is never allowed by `--allow-private`:
only an `allow-private-hosts` entry that names it does. A host the user named is never checked: they asked
for it (`http://0.0.0.0:8000/`, `http://intranet/`).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: Python <3.13 calls it neither private nor global
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: the last 32 bits are an IPv4 address
_PRIVATE_KINDS = frozenset({"loopback", "private"})  # what --allow-private allows


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and reaches: mapped, 6to4, Teredo (client) or NAT64."""
    if address.version == 4:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def kind(address: IPAddress) -> str | None:
    """Why an address is not a public one (`loopback`, `private`, `link-local`, `multicast`, `unspecified`,
    `reserved`), or None for a public address."""
    inner = embedded_ipv4(address)
    if inner is not None:
        return kind(inner)
    if address.is_unspecified:
        return "unspecified"
    if address.is_multicast:
        return "multicast"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.version == 4 and address in _SHARED:
        return "private"
    if address.version == 6 and address.is_site_local:
        return "private"
    if address.is_private:
        # 10/8, 172.16/12, 192.168/16, fc00::/7, and the documentation, benchmarking and reserved ranges
        # Python files under "private" too: tell the two apart, since only the first are a network's own.
        return "private" if any(address in net for net in _RFC1918_ULA) else "reserved"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


_RFC1918_ULA = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))

DESCRIBE = {
    "loopback": "a loopback address",
    "private": "a private address",
    "link-local": "a link-local address (the cloud metadata service lives there)",
    "multicast": "a multicast address",
    "unspecified": "the unspecified address",
    "reserved": "a reserved or special-purpose address",
}


@dataclass
class AddressPolicy:
    """What a run may connect to. `hosts`: host names the user named or allowed (lowercase; `*.suffix`
    matches below the suffix); `networks`: addresses and networks from `allow-private-hosts`."""

    allow_private: bool = False
    hosts: set[str] = field(default_factory=set)
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = field(default_factory=list)
    loopback_only: bool = False  # the test suite's guard, on top of the policy: nothing beyond 127.0.0.0/8

    @classmethod
    def from_entries(cls, entries, allow_private: bool = False) -> AddressPolicy:
        """From `allow-private-hosts` entries: host names, `*.suffix`, addresses or networks (CIDR)."""
        policy = cls(allow_private=allow_private)
        for entry in entries:
            policy.allow(entry)
        return policy

    def allow(self, entry: str) -> None:
        text = entry.strip().lower().strip("[]")
        try:
            self.networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            self.hosts.add(text.rstrip("."))

    def names(self, host: str) -> bool:
        """The host text is one the user named or allowed (its addresses are then not checked)."""
        host = host.lower().strip("[]").rstrip(".")
        return host in self.hosts or any(h.startswith("*.") and host.endswith(h[1:]) for h in self.hosts)

    def refusal(self, host: str, addresses: list[IPAddress]) -> str | None:
        """Why `host` (resolved to `addresses`) may not be connected to, or None. One refused answer refuses
        the host: a name that resolves to a public and a private address is not a public host."""
        if self.loopback_only:
            outside = [a for a in addresses if not (embedded_ipv4(a) or a).is_loopback]
            if outside:
                return f"{_shown(host, outside[0])} is outside 127.0.0.0/8 (SEOAUDIT_LOOPBACK_ONLY)"
        if self.names(host):
            return None
        for address in addresses:
            why = kind(address)
            if why is None or (self.allow_private and why in _PRIVATE_KINDS):
                continue
            if any((embedded_ipv4(address) or address) in net or address in net for net in self.networks):
                continue
            hint = ("--allow-private, or allow-private-hosts in the config, allows it" if why in _PRIVATE_KINDS
                    else "only an allow-private-hosts entry in the config allows it")
            return f"{_shown(host, address)} is {DESCRIBE[why]}: not fetched ({hint})"
        return None


def _shown(host: str, address: IPAddress) -> str:
    text = f"::ffff:{address.ipv4_mapped}" if address.version == 6 and address.ipv4_mapped else str(address)
    return text if parse_address(host) == address else f"{host} ({text})"


def parse_address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_loopback_host(host: str) -> bool:
    """Loopback by its text alone: 127.0.0.0/8, ::1 (mapped too), `localhost` and names below it (RFC 6761)."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address = parse_address(host)
    return address is not None and (embedded_ipv4(address) or address).is_loopback
