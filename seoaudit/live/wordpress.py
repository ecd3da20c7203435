"""WordPress over REST: recognise REST URLs, enumerate a site's posts and pages (`per_page`, `X-WP-TotalPages`,
`_embed`, `context=edit` with an application password from the environment), explain REST errors."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

USER_ENV = "SEOAUDIT_WP_USER"
PASSWORD_ENV = "SEOAUDIT_WP_APP_PASSWORD"
MAX_PAGES = 1000  # a hard stop on pagination, whatever X-WP-TotalPages says
EMBED = "author,wp:featuredmedia"


def credentials_from_env() -> tuple[str, str] | None:
    """(user, application password) from SEOAUDIT_WP_USER / SEOAUDIT_WP_APP_PASSWORD, never the command line."""
    user, password = os.environ.get(USER_ENV, "").strip(), os.environ.get(PASSWORD_ENV, "").strip()
    return (user, password) if user and password else None


def plain_http_refusal(site_origin: str) -> str | None:
    """Why credentials may not go to `site_origin` as it is: plain http to a host that is not loopback (anyone
    on the path reads a Basic password), or None."""
    from .policy import is_loopback_host

    parts = urlsplit(site_origin)
    if parts.scheme == "http" and not is_loopback_host(parts.hostname or ""):
        return (f"the application password in {PASSWORD_ENV} would go over plain http to {parts.hostname}, where "
                "anyone on the way can read it")
    return None


def is_rest_url(url: str) -> bool:
    parts = urlsplit(url)
    return "/wp-json/" in parts.path + "/" or any(k == "rest_route" for k, _ in parse_qsl(parts.query))


@dataclass
class Listing:
    """What to enumerate on a site."""

    base: str  # the site URL as given (a WordPress in a folder keeps its folder)
    types: tuple[str, ...] = ("posts", "pages")
    statuses: tuple[str, ...] = ()
    since: str | None = None  # ISO 8601 date: modified after
    limit: int | None = None
    per_page: int = 100
    edit: bool = False  # context=edit (needs credentials)
    pretty: bool = True  # /wp-json/…; False: /?rest_route=…


def collection_url(listing: Listing, rest_type: str, page: int) -> str:
    params: list[tuple[str, str]] = [("per_page", str(listing.per_page)), ("page", str(page)), ("_embed", EMBED),
                                     ("orderby", "id"), ("order", "asc")]
    statuses = listing.statuses or (("publish", "future", "draft", "pending", "private") if listing.edit else ())
    if statuses:
        params.append(("status", ",".join(statuses)))
    if listing.edit:
        params.append(("context", "edit"))
    if listing.since:
        params.append(("modified_after", _iso(listing.since)))
    base = listing.base.rstrip("/")
    if listing.pretty:
        return f"{base}/wp-json/wp/v2/{rest_type}?{urlencode(params)}"
    parts = urlsplit(base + "/")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode([("rest_route", f"/wp/v2/{rest_type}"),
                                                                           *params]), ""))


def _iso(since: str) -> str:
    return since if "T" in since else since + "T00:00:00"


def total_pages(headers_value: str | None) -> int | None:
    if headers_value and headers_value.strip().isdecimal():
        return int(headers_value.strip())
    return None


def rest_error(body: bytes | None) -> tuple[str, str] | None:
    """(code, message) of a WordPress REST error body, else None."""
    try:
        value = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        return value["code"], " ".join(str(value.get("message", "")).split())
    return None


def explain_status(status: int, body: bytes | None, url: str, authenticated: bool) -> str:
    """A one-line reason for a REST request that failed (never the credentials)."""
    error = rest_error(body)
    said = f" ({error[0]}: {error[1]})" if error else ""
    anonymous_refusal = status == 401 or (status == 400 and error is not None and error[0] == "rest_invalid_param"
                                          and "status" in error[1])
    if anonymous_refusal:
        if authenticated:
            return (f"WordPress answered {status}{said}, as it does for anonymous requests: the application password "
                    f"in {PASSWORD_ENV} is wrong or revoked, or {USER_ENV} does not name its user (WordPress 6.1 "
                    "answers 401 without saying which)")
        if credentials_from_env() is not None:
            return (f"WordPress answered {status}{said}: this needs the credentials in {USER_ENV} and "
                    f"{PASSWORD_ENV}, which go only to the site named with --wp-origin (check) or to `site URL`")
        return (f"WordPress answered {status}{said}: this needs credentials: set {USER_ENV} and {PASSWORD_ENV} "
                "(an application password) in the environment")
    if status == 403:
        return f"WordPress answered 403{said}: the user may not read these items"
    if status == 404 and not error:
        return f"no WordPress REST API at {url} (HTTP 404)"
    return f"WordPress REST error, HTTP {status}{said}"
