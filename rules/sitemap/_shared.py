"""Helpers shared by the sitemap rules."""

from __future__ import annotations

import datetime
import re
from typing import Any

from seoaudit import urls
from seoaudit.batch import Occurrence
from seoaudit.derive import derived
from seoaudit.model import Location, Violation

SHOWN = 3  # offending entries a message names; the finding's value lists up to ten


def entries(file) -> tuple:
    """The entries of a sitemap file (`page.sitemap`); () when it did not parse."""
    return file.sitemap.entries if file.sitemap is not None else ()


def offenders(page, bad: list, what: str, fault: str, named: list[str], values: list[str], expected: str,
              fix: str) -> Violation:
    """One finding for all the offending entries of a sitemap (one root cause: its generator): counted, the
    first few named, located at the first."""
    shown = ", ".join(named[:SHOWN]) + (f" and {len(named) - SHOWN} more" if len(named) > SHOWN else "")
    count = len(bad)
    return Violation(f"{count:,} {what}{'' if count == 1 else 's'} of {page.document.source} "
                     f"{'is' if count == 1 else 'are'} {fault}: {shown}", Location(line=bad[0].line),
                     value=values[:10], expected=expected, fix=fix)


# -- what the rules across documents compare: the URLs sitemaps list, and the URLs pages go by --------------


def url_key(raw: str | None):
    """The URL as a search engine identifies it (host case, default port and fragment aside), or None."""
    parsed = urls.parse(raw) if raw else None
    return parsed.key if parsed is not None else None


def listed_entries(page) -> dict:
    """A `<urlset>` sitemap document's pages: URL key → its first `<url>` entry (loc, line)."""
    file = page.sitemap
    found: dict = {}
    if file is not None and file.sitemap is not None and file.sitemap.kind == "urlset":
        for entry in file.sitemap.entries:
            if (key := url_key(entry.loc)) is not None:
                found.setdefault(key, entry)
    return found


def listed_occurrences(page) -> dict:
    """What a sitemap gives the rules that match its URLs with pages: URL key → Occurrence ("listed")."""
    return {key: Occurrence(entry.loc, Location(line=entry.line), extra=("listed",))
            for key, entry in listed_entries(page).items()}


@derived  # asked by four sitemap rules for every page
def page_urls(page) -> tuple[dict, Any]:
    """A published page's own URLs (WordPress `link`, `og:url`; key → raw) and its canonical Field, else ({}, None)."""
    view = page.primary
    if view is None or page.sitemap is not None or not page.is_published or page.is_placeholder:
        return {}, None
    own = {}
    for field in (page.link, view.first("og:url")):
        if field is not None and (key := url_key(field.value)) is not None:
            own.setdefault(key, field.value)
    canonical = page.canonical if page.canonical is not None and url_key(page.canonical.value) else None
    return own, canonical


# YYYY | YYYY-MM | YYYY-MM-DD | YYYY-MM-DDThh:mm[:ss[.s+]]TZD, TZD = Z | ±hh:mm (W3C NOTE-datetime)
_W3C = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?\Z")


def is_w3c_datetime(text: str) -> bool:
    match = _W3C.match(text)
    if match is None:
        return False
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        datetime.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                          int(second or 0))
    except ValueError:
        return False
    return zone is None or zone == "Z" or (int(zone[1:3]) <= 14 and int(zone[4:]) < 60)
