"""What the url rules share: the site's own hosts, how a finding lists URLs, and hreflang alternates. Every URL
the metadata declares, and what each is for, is seoaudit.derive.declared_urls.
"""

from __future__ import annotations

import fnmatch

from seoaudit import urls
from seoaudit.derive.declared_urls import MetaUrl

# -- hosts ------------------------------------------------------------------------------------------------------


def bare(host: str) -> str:
    return host.removeprefix("www.")


def site_host(page) -> str | None:
    origin = page.site_origin
    parsed = urls.parse(origin + "/") if origin else None
    return parsed.host if parsed else None


def configured_host(page) -> str | None:
    parsed = urls.parse(page.site_url) if page.site_url else None
    return parsed.host if parsed else None


def allowed(page, url: urls.Url) -> bool:
    """The host is one the configuration names: `site_url`, or an `allowed-hosts` entry (a host, `host:port`
    or a glob such as `*.cdn.example.com`)."""
    configured = configured_host(page)
    if configured is not None and bare(url.host) == bare(configured):
        return True
    patterns = page.allowed_hosts
    if not patterns:
        return False  # the common case, asked for every URL of the page: no set to build
    names = {url.host, f"{url.host}:{url.port}" if url.port else url.host}
    return any(fnmatch.fnmatchcase(name, pattern.lower()) for pattern in patterns for name in names)


def host_label(url: urls.Url) -> str:
    return f"{url.host}:{url.port}" if url.port else url.host


def listing(items: list[MetaUrl], limit: int = 4) -> str:
    """'og:url, schema WebPage @id and 3 more': the fields a finding is about, without repeats."""
    labels = list(dict.fromkeys(item.label for item in items))
    shown = ", ".join(labels[:limit])
    return shown + (f" and {len(labels) - limit} more" if len(labels) > limit else "")


# -- hreflang -----------------------------------------------------------------------------------------------------

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/json", "application/feed+json")


def hreflang_links(view) -> list:
    """The view's hreflang alternates as search engines read them: in <head>, not feeds (a `type` other than
    HTML), with a `hreflang` attribute."""
    found = []
    for field in view.hreflang:
        attrs = field.attrs or {}
        kind = (attrs.get("type") or "").strip().lower()
        if field.in_head and (not kind or "html" in kind) and kind not in FEED_TYPES:
            found.append(field)
    return found


def hreflang_views(page):
    """The views that declare hreflang alternates (only HTML heads carry them), with their alternates."""
    for view in page.ranked_views:
        links = hreflang_links(view)
        if links:
            yield view, links


def hreflang_of(field) -> str:
    return ((field.attrs or {}).get("hreflang") or "").strip()
