"""What the title and description rules share: which fields to read, once per value across producers,
pixel widths in Arial, text comparison, site names, template variables and the page's first H1.

The description family imports from here too (one width table, one notion of "the same text").
"""

from __future__ import annotations

import json
import pkgutil
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from seoaudit.derive import derived
from seoaudit.extract.view import Field, View
from seoaudit.model import Location, Violation

# -- which views and fields ------------------------------------------------------------------------------------


def views_in_order(page) -> list[View]:
    """Every view, the one that speaks for the page first (computed once per page)."""
    return page.ranked_views


def fields_once(page, fields_of: Callable[[View], list[Field]]) -> Iterator[tuple[View, Field]]:
    """(view, field) for every field the views hold, each distinct value once, at the first view that says
    it: `yoast_head` and `yoast_head_json` print the same title, which is one finding, not two."""
    seen: set[str] = set()
    for view in views_in_order(page):
        for field in fields_of(view):
            if field.value not in seen:
                seen.add(field.value)
                yield view, field


def measured_page(page) -> bool:
    """Length and width matter where the text is shown in results: published or about to be (drafts keep
    their title on publish), and not noindex."""
    return page.is_indexable


def describe_views(fields: list[Field]) -> str:
    return ", ".join(f.location.describe() for f in fields)


# -- pixel widths ----------------------------------------------------------------------------------------------


@cache
def _width_table() -> tuple[dict[int, int], int, int, tuple[tuple[int, int], ...], frozenset[int]]:
    """Loaded once, on first use: (advance by code point, units per em, fallback, wide ranges, zero width)."""
    # pkgutil, not importlib.resources: that imports zipfile and more, some 4 ms of a cold run (tests/test_startup.py)
    data = json.loads(pkgutil.get_data("seoaudit", "data/arial_widths.json"))
    widths: dict[int, int] = {}
    for first, run in data["runs"]:
        widths.update(zip(range(first, first + len(run)), run, strict=True))
    wide = tuple((a, b) for a, b in data["wide_ranges"])
    return widths, data["units_per_em"], data["fallback"], wide, frozenset(data["zero"])


@lru_cache(maxsize=2048)  # the too-wide and too-narrow rules measure the same texts
def width_px(text: str, font_px: float) -> int:
    """How wide `text` is drawn in Arial at `font_px` (Google's result title is ~20 px, its snippet ~14 px),
    from Arial's advance widths (tools/make_width_table.py); kerning is ignored, as SF and Yoast do."""
    widths, units_per_em, fallback, wide, zero = _width_table()
    total = 0
    for char in text:
        code = ord(char)
        advance = widths.get(code)
        if advance is None:
            advance = _unlisted_width(code, char, units_per_em, fallback, wide, zero)
        total += advance
    return round(total * font_px / units_per_em)


def _unlisted_width(code: int, char: str, units_per_em: int, fallback: int, wide, zero) -> int:
    if code in zero or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    if any(first <= code <= last for first, last in wide):
        return units_per_em  # a full-width glyph is one em
    return fallback


# -- comparing texts -------------------------------------------------------------------------------------------

# wptexturize turns ' " -- ... into typographic forms in `title.rendered`, while Yoast's titles keep what the
# author typed: those are the same text.
_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "…": "...",
})


@lru_cache(maxsize=4096)
def comparable(text: str) -> str:
    """Text as a reader compares it: case, typographic quotes and dashes, and spacing aside."""
    return " ".join(text.translate(_FOLD).casefold().split())


def same_text(a: str, b: str) -> bool:
    return comparable(a) == comparable(b)


def contains(outer: str, inner: str) -> bool:
    """`inner` is part of `outer` (a post title inside an SEO title with a site suffix)."""
    inner_c = comparable(inner)
    return bool(inner_c) and inner_c in comparable(outer)


_WORDS = re.compile(r"\w{2,}")
SAME_STORY = 0.8  # share of the shorter text's words the longer one must hold


def same_story(a: str, b: str) -> bool:
    """Two texts tell the same story: one contains the other, or the longer holds at least 80 % of the
    words of the shorter. Separators (' | ' vs ' - '), a site-name suffix, a shortened social text or a
    reordered headline are not differences; another headline is."""
    if contains(a, b) or contains(b, a):
        return True
    words_a, words_b = set(_WORDS.findall(comparable(a))), set(_WORDS.findall(comparable(b)))
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= SAME_STORY * shorter


# -- site names and title parts --------------------------------------------------------------------------------

# (?<!\s): a match starts only where a whitespace run starts (linear on a title of a million spaces)
SEPARATORS = re.compile(r"(?<!\s)\s+[-–—|•·:»«/~*]+\s+|(?<!\s)\s+::\s+")


def title_parts(title: str) -> list[str]:
    """A title split at its separators: 'Hello world! - My Site' → ['Hello world!', 'My Site']."""
    return [p.strip() for p in SEPARATORS.split(title) if p.strip()]


def site_names(page) -> set[str]:
    """The site's names, compared as `comparable` text: og:site_name of every view, and the `name` /
    `alternateName` of the schema WebSite."""
    names: set[str] = set()
    for view in page.views.values():
        for field in view.meta.get("og:site_name", ()):
            if field.value:
                names.add(comparable(field.value))
    for node in page.graph.of_type("WebSite"):
        for key in ("name", "alternateName"):
            values = node.get(key)
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, str) and value.strip():
                    names.add(comparable(value))
    return names


def without_site_name(title: str, names: set[str]) -> str:
    """The title with its site-name parts dropped ('Hello world! - My Site' → 'Hello world!'); the whole
    title when nothing would be left."""
    parts = [p for p in title_parts(title) if comparable(p) not in names]
    return " - ".join(parts) if parts else title


# -- template variables ----------------------------------------------------------------------------------------

# Yoast and SEOPress: %%title%%, %%cf_price%%, %%ct_product_cat%%; Rank Math: %title%, %sep%,
# %customfield(price)%; AIOSEO: #post_title, #separator_sa (only its known tags: a #hashtag is text).
_YOAST = r"%%[a-z][a-z0-9_]*(?:\([^()%]*\))?%%"
_RANK_MATH = r"(?<![%\w])%[a-z][a-z0-9_]*(?:\([^()%]*\))?%(?![%\w])"
_AIOSEO_TAGS = (
    "separator_sa", "site_title", "site_link", "site_link_alt", "tagline", "post_title", "post_excerpt",
    "post_excerpt_only", "post_content", "post_date", "post_day", "post_month", "post_year", "page_number",
    "author_name", "author_first_name", "author_last_name", "author_bio", "author_link", "author_url",
    "categories", "category_title", "taxonomy_title", "taxonomy_description", "archive_title", "archive_date",
    "search_term", "current_date", "current_day", "current_month", "current_year", "custom_field",
    "parent_title", "permalink", "post_link", "post_link_alt", "attachment_caption", "alt_tag",
)
_AIOSEO = r"(?<![\w#&])#(?:" + "|".join(_AIOSEO_TAGS) + r")\b"


@cache
def _template_variable() -> re.Pattern[str]:
    """Compiled on first use: a millisecond, and most pages have no value with a % or # to search."""
    return re.compile(f"{_YOAST}|{_RANK_MATH}|{_AIOSEO}", re.IGNORECASE)


def template_variables(text: str) -> list[str]:
    """The unreplaced SEO-plugin variables in a value, in order, each once."""
    if "%" not in text and "#" not in text:
        return []
    return list(dict.fromkeys(m.group(0) for m in _template_variable().finditer(text)))


def social_fields(view: View, keys: tuple[str, ...]) -> list[tuple[str, Field]]:
    """(property, field) for the non-empty og:/twitter: values of `keys` in a view."""
    return [(key, field) for key in keys for field in view.meta.get(key, ()) if field.value]


# -- the page's first H1 ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FirstH1:
    text: str
    line: int | None = None  # None: in content.rendered


def first_h1(page) -> FirstH1 | None:
    """The text of the first <h1> with its line: in an HTML page, the first of the headings extraction
    collected from <body> (no second walk); in a WordPress object, in the post's `content.rendered` (line
    None). None when there is no H1."""
    view = page.views.get("html")
    if view is not None:
        h1 = next((e for e in (view.body_elements or {}).get("headings", ()) if e.tag == "h1"), None)
        return FirstH1(_squash(_text(h1)), h1.sourceline) if h1 is not None else None
    post = page.post
    if post is None or not post.content_html or "<h1" not in post.content_html.lower():
        return None
    from seoaudit.extract.html import parse_html_fragment  # only for the rare post content with an H1

    h1 = next(parse_html_fragment(post.content_html).iter("h1"), None)
    return FirstH1(_squash(_text(h1))) if h1 is not None else None


def _text(element) -> str:
    # A space between the pieces: `Brewing<br>Coffee` reads as two words (squashed afterwards)
    return " ".join(element.itertext())


def _squash(text: str) -> str:
    return " ".join(text.split())


def fit_px(text: str, max_px: float, font_px: float) -> str:
    """The longest start of `text` that fits in `max_px` with a trailing '…', as a result page cuts it."""
    widths, units_per_em, fallback, wide, zero = _width_table()
    budget = max_px * units_per_em / font_px - widths.get(0x2026, units_per_em)
    used = 0
    for index, char in enumerate(text):
        code = ord(char)
        advance = widths.get(code)
        if advance is None:
            advance = _unlisted_width(code, char, units_per_em, fallback, wide, zero)
        used += advance
        if used > budget:
            return text[:index].rstrip() + "…"
    return text


# -- placement -------------------------------------------------------------------------------------------------


def head_breaker(view: View, line: int | None) -> str | None:
    """What ended <head> before an element at `line`: the first element of <body>, when it comes first
    (a stray <div>, an <iframe>, text such as a PHP warning). Browsers end <head> at the same place."""
    if view.tree is None or line is None:
        return None
    body = view.tree.find("body")
    if body is None:
        return None
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if first is None or first.sourceline is None or first.sourceline > line:
        return None
    return f"<{first.tag}> at line {first.sourceline}"


# The head tags whose place the `*/outside-head` rules judge, in the order that decides which rule reports a
# head that ended early (the tag whose loss costs most): (kind, the rule that owns it, how a message names it).
HEAD_TAGS = (("canonical", "canonical/outside-head", "<link rel=\"canonical\">"),
             ("robots", "robots/outside-head", "<meta name=\"robots\">"),
             ("title", "title/outside-head", "<title>"),
             ("description", "description/outside-head", "<meta name=\"description\">"))


@dataclass(frozen=True, slots=True)
class Displaced:
    """The head tags of one view that sit in <body> while <head> has none of their kind: one root cause (what
    ended <head> early, when the parser tells), however many tags it moved."""

    view: View
    tags: list[tuple[str, Field]]  # (kind, field), in page order
    breaker: str | None  # "<div> at line 2", or None when <head> simply ended before them

    @property
    def reporter(self) -> str:
        """The rule that reports this cause: the owner of the most costly kind it moved."""
        kinds = {kind for kind, _ in self.tags}
        return next(rule for kind, rule, _ in HEAD_TAGS if kind in kinds)

    def describe(self) -> str:
        names = {kind: name for kind, _, name in HEAD_TAGS}
        listed = ", ".join(f"{names[kind]} (line {field.location.line})" for kind, field in self.tags)
        count = len(self.tags)
        moved = f"{count} head tag{'s are' if count > 1 else ' is'} in <body>"
        cause = f"{self.breaker} ended <head> early, so {moved}" if self.breaker else f"{moved} (<head> ended before)"
        return f"{cause}: {listed}"


def displaced_violation(found: Displaced, case: str | None = None) -> Violation:
    """The one finding of a cause: at what ended <head> (else the first moved tag), listing every tag it moved."""
    first = found.tags[0][1].location
    line = int(found.breaker.rsplit(" ", 1)[1]) if found.breaker else first.line
    where = "the element that ends <head> early" if found.breaker else "the tags"
    return Violation(found.describe(), Location(first.pointer, line), value=[f.value for _, f in found.tags],
                     expected="inside <head>", view=found.view.name, case=case,
                     fix=f"Move {where} below the head tags (or out of <head>): only elements that may live in "
                         "<head> (title, meta, link, script, style) can come before them.")


def _head_fields(view: View, kind: str) -> list[Field]:
    if kind == "robots":
        return [f for fields in view.robots.values() for f in fields]
    return {"canonical": view.canonicals, "title": view.titles, "description": view.descriptions}[kind]


def displaced(page, rule_id: str) -> list[Displaced]:
    """The causes `rule_id` reports: per HTML head, the tags of a kind that <head> lacks and <body> holds (a copy
    in <body> of a tag <head> already has changes nothing and is not reported), when `rule_id` owns the most
    costly of them. One finding per cause, so a stray <div> is one finding, not four."""
    return [found for found in _causes(page) if found.reporter == rule_id]


@derived  # the four */outside-head rules each take their share of the same causes
def _causes(page) -> list[Displaced]:
    causes = []
    for view in page.head_views:
        tags = []
        for kind, _, _ in HEAD_TAGS:
            fields = _head_fields(view, kind)
            if not any(f.in_head for f in fields):
                tags.extend((kind, f) for f in fields if not f.in_head)
        if not tags:
            continue
        tags.sort(key=lambda tag: tag[1].location.line or 0)
        causes.append(Displaced(view, tags, head_breaker(view, tags[0][1].location.line)))
    return causes


def shown_titles(page) -> Iterator[tuple[View, Field, str]]:
    """(view, title, its text as a result page prints it: spacing collapsed) for the title a result page
    shows, each distinct text once; none when the page is noindex (it is not shown in results)."""
    return as_printed(page, lambda v: [f for f in v.titles[:1] if f.value])


def as_printed(page, fields_of: Callable[[View], list[Field]]) -> Iterator[tuple[View, Field, str]]:
    """`fields_once` with each text as a result page prints it; nothing when the page is noindex."""
    if not measured_page(page):
        return
    for view, field in fields_once(page, fields_of):
        yield view, field, " ".join(field.value.split())
