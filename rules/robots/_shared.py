"""What the robots rules share: reading robots metas into directives the way Google does.

`View.robots_directives()` splits on every comma, which cuts an RFC 822 / RFC 850 date
(`unavailable_after: Sunday, 06-Nov-94 08:49:37 GMT`) in two; `directives()` here joins such a date back
and keeps the field each directive came from, so that findings point at the right tag.
Names and values are compared lowercased (Google: robots rules are case-insensitive).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from seoaudit.extract.view import Field, View
from seoaudit.model import Violation

# Google's robots meta rules (developers.google.com/search/docs/crawling-indexing/robots-meta-tag).
FLAGS = frozenset({"all", "index", "follow", "noindex", "nofollow", "none", "nosnippet", "indexifembedded",
                   "notranslate", "noimageindex"})
VALUED = frozenset({"max-snippet", "max-image-preview", "max-video-preview", "unavailable_after"})
# Read by other engines or retired by Google: harmless, so never reported as unknown.
OTHER_ENGINES = frozenset({"noarchive", "nocache", "noodp", "noydir", "nositelinkssearchbox", "noyaca",
                           "noai", "noimageai", "imageindex", "archive", "snippet", "odp", "ydir"})
IMAGE_PREVIEWS = ("none", "standard", "large")
# The metas whose rules we read, and the crawlers they address.
BOTS = ("robots", "googlebot", "googlebot-news", "bingbot")
_INTEGER = re.compile(r"^-?\d+$")


@dataclass(frozen=True, slots=True)
class Directive:
    name: str  # lowercased: "noindex", "max-snippet"
    value: str | None  # what follows the colon, stripped (case kept for dates)
    raw: str  # the token as written
    field: Field
    bot: str

    @property
    def text(self) -> str:
        return self.raw.strip()


def _split(content: str) -> list[str]:
    """Comma-separated tokens, with a date that itself holds a comma joined back to its unavailable_after."""
    tokens: list[str] = []
    for token in content.split(","):
        if tokens and tokens[-1].strip().lower().startswith("unavailable_after") and not _is_rule(token):
            tokens[-1] += "," + token
        else:
            tokens.append(token)
    return [t for t in tokens if t.strip()]


def _is_rule(token: str) -> bool:
    name = token.split(":", 1)[0].strip().lower()
    return name in FLAGS or name in VALUED or name in OTHER_ENGINES


def parse(field: Field, bot: str) -> list[Directive]:
    return [Directive(name, value, token, field, bot) for name, value, token in _tokens(field.value)]


@lru_cache(maxsize=1024)  # a pure function of the content: the same few robots strings on every page
def _tokens(content: str) -> tuple[tuple[str, str | None, str], ...]:
    found = []
    for token in _split(content):
        name, colon, value = token.partition(":")
        found.append((name.strip().lower(), value.strip() if colon else None, token))
    return tuple(found)


def directives(view: View, bot: str = "robots", head_only: bool = False) -> list[Directive]:
    """Every directive of every `<meta name=bot>` of the view, in order."""
    fields = view.robots.get(bot)
    if not fields:  # most views have no meta for most bots: asked ~30 times per page
        return []
    return [d for f in fields if f.in_head or not head_only for d in parse(f, bot)]


def names(found: list[Directive]) -> set[str]:
    return {d.name for d in found}


def is_known(directive: Directive) -> bool:
    return directive.name in FLAGS or directive.name in VALUED or directive.name in OTHER_ENGINES


def value_problem(directive: Directive) -> str | None:
    """Why the value of a valued rule is unusable (None when it is fine, or the rule takes no value)."""
    name, value = directive.name, directive.value
    if name in FLAGS and value is not None:
        return f"{name} takes no value"
    if name not in VALUED:
        return None
    if not value:
        return f"{name} has no value"
    if name in ("max-snippet", "max-video-preview") and not _INTEGER.match(value):
        return f"{name} needs an integer (-1 for no limit), not {value!r}"
    if name == "max-image-preview" and value.lower() not in IMAGE_PREVIEWS:
        return f"max-image-preview needs none, standard or large, not {value!r}"
    return None


def snippet_limit(found: list[Directive]) -> int | None:
    """The most restrictive max-snippet, or None when there is none."""
    limits = [int(d.value) for d in found if d.name == "max-snippet" and d.value and _INTEGER.match(d.value)]
    return min(limits, key=lambda n: float("inf") if n < 0 else n) if limits else None


def image_preview(found: list[Directive]) -> str | None:
    """The most restrictive valid max-image-preview, or None."""
    values = [d.value.lower() for d in found if d.name == "max-image-preview" and d.value
              and d.value.lower() in IMAGE_PREVIEWS]
    return min(values, key=IMAGE_PREVIEWS.index) if values else None


# -- unavailable_after dates --------------------------------------------------------------------------------

# Zone names that `email.utils` does not know; it knows UT, GMT, Z and the US zones.
_ZONES = {"CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "WET": 0, "WEST": 1, "EET": 2, "EEST": 3, "BST": 1,
          "IST": 5.5, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "UTC": 0}


def parse_date(text: str) -> datetime | None:
    """A date as Google reads `unavailable_after` (ISO 8601, RFC 822, RFC 850), in UTC; None if unreadable.
    A date with no zone is read as UTC."""
    text = text.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        parsed = _rfc_date(text)
    if parsed is None:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def _rfc_date(text: str) -> datetime | None:
    from email.utils import parsedate_to_datetime  # here: email.utils costs a run's start-up 4 ms

    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    zone = text.rsplit(None, 1)[-1].upper()
    if parsed.tzinfo is None and zone in _ZONES:
        parsed = parsed.replace(tzinfo=timezone(timedelta(hours=_ZONES[zone])))
    return parsed


NOINDEX_BOTS = ("robots", "googlebot", "bingbot")  # the crawler metas whose noindex the noindex rules read


def blocking(view):
    """The noindex / none directives of the view, per crawler meta, in order."""
    return [d for bot in NOINDEX_BOTS for d in directives(view, bot) if d.name in ("noindex", "none")]


# -- what an indexable page keeps out of its results (noimageindex, nosnippet, image-preview-not-large) -----------

GOOGLE_BOTS = ("robots", "googlebot")  # the metas Google reads


def indexable_primary(page) -> View | None:
    """The primary view of a published, indexable page: only there does a restriction cost search results."""
    view = page.primary
    if view is None or not page.is_published or page.is_placeholder or not page.is_indexable:
        return None
    return view


def restriction(pick: Callable[[list[Directive]], Directive | None], says: str, expected: str, fix: str):
    """The check of a directive that keeps part of an indexable page out of Google's results: for each of
    GOOGLE_BOTS, the one `pick` finds among that meta's directives, reported as `says` completed by the bot and
    the directive as written."""
    def check(page, options) -> Iterator[Violation]:
        view = indexable_primary(page)
        if view is None:
            return
        for bot in GOOGLE_BOTS:
            rule = pick(directives(view, bot))
            if rule is not None:
                yield Violation(says.format(bot=bot, directive=rule.text), rule.field.location, value=rule.text,
                                expected=expected, view=view.name, fix=fix)

    return check
