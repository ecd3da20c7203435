"""What the description rules share beyond seoaudit.derive.text (one width table, one notion of "the same
text" and one producer walk for titles and descriptions): which description a result page shows, and how a
truncated excerpt reads."""

from __future__ import annotations

import re

from seoaudit.derive.text import as_printed
from seoaudit.extract.view import Field, View

SOCIAL_KEYS = ("og:description", "twitter:description")


def shown_descriptions(page):
    """(view, description, its text as a result page prints it) for the meta description a result page may
    show, each distinct text once; none when the page is noindex."""
    return as_printed(page, lambda v: [f for f in v.descriptions[:1] if f.value])


def all_descriptions(view: View) -> list[Field]:
    """The meta description and the social descriptions of a view (the texts that describe the page)."""
    return view.descriptions + [f for key in SOCIAL_KEYS for f in view.meta.get(key, ())]


def label(view: View, field: Field) -> str:
    for key in SOCIAL_KEYS:
        if any(f is field for f in view.meta.get(key, ())):
            return key
    return "meta description"


# -- truncated excerpts ----------------------------------------------------------------------------------------

# WordPress's auto-excerpt ends in " [&hellip;]" (excerpt_more); themes replace it with "… Continue reading
# <title>" or "Read more"; other generators cut with "…" or "...".
_BRACKETED = re.compile(r"\[\s*(?:…|\.{3}|&hellip;)\s*\]\s*$")
_ELLIPSIS = re.compile(r"(?:…|(?<!\.)\.{3,})\s*$")  # (?<!\.): one try per run of dots, not one per dot
_MORE = re.compile(
    r"(?:(?:…|\.{3}|\])\s*(?:continue reading|read more|weiterlesen|lire la suite|leer más|leggi tutto)\b"
    r"|\b(?:continue reading|read more|weiterlesen|lire la suite|leer más|leggi tutto)\s*(?:[»›→…>.]+\s*)?$)",
    re.IGNORECASE,
)


def truncation(text: str) -> str | None:
    """How the text shows it was cut from longer text, or None."""
    if _BRACKETED.search(text):
        return "ends in WordPress's auto-excerpt marker '[…]'"
    match = _MORE.search(text)
    if match:
        return f"ends with the excerpt's link text {match.group(0).strip(' .…[]»›→>')!r}"
    if _ELLIPSIS.search(text):
        return "ends in an ellipsis"
    return None


def without_truncation(text: str) -> str:
    """The text without a trailing '[…]', '…' or '...'."""
    return _ELLIPSIS.sub("", _BRACKETED.sub("", text)).rstrip()


# -- the post's text -------------------------------------------------------------------------------------------


def content_text(post) -> str | None:
    """The visible text of `content.rendered` (tags dropped, entities decoded), or None."""
    if post is None or not post.content_html:
        return None
    from seoaudit.extract.html import parse_html_fragment  # only on WP objects that have a description

    body = parse_html_fragment(post.content_html).find("body")
    return " ".join(body.text_content().split()) if body is not None else None
