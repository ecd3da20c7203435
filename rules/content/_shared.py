"""What the content rules share: the page's content parsed once, and the elements Lighthouse looks at.

The content is `content.rendered` for a WordPress post (the theme adds the title, menus and footer
around it, so what is judged is what the author wrote), else the `<body>` of an HTML page (already
parsed for the metadata: nothing is parsed twice). Elements inside `<noscript>` and `<template>` are
left out, as a browser with scripts on (Lighthouse) never builds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from seoaudit import urls
from seoaudit.derive import derived
from seoaudit.extract.html import html_parser
from seoaudit.model import Location


@dataclass(slots=True)
class Content:
    source: str  # "content.rendered" or "the page body"
    view: str | None  # the view findings carry: "html", or None for a post (its own field, no producer)
    base: Location  # the pointer of content.rendered, or the HTML file
    page_url: str | None  # what relative links resolve against: the post link, canonical or og:url
    lang: str | None  # <html lang> of a page, the og:locale of a post
    body: object = None  # the lxml <body>
    is_post: bool = False
    _elements: tuple | None = None
    _suspects: tuple | None = None
    found: dict | None = None  # tag → elements, when extraction already walked the body (View.body_elements)

    def at(self, element) -> Location:
        return Location(pointer=self.base.pointer, line=element.sourceline)

    @property
    def h1(self) -> list:
        return self._split()[0]

    @property
    def images(self) -> list:
        return self._split()[1]

    @property
    def anchors(self) -> list:
        return self._split()[2]

    def suspect_links(self) -> tuple[list, list]:
        """(links whose text may be generic, links whose href may not be crawlable): one cheap screen of every
        link for both link rules, which then judge only these few (a page can have hundreds of links)."""
        if self._suspects is None:
            text_suspects, href_suspects = [], []
            port_or_no_host = _PORT_OR_NO_HOST.search
            # ~100 links a page, screened inline. The text screen: generic, URL-like, or spaced in a way that
            # needs collapsing first (`isprintable` is False for newlines, tabs and non-breaking spaces).
            for anchor in self.anchors:
                if len(anchor):
                    text_suspects.append(anchor)
                else:
                    text = anchor.text
                    if text:
                        term = text.strip().lower()
                        if term in ANY or term.startswith("http") or "  " in term or not term.isprintable():
                            text_suspects.append(anchor)
                href = anchor.get("href")
                if href is None or "script:" in href or "file:" in href or "[" in href or (
                        "//" in href and port_or_no_host(href) is not None):
                    href_suspects.append(anchor)
            self._suspects = (text_suspects, href_suspects)
        return self._suspects

    def _split(self) -> tuple[list, list, list]:
        """One walk over the body for every content rule (a walk costs a seventh of the parse: do it once,
        or not at all when extraction did it)."""
        if self._elements is None:
            found = self.found if self.found is not None else _walk(self.body)
            hidden = {e for tag in ("noscript", "template") for box in found[tag] for e in box.iter("a", "img", "h1")}
            h1 = [e for e in found["headings"] if e.tag == "h1"]
            self._elements = tuple([e for e in elements if e not in hidden] if hidden else elements
                                   for elements in (h1, found["img"], found["a"]))
        return self._elements


def _walk(body) -> dict[str, list]:
    """What View.body_elements holds (for a post's content, which is no view), for the tags we need."""
    found: dict[str, list] = {"a": [], "img": [], "headings": [], "noscript": [], "template": []}
    for element in body.iter("a", "img", "h1", "noscript", "template"):
        found["headings" if element.tag == "h1" else element.tag].append(element)
    return found


_PARSER = html_parser()


@derived
def content(page) -> Content | None:
    """The page's content, parsed at most once per page (None when there is none: a term, a user, a head)."""
    view = page.views.get("html")
    if view is not None and view.tree is not None:
        body = view.body
        if body is None:
            return None
        return Content("the page body", "html", Location(), _page_url(page), view.lang.value if view.lang else None,
                       body, found=view.body_elements)
    post = page.post
    if post is None or not post.content_html or not post.content_html.strip():
        return None
    root = etree.fromstring("<html><body>" + post.content_html + "</body></html>", _PARSER)
    body = root.find("body") if root is not None else None
    if body is None:
        return None
    return Content("content.rendered", None, post.location.child("content", "rendered"), _page_url(page),
                   _site_lang(page), body, is_post=True)


def _page_url(page) -> str | None:
    candidates = [page.link, page.canonical]
    if page.primary is not None:
        candidates.append(page.primary.first("og:url"))
    return next((f.value for f in candidates if f is not None and urls.parse(f.value) is not None), None)


def _site_lang(page) -> str | None:
    """The language the theme would print in <html lang>: the SEO plugin's og:locale (en_US → en-US)."""
    locale = page.primary.first("og:locale") if page.primary is not None else None
    return locale.value.replace("_", "-") if locale is not None and locale.value else None


def text_of(element) -> str:
    """The element's text as a reader sees it, spaces collapsed (innerText, roughly)."""
    if len(element):
        # libxml2 gathers the text in C: the string "".join(element.itertext()) gives, three times faster.
        return " ".join(etree.tostring(element, method="text", encoding=str, with_tail=False).split())
    text = element.text
    return " ".join(text.split()) if text else ""


def lang_of(element, default: str | None) -> str | None:
    """The language of an element: its own or closest ancestor's `lang`, else the page's."""
    node = element
    while node is not None:
        lang = node.get("lang") if isinstance(node.tag, str) else None
        if lang:
            return lang.strip()
        node = node.getparent()
    return default


def resolve(href: str, base: str | None) -> str:
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return href


def same_page(href: str, base: str | None) -> bool:
    """The link goes to this page (a `#fragment` of it, or its own URL)."""
    if href.startswith("#"):
        return True
    if not base:
        return False
    target = resolve(href, base)
    return urls.without_fragment(target) == urls.without_fragment(base) or urls.same(
        urls.without_fragment(target), urls.without_fragment(base))


def parses(href: str, base: str | None) -> bool:
    """What `new URL(href, base)` accepts, roughly: no broken port or IPv6 literal, a host for http(s)."""
    try:
        parts = urlsplit(resolve(href, base or "https://example.invalid/"))
        _ = parts.port
    except ValueError:
        return False
    return parts.scheme.lower() not in ("http", "https") or bool(parts.hostname)


def where_list(items: list[tuple[str, Location]], limit: int = 5) -> str:
    """"'a.jpg' (line 3), 'b.png' (line 9) and 4 more"."""
    shown = ", ".join(f"{value!r} (line {loc.line})" if loc.line else repr(value) for value, loc in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


# Lighthouse's link-text blocklists (core/audits/seo/link-text.js), by language.
GENERIC = {
    "en": {"click here", "click this", "go", "here", "information", "learn more", "more", "more info",
           "more information", "right here", "read more", "see more", "start", "this"},
    "ja": {"ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く", "全文表示"},
    "es": {"click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "aquí", "aqui",
           "más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este",
           "enlace", "este enlace", "empezar"},
    "pt": {"clique aqui", "ir", "mais informação", "mais informações", "mais", "veja mais"},
    "ko": {"여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기"},
    "sv": {"här", "klicka här", "läs mer", "mer", "mer info", "mer information"},
    "de": {"klicke hier", "hier klicken", "hier", "mehr", "siehe", "dies", "das", "weiterlesen"},
    "ta": {"அடுத்த பக்கம்", "மறுபக்கம்", "முந்தைய பக்கம்", "முன்பக்கம்", "மேலும் அறிக", "மேலும் தகவலுக்கு",
           "மேலும் தரவுகளுக்கு", "தயவுசெய்து இங்கே அழுத்தவும்", "இங்கே கிளிக் செய்யவும்"},
    "fa": {"اطلاعات بیشتر", "اطلاعات", "این", "اینجا بزنید", "اینجا کلیک کنید", "اینجا", "برو", "بیشتر بخوانید",
           "بیشتر بدانید", "بیشتر", "شروع"},
}
ANY = frozenset().union(*GENERIC.values())


# What an href must contain to possibly fail crawlable-anchors (javascript:void(0), file:, an IPv6 literal, a
# port or no host after `//`): a superset, uncrawlable-link's `_why` decides. Content.suspect_links tests
# "void", "file:" and "[" as substrings, then this (the regex `void|file:|\[|//…` is three times slower).
_PORT_OR_NO_HOST = re.compile(r"//(?:[^/]*:|\s*$)", re.DOTALL)


def has_text(h1) -> bool:
    return bool(text_of(h1)) or any((img.get("alt") or "").strip() for img in h1.iter("img"))
