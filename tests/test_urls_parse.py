"""urls.parse reads the usual URL shape with a regex: it must agree with the urlsplit path it skips."""

from urllib.parse import urlsplit

import pytest

from seoaudit import urls


@pytest.mark.parametrize("raw", [
    "https://a.com", "https://A.COM./x?q=1#f", "http://a.com#a?b", "https://a.com?x#y", "https://a.com/#",
    "https://a.com/?", "http://./", "https://...", "https://a.com/\x01", "https://a.com/%20/Ünï", "https://-a-/",
])
def test_fast_path_agrees_with_urlsplit(raw):
    parts = urlsplit(raw)
    parsed = urls.parse(raw)
    assert (parsed.scheme, parsed.host, parsed.port, parsed.path, parsed.query, parsed.fragment) == (
        parts.scheme, parts.hostname.rstrip("."), None, parts.path, parts.query, parts.fragment)


@pytest.mark.parametrize("raw", ["https://a.com:8080/", "https://u@a.com/", "HTTPS://a.com/", "https://[::1]/",
                                 "https://xn--bcher-kva.de/", "https://bücher.de/"])
def test_other_shapes_take_urlsplit(raw):
    assert urls.parse(raw) is not None  # still parsed, by urlsplit (port, user, case, IPv6, IDNA)


@pytest.mark.parametrize("raw", ["https://", "https:///x", "https://a.com:/x x", "ftp://a.com/", "//a.com/"])
def test_rejected(raw):
    assert urls.parse(raw) is None


def test_keys_of_one_host_with_and_without_a_port_sort():
    keys = [urls.parse(raw).key for raw in ("https://a.com:8443/x", "https://a.com/x", "https://a.com:443/y")]
    assert sorted(keys) == [urls.parse("https://a.com/x").key, urls.parse("https://a.com/y").key, keys[0]]
