"""The Google result of a page, on a desktop and on a phone: site name, the URL as a breadcrumb, the title
link and the snippet, each cut where Google's layout cuts it.

Google sets no length on either text and cuts them "as needed" to the device's width (Google Search
Central, "Influencing your title links in search results"; "Control your snippets"), so these are the
widths the rest of seoaudit and its peers use:
- desktop title: one line of `max_px` (600) in Arial `font_px` (20) — the options of
  `title/width-px-too-wide` (Yoast's snippet preview: `MAX_WIDTH = 600`, title 20 px Arial);
- desktop snippet: `max_px` (985) in Arial 14 px in all, about two lines — `description/width-px-too-wide`
  (Screaming Frog's "Over 985 pixels");
- phone title: at most two lines of 368 px in Arial 16 px (Yoast's mobile preview: a 400 px result with
  16 px padding, `max-height: 40px` on a 20 px line);
- phone snippet: 680 px in Arial 14 px in all, about 120 characters (the figure SERP tools use since Google's
  2018 snippet change, e.g. Finsbury Media, "Meta description best practices", 2020) [secondary].
Texts are cut at a word boundary with " ..." (see text.py).

The site name is Google's choice; its own order of preference is WebSite structured data (`name`, then
`alternateName`), then `og:site_name`, then the home page's `<title>` and headings (Google Search Central,
"Provide a site name to Google Search"): without them Google shows the host. The URL line is the host and
then, as a breadcrumb (" › "), the BreadcrumbList's names when the page has one (Google Search Central,
"Breadcrumb structured data") or else the URL's path segments, query and fragment dropped; `https://` is
shown, `http://` is not (Yoast's `getBreadcrumbs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import fields
from .text import Printed, fit_budget, fit_lines

SEPARATOR = " › "


@dataclass(frozen=True, slots=True)
class Layout:
    device: str
    title_px: float
    title_font: float
    title_lines: int
    snippet_budget_px: float
    snippet_font: float
    url_px: float
    url_font: float


def layouts(options: dict | None = None) -> tuple[Layout, Layout]:
    """The desktop layout, with the title/description width rules' options (so the preview cuts where their
    findings say), and the phone layout."""
    options = options or {}
    title = options.get("title/width-px-too-wide", {})
    snippet = options.get("description/width-px-too-wide", {})
    desktop = Layout("desktop", title.get("max_px", 600), title.get("font_px", 20), 1,
                     snippet.get("max_px", 985), snippet.get("font_px", 14), 600, 14)
    mobile = Layout("mobile", 368, 16, 2, 680, 14, 324, 12)
    return desktop, mobile


@dataclass(frozen=True, slots=True)
class SearchResult:
    device: str
    shown: bool  # False: noindex, the page is not in Google's results at all
    site_name: fields.Value
    url: str | None
    breadcrumb: tuple[str, ...]  # the host first
    breadcrumb_source: str  # "BreadcrumbList" or "URL"
    url_line: Printed | None
    title: Printed | None
    title_source: str | None
    description: Printed | None
    description_source: str | None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "device": self.device, "shown": self.shown,
            "site_name": {"text": self.site_name.text, "source": self.site_name.source},
            "url": self.url, "breadcrumb_source": self.breadcrumb_source,
            "url_line": self.url_line.to_dict() if self.url_line else None,
            "title": self.title.to_dict() if self.title else None, "title_source": self.title_source,
            "description": self.description.to_dict() if self.description else None,
            "description_source": self.description_source, "notes": list(self.notes),
        }


def site_name(meta: dict) -> fields.Value:
    found = fields.website_name(meta) or fields.pick(meta, "og:site_name")
    if found is not None:
        return found
    url = fields.page_url(meta)
    return fields.Value(fields.host(url.text if url else None) or "(unknown site)", "host")


def breadcrumb(meta: dict, url: str | None) -> tuple[tuple[str, ...], str]:
    """(the parts of the URL line, where they come from): the origin, then the BreadcrumbList's names
    (a first crumb that is the home page is the origin itself), else the URL's path segments."""
    if not url:
        return (), "URL"
    parts = urlsplit(url)
    origin = f"https://{parts.hostname}" if parts.scheme == "https" else (parts.hostname or url)
    crumbs = fields.breadcrumb_names(meta)
    if crumbs:
        names = [name for i, (name, item) in enumerate(crumbs) if not (i == 0 and _is_home(item, parts.hostname))]
        return (origin, *names), "BreadcrumbList"
    segments = [unquote(s) for s in parts.path.split("/") if s]
    return (origin, *segments), "URL"


def _is_home(item: str | None, hostname: str | None) -> bool:
    if not item:
        return False
    parts = urlsplit(item)
    return parts.hostname == hostname and parts.path in ("", "/")


def title_of(meta: dict) -> fields.Value | None:
    """The title link: the page's title; for a WordPress object with no SEO plugin, the post title (the
    theme prints the `<title>` from it)."""
    found = fields.pick(meta, "title")
    if found is not None:
        return found
    post_title = fields.pick(meta, "post.title")
    return fields.Value(post_title.text, "post title") if post_title else None


def results(meta: dict, options: dict | None = None) -> list[SearchResult]:
    """The desktop and the phone result of the page whose metadata is `meta`."""
    url = fields.page_url(meta)
    name = site_name(meta)
    parts, crumb_source = breadcrumb(meta, url.text if url else None)
    title = title_of(meta)
    snippet = fields.pick(meta, "description")
    noindex = fields.robots_noindex(meta)
    found = []
    for layout in layouts(options):
        notes = []
        if noindex:
            notes.append("noindex: Google does not show this page in its results")
        if snippet is None:
            notes.append("no meta description: Google writes the snippet from the page's text")
        if title is None:
            notes.append("no title: Google writes the title link from the page's headings or links")
        found.append(SearchResult(
            layout.device, not noindex, name, url.text if url else None, parts, crumb_source,
            fit_lines(SEPARATOR.join(parts), layout.url_px, layout.url_font, word_cut=False) if parts else None,
            fit_lines(title.text, layout.title_px, layout.title_font, layout.title_lines) if title else None,
            title.source if title else None,
            fit_budget(snippet.text, layout.snippet_budget_px, layout.snippet_font) if snippet else None,
            snippet.source if snippet else None, tuple(notes)))
    return found
