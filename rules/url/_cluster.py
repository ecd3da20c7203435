"""The hreflang clusters of a run, as the rules across documents see them (hreflang-no-return,
hreflang-to-excluded, hreflang-code-mismatch).

Every published document with an address of its own (canonical/_graph.own_urls: the WordPress `link`, else
`og:url`, the URL live mode was served it at; else its canonical, which a saved page goes by) files, under the
page key of a URL (scheme, `www.` and a trailing slash aside):

- at each hreflang alternate that is not itself, a *lister* member: ("lists", its language code, its own keys);
- at each of its own URLs, when the rule asks for it, an *owner* member: ("is", state, the page keys it lists as
  alternates or (), the code it gives itself or ""), state "indexable", "noindex" or "elsewhere" (value: the
  canonical it names instead).
"""

from __future__ import annotations

from collections.abc import Iterable

from seoaudit.batch import Member, Occurrence
from seoaudit.derive.canonical_graph import first_of, own_urls, page_key
from seoaudit.model import Location

from ._shared import hreflang_of, hreflang_views

SHOWN = 3


def addresses(page) -> dict[str, str]:
    """The page's own addresses (page key → URL), its canonical for a page that has no other."""
    own = own_urls(page)
    if own or page.sitemap is not None or not page.is_published or page.canonical is None:
        return own
    key = page_key(page.canonical.value)
    return {key: page.canonical.value} if key is not None else {}


def alternates(page) -> list:
    """The hreflang alternates of the first view that declares any (the primary one first)."""
    view, links = next(hreflang_views(page), (None, []))
    return [(view, field) for field in links]


ALL = ("indexable", "noindex", "elsewhere")


def cluster_members(page, owners: Iterable[str] = (), alternate_keys: bool = False) -> dict[str, Occurrence] | None:
    """The page's lister members, and its owner members when its state is one of `owners`; `alternate_keys`:
    owners carry the keys of the alternates they list (what return links are checked against)."""
    own = addresses(page)
    if not own:
        return None
    links = alternates(page)
    keys = tuple(sorted(own))
    found: dict[str, Occurrence] = {}
    self_code = ""
    listed: set[str] = set()
    for view, field in links:
        key, code = page_key(field.value), hreflang_of(field).lower()
        if key is None:
            continue
        listed.add(key)
        if key in own:
            self_code = self_code or ("" if code == "x-default" else code)
        else:
            found.setdefault(key, Occurrence(field.value, field.location, view.name, ("lists", code, keys)))
    state, value = _state(page, own)
    if state in owners:
        extra = ("is", state, tuple(sorted(listed)) if alternate_keys else (), self_code)
        for key, raw in own.items():
            found.setdefault(key, Occurrence(value or raw, Location(), None, extra))
    return found or None


def _state(page, own: dict) -> tuple[str, str | None]:
    if not page.is_indexable:
        return "noindex", None
    canonical = page.canonical
    target = page_key(canonical.value) if canonical is not None else None
    if target is not None and target not in own:
        return "elsewhere", canonical.value
    return "indexable", None


def listers(members: Iterable[Member]) -> list[Member]:
    """The pages that list the group's URL as an alternate, one reading per page, by name."""
    pages: dict[tuple, Member] = {}
    for member in members:
        if member.extra[0] == "lists":
            kept = pages.get(member.extra[2])
            pages[member.extra[2]] = member if kept is None else first_of([kept, member])
    return sorted(pages.values(), key=lambda m: (m.document.display_source, m.key))


def owner(members: Iterable[Member]) -> Member | None:
    """The page at the group's URL (its first reading by name)."""
    found = [m for m in members if m.extra[0] == "is"]
    return first_of(found) if found else None


def named(members: list[Member]) -> str:
    shown = ", ".join(m.document.display_source for m in members[:SHOWN])
    return shown + (f" and {len(members) - SHOWN} more" if len(members) > SHOWN else "")
