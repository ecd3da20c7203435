"""How a preview surface prints a text: wrapped into lines of a pixel width, cut with an ellipsis.

Widths come from the table the title and description rules measure with (Arial's advance widths,
`seoaudit/data/arial_widths.json`, through `width_px`), so a preview cuts a title exactly where
`title/width-px-too-wide` says it is cut. Kerning is ignored, as Screaming Frog and Yoast do.

Two ways of cutting, because the surfaces differ:
- a search engine cuts on the server at a word boundary ("Google made an update to truncate at word
  boundaries again", Screaming Frog, "An update on pixel width in Google SERP snippets", 2014) and Yoast's
  snippet preview draws that as " ..." (`SnippetPreview.js`, `dropLastWord`);
- a social card clamps with CSS (`-webkit-line-clamp`, `text-overflow: ellipsis`), which cuts at the last
  glyph that fits, mid-word, and draws "…".
A text that is one long word (or has no spaces, as Chinese and Japanese) is cut mid-word either way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from seoaudit.derive.text import width_px

WORD_ELLIPSIS = " ..."  # Yoast's snippet preview, after the last whole word
GLYPH_ELLIPSIS = "…"  # CSS text-overflow / line-clamp


@dataclass(frozen=True, slots=True)
class Printed:
    """A text as a surface prints it. `lines` is what is shown, the last line ending in the ellipsis when the
    text was cut; `kept` is how many characters of `text` are shown."""

    text: str  # the whole text, spacing collapsed as HTML renders it
    lines: tuple[str, ...]
    cut: bool
    kept: int
    width_px: int | None = None  # the whole text on one line, for width-based surfaces
    limit: str = ""  # the rule, in words: "1 line of 600 px, Arial 20 px"

    @property
    def shown(self) -> str:
        return " ".join(self.lines)

    def to_dict(self) -> dict:
        """The lines as shown and the facts of the cut (the whole text is in the metadata: not repeated here)."""
        out = {"lines": list(self.lines), "cut": self.cut, "kept": self.kept, "length": len(self.text),
               "limit": self.limit}
        if self.width_px is not None:
            out["width_px"] = self.width_px
        return out


def collapse(text: str) -> str:
    """Spacing as HTML renders it: runs of whitespace become one space, none at either end."""
    return " ".join(text.split())


def fit_lines(text: str, line_px: float, font_px: float, lines: int = 1, *, word_cut: bool = True) -> Printed:
    """`text` wrapped into at most `lines` lines of `line_px` pixels in Arial `font_px`; what does not fit is cut
    at a word boundary with " ..." (`word_cut`, a search engine) or at the last glyph with "…" (CSS)."""
    text = collapse(text)
    ruler = Ruler(text)
    spans = wrap(text, line_px, font_px, ruler)
    limit = f"{lines} line{'s' if lines != 1 else ''} of {line_px:g} px, Arial {font_px:g} px"
    width = ruler.px(0, len(text), font_px)
    if len(spans) <= lines:
        return Printed(text, tuple(text[a:b] for a, b in spans), False, len(text), width, limit)
    head = tuple(text[a:b] for a, b in spans[: lines - 1])
    start = spans[lines - 1][0]
    last = cut_line(text, line_px, font_px, word_cut=word_cut, ruler=ruler, start=start)
    ellipsis = WORD_ELLIPSIS if word_cut else GLYPH_ELLIPSIS
    kept = start + len(last) - len(ellipsis)
    return Printed(text, (*head, last), True, kept, width, limit)


def fit_budget(text: str, budget_px: float, font_px: float) -> Printed:
    """`text` cut at a word boundary once it is wider than `budget_px` on one line: how Screaming Frog and the
    description rules model a snippet of "about two lines" (a pixel budget, not a line count)."""
    text = collapse(text)
    limit = f"{budget_px:g} px in all, Arial {font_px:g} px"
    ruler = Ruler(text)
    width = ruler.px(0, len(text), font_px)
    if width <= budget_px:
        return Printed(text, (text,), False, len(text), width, limit)
    shown = cut_line(text, budget_px, font_px, word_cut=True, ruler=ruler)
    return Printed(text, (shown,), True, len(shown) - len(WORD_ELLIPSIS), width, limit)


def fit_chars(text: str, max_chars: int, *, keep: int | None = None, ellipsis: str = "...",
              in_bytes: bool = False) -> Printed:
    """`text` cut once it is longer than `max_chars` characters (or UTF-8 bytes): the first `keep` (default
    `max_chars`, minus the ellipsis) are shown, then `ellipsis`. A surface that counts, not measures."""
    text = collapse(text)
    size = len(text.encode("utf-8")) if in_bytes else len(text)
    unit = "bytes" if in_bytes else "characters"
    limit = f"{max_chars} {unit}"
    if size <= max_chars:
        return Printed(text, (text,), False, len(text), None, limit)
    room = keep if keep is not None else max_chars - len(ellipsis)
    kept = 0
    used = 0
    for char in text:
        cost = len(char.encode("utf-8")) if in_bytes else 1
        if used + cost > room:
            break
        used += cost
        kept += 1
    return Printed(text, (text[:kept] + ellipsis,), True, kept, None, limit)


def whole(text: str) -> Printed:
    """`text` shown in full (a surface that wraps it and never cuts it)."""
    text = collapse(text)
    return Printed(text, (text,), False, len(text), None, "not cut")


def clamp(text: str, max_chars: int, line_px: float, font_px: float, lines: int) -> Printed:
    """At most `max_chars` characters ("…" after the cut), then at most `lines` lines (CSS clamp, "…")."""
    counted = fit_chars(text, max_chars, ellipsis=GLYPH_ELLIPSIS)
    drawn = fit_lines(counted.shown, line_px, font_px, lines, word_cut=False)
    limit = f"{max_chars} characters, then {drawn.limit}"
    if not drawn.cut:
        return Printed(counted.text, drawn.lines, counted.cut, counted.kept, drawn.width_px, limit)
    return Printed(counted.text, drawn.lines, True, min(counted.kept, drawn.kept), drawn.width_px, limit)


def wrap(text: str, line_px: float, font_px: float, ruler: Ruler | None = None) -> list[tuple[int, int]]:
    """Greedy line breaking at spaces, as a browser does: the (start, end) of each line in `text` (collapsed
    spacing). A word wider than a line is broken between glyphs."""
    ruler = ruler or Ruler(text)
    spans: list[tuple[int, int]] = []
    start = end = 0  # the line being filled is text[start:end]
    for word in re.finditer(r"\S+", text):
        if end > start and ruler.px(start, word.end(), font_px) <= line_px:
            end = word.end()
            continue
        if end > start:
            spans.append((start, end))
        start, end = word.start(), word.end()
        while ruler.px(start, end, font_px) > line_px and end - start > 1:
            split = max(ruler.fit(start, line_px, font_px), start + 1)
            spans.append((start, split))
            start = split
    if end > start:
        spans.append((start, end))
    return spans


def cut_line(text: str, line_px: float, font_px: float, *, word_cut: bool, ruler: Ruler | None = None,
             start: int = 0) -> str:
    """The start of `text[start:]` that fits on one line of `line_px` with its ellipsis: at a word boundary when
    `word_cut` and there is one, else at the last glyph that fits."""
    ruler = ruler or Ruler(text)
    ellipsis = WORD_ELLIPSIS if word_cut else GLYPH_ELLIPSIS
    end = ruler.fit(start, line_px - width_px(ellipsis, font_px), font_px)
    if word_cut and end < len(text) and text[end] != " ":
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return text[start:end].rstrip() + ellipsis


@cache
def _units_per_em() -> int:
    raw = resources.files("seoaudit").joinpath("data/arial_widths.json").read_text(encoding="utf-8")
    return json.loads(raw)["units_per_em"]


@lru_cache(maxsize=8192)
def _advance(char: str) -> int:
    """A character's advance in font units: `width_px` at one pixel per unit is exact."""
    return width_px(char, _units_per_em())


class Ruler:
    """A text's widths in the rules' Arial table, summed once: the width of any run of it is one subtraction,
    and equals `width_px` of that run (the same advances, the same rounding)."""

    def __init__(self, text: str):
        self.text = text
        self.sums = [0]
        total = 0
        for char in text:
            total += _advance(char)
            self.sums.append(total)

    def px(self, start: int, end: int, font_px: float) -> int:
        return round((self.sums[end] - self.sums[start]) * font_px / _units_per_em())

    def fit(self, start: int, room_px: float, font_px: float) -> int:
        """The largest end such that text[start:end] fits in `room_px` (widths only grow with length)."""
        low, high = start, len(self.text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.px(start, middle, font_px) <= room_px:
                low = middle
            else:
                high = middle - 1
        return low
