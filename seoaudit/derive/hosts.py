"""Whether a host looks like a development, staging or local machine (robots/noindex, url/dev-host)."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from seoaudit import urls

# RFC 2606 / RFC 6761 special-use names, ICANN's private-use `.internal`, and what routers and mDNS use.
RESERVED_TLDS = frozenset({"localhost", "local", "test", "example", "invalid", "internal", "lan", "localdomain",
                           "intranet", "corp", "home"})
# A subdomain label that names a non-production copy of a site (wordpress-ecosystem.md §5 check 5).
# (`local.` is left out: local-news sections use it.)
DEV_SUBDOMAINS = frozenset({"dev", "develop", "development", "staging", "stage", "stg", "test", "testing", "uat",
                            "qa", "preprod", "pre-prod", "sandbox", "localhost", "wp"})
# The same words as part of a label, such as `dev-acme.com` or `acme-staging.example.com`.
DEV_AFFIXES = ("dev", "staging", "stg", "preprod", "uat")
# Tunnels and local-development domains that never serve a production site.
DEV_SUFFIXES = ("ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "trycloudflare.com", "loca.lt",
                "localtest.me", "lndo.site", "ddev.site", "wpcomstaging.com", "nip.io", "sslip.io")


def dev_host_reasons(url: urls.Url) -> list[str]:
    """Why `url`'s host looks like a development, staging or local machine (empty when it does not)."""
    reasons = list(_host_reasons(url.host))
    if url.port is not None:
        reasons.append(f"the non-default port {url.port}")
    return reasons


@lru_cache(maxsize=4096)
def _host_reasons(host: str) -> tuple[str, ...]:
    host = host.strip("[]")
    reasons = []
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        reasons.append("a loopback address" if address.is_loopback else
                       "a private IP address" if address.is_private else "an IP address")
    else:
        labels = host.split(".")
        if host == "localhost" or labels[-1] in RESERVED_TLDS or host.endswith(".home.arpa"):
            reasons.append(f"the reserved top-level name .{labels[-1]}" if host != "localhost" else "localhost")
        elif any(host == s or host.endswith("." + s) for s in DEV_SUFFIXES):
            reasons.append("a tunnel or local-development domain")
        else:
            sub = next((label for label in labels[:-2] if label in DEV_SUBDOMAINS), None)
            affix = next((label for label in labels[:-1] for word in DEV_AFFIXES
                          if label.startswith(word + "-") or label.endswith("-" + word)), None)
            if sub is not None:
                reasons.append(f"the {sub}. subdomain")
            elif affix is not None:
                reasons.append(f"the label {affix!r}")
    return tuple(reasons)
