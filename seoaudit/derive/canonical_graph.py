"""The canonical graph of a run, as the rules that walk it across documents see it (chain, loop, target-excluded,
shared-target).

Every published document with an address of its own (the WordPress `link`, else `og:url`; the URL live mode
was served it at)
files, under the page key of each URL (urls.same_page: scheme, `www.` and a trailing slash aside, as
`Page.cross_document_key` compares them):

- where its canonical names another page, a *pointer* member at the canonical's page key
  (extra: ("points", its own page keys, fetched), fetched: live mode already fetched the target, whose own
  rules judge it);
- at each of its own URLs, when the rule asks for it, an *owner* member saying what the page at that URL is
  (extra: ("is", state, detail)): "noindex", "redirected" (detail: where to), "elsewhere" (detail: the page key
  its canonical names; value: that canonical).

A group (one URL) then holds who points at it and what it is: one hop of the graph, enough for chains,
two-page loops, canonicals to excluded pages and canonicals several pages share; the state of a document is a
few short strings per rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from seoaudit import urls
from seoaudit.batch import Member, Occurrence
from seoaudit.derive import derived
from seoaudit.model import Location
from seoaudit.wire import page_response, wire_of

STATES = ("redirected", "noindex", "elsewhere")  # what an owner is, the most telling first


def page_key(raw: str | None) -> str | None:
    """A URL as one page (urls.same_page): host without `www.`, path without a trailing slash, query."""
    url = urls.parse(raw) if raw else None
    if url is None:
        return None
    return url.host.removeprefix("www.") + (f":{url.port}" if url.port else "") + url.path.rstrip("/") + \
        (f"?{url.query}" if url.query else "")


@derived  # asked by six rules across documents for every page
def own_urls(page) -> dict[str, str]:
    """The page's own addresses (page key → URL as written): its WordPress `link`, else its `og:url` (Yoast
    writes the canonical into og:url, so beside a `link` it says nothing of the page's address), and the URL
    live mode was served it at."""
    view = page.primary
    if view is None or page.sitemap is not None or not page.is_published or page.is_placeholder:
        return {}
    og_url = view.first("og:url")
    named = page.link.value if page.link is not None else og_url.value if og_url is not None else None
    response = page_response(page)
    found: dict[str, str] = {}
    for raw in (named, response.final_url if response is not None else None):
        if (key := page_key(raw)) is not None:
            found.setdefault(key, raw)
    return found


def graph_members(page, owners: Iterable[str] = ()) -> dict[str, Occurrence] | None:
    """The page's pointer member (an indexable page whose canonical names another), and its owner members in
    the `owners` states."""
    own = own_urls(page)
    if not own:
        return None
    canonical = page.canonical
    target = page_key(canonical.value) if canonical is not None else None
    found: dict[str, Occurrence] = {}
    if target is not None and target not in own and page.is_indexable:  # a noindex page's canonical is moot
        wire = wire_of(page)
        fetched = wire is not None and wire.canonical is not None
        found[target] = Occurrence(canonical.value, canonical.location, page.primary.name,
                                   ("points", tuple(sorted(own)), fetched))
    state = _state(page, target, own)
    if state is not None and state[0] in owners:
        for key, raw in own.items():
            found.setdefault(key, Occurrence(state[2] or raw, Location(), None, ("is", state[0], state[1])))
    if "redirected" in owners:
        for key, (raw, final) in _redirected(page).items():
            found.setdefault(key, Occurrence(raw, Location(), None, ("is", "redirected", final)))
    return found or None


def _state(page, target: str | None, own: dict) -> tuple[str, str, str | None] | None:
    if not page.is_indexable:
        return "noindex", "", None
    if target is not None and target not in own:
        return "elsewhere", target, page.canonical.value
    return None


def redirected_from(page) -> list[tuple[str, int, str]]:
    """The redirects on the way to the page, as live mode or a crawl archive recorded them: (URL, status, final
    URL) of each hop, in order; [] offline."""
    response = page_response(page)
    if response is None or not response.final_url:
        return []
    return [(hop.url, hop.status, response.final_url) for hop in response.redirects]


def _redirected(page) -> dict[str, tuple[str, str]]:
    """The URLs the page was redirected from, as other pages than itself (page key → (URL, final URL))."""
    return {key: (url, final) for url, _, final in redirected_from(page)
            if (key := page_key(url)) is not None and key != page_key(final)}


# -- reading a group ------------------------------------------------------------------------------------------


def first_of(members: Iterable[Member]) -> Member:
    return min(members, key=_order)


def _order(member: Member) -> tuple:
    return member.document.display_source, member.key


def pointers(members: Iterable[Member]) -> list[Member]:
    """The documents that point at the group's URL, one reading per page (its own URLs say which page it is),
    by name."""
    pages: dict[tuple, Member] = {}
    for member in members:
        if member.extra[0] == "points":
            kept = pages.get(member.extra[1])
            if kept is None or _order(member) < _order(kept):
                pages[member.extra[1]] = member
    return sorted(pages.values(), key=_order)


def owner(members: Iterable[Member], states: Iterable[str]) -> Member | None:
    """What the page at the group's URL is, among `states` (the most telling state, then the first by name)."""
    found = [m for m in members if m.extra[0] == "is" and m.extra[1] in states]
    return min(found, key=lambda m: (STATES.index(m.extra[1]), *_order(m))) if found else None
