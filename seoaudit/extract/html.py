"""The `html` and `yoast_head` views: one lxml parse, one walk over the elements metadata lives in."""

from __future__ import annotations

import codecs
import json
import re

from lxml import etree, html

from ..model import Location
from .view import Field, JsonLdBlock, OgImage, View

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.IGNORECASE)
_METADATA_TAGS = ("title", "meta", "link", "script")
_OG_IMAGE_PARTS = {"og:image:width": "width", "og:image:height": "height", "og:image:alt": "alt",
                   "og:image:type": "type", "og:image:secure_url": "secure_url"}
_BOT_METAS = ("robots", "googlebot", "googlebot-news", "bingbot")


def parse_html_bytes(data: bytes):
    """Parse a page the way a browser would pick its encoding: BOM, then <meta charset>, then UTF-8."""
    encoding = _sniff_encoding(data)
    # lxml.html's parser makes HtmlElements, which extruct's microdata extractor needs.
    parser = html.HTMLParser(encoding=encoding, recover=True, default_doctype=False)
    root = etree.fromstring(data, parser)
    if root is None:  # nothing but comments or whitespace
        root = etree.fromstring(b"<html><head></head><body></body></html>", parser)
    return root


def parse_html_fragment(text: str):
    """Parse a head fragment such as `yoast_head`; the prefix keeps the line numbers of the string."""
    parser = html.HTMLParser(recover=True, default_doctype=False)
    return etree.fromstring("<html><head>" + text + "</head><body></body></html>", parser)


def _sniff_encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    match = _CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii", "replace")
        try:
            return codecs.lookup(name).name
        except LookupError:
            pass
    return "utf-8"


def html_view(root, name: str, base: Location) -> View:
    """Walk <head> then <body> once, collecting every element that carries metadata."""
    view = View(name=name, location=base, tree=root)
    if root is None:
        return view
    lang = root.get("lang")
    if lang is not None:
        view.lang = Field(lang.strip(), _at(base, root))
    head = root.find("head")
    body = root.find("body")
    for container, in_head in ((head, True), (body, False)):
        if container is None:
            continue
        for element in container.iter(*_METADATA_TAGS):
            _collect(view, element, in_head, base)
    return view


def _at(base: Location, element) -> Location:
    return Location(pointer=base.pointer, line=element.sourceline)


def _collect(view: View, element, in_head: bool, base: Location) -> None:
    tag = element.tag
    if tag == "title":
        if not in_head and _inside_svg(element):
            return
        view.titles.append(Field(_squash(element.text_content()), _at(base, element), in_head))
    elif tag == "meta":
        _collect_meta(view, element, in_head, base)
    elif tag == "link":
        _collect_link(view, element, in_head, base)
    elif tag == "script":
        kind = (element.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            view.jsonld.append(parse_jsonld_script(element, base))


def _collect_meta(view: View, element, in_head: bool, base: Location) -> None:
    key = (element.get("property") or element.get("name") or "").strip().lower()
    if not key:
        return
    content = element.get("content")
    if content is None:
        content = element.get("value") or ""
    field = Field(content.strip(), _at(base, element), in_head)
    if key == "description":
        view.descriptions.append(field)
    elif key in _BOT_METAS:
        view.robots.setdefault(key, []).append(field)
    elif key == "og:image" or (key == "og:image:url" and not _continues_image(view)):
        view.og_images.append(OgImage(url=field))
        view.meta.setdefault("og:image", []).append(field)
    elif key == "og:image:url":
        view.meta.setdefault(key, []).append(field)  # ogp.me: the same image as the og:image before it
    elif key in _OG_IMAGE_PARTS:
        view.meta.setdefault(key, []).append(field)
        if view.og_images:  # structured properties belong to the og:image before them (ogp.me)
            image = view.og_images[-1]
            part = _OG_IMAGE_PARTS[key]
            if getattr(image, part) is None:
                view.og_images[-1] = _replace(image, part, field)
    elif key.startswith(("og:", "twitter:", "article:", "fb:", "author")):
        view.meta.setdefault(key, []).append(field)


def _continues_image(view: View) -> bool:
    """`og:image:url` right after an `og:image` with no properties yet names the same image."""
    if not view.og_images:
        return False
    image = view.og_images[-1]
    return all(getattr(image, part) is None for part in _OG_IMAGE_PARTS.values())


def _replace(image: OgImage, part: str, field: Field) -> OgImage:
    values = {name: getattr(image, name) for name in OgImage.__slots__}
    values[part] = field
    return OgImage(**values)


def _collect_link(view: View, element, in_head: bool, base: Location) -> None:
    rels = (element.get("rel") or "").lower().split()
    href = element.get("href")
    if href is None:
        return
    attrs = {k: v for k, v in element.attrib.items() if k not in ("rel", "href")}
    field = Field(href.strip(), _at(base, element), in_head, attrs or None)
    if "canonical" in rels:
        view.canonicals.append(field)
    elif "alternate" in rels and element.get("hreflang") is not None:
        view.hreflang.append(field)


def parse_jsonld_script(element, base: Location) -> JsonLdBlock:
    location = _at(base, element)
    text = element.text or ""
    block = JsonLdBlock(location=location, css_class=element.get("class"), text=text)
    try:
        block.data = json.loads(text)
    except json.JSONDecodeError as exc:
        line = (element.sourceline or 1) + exc.lineno - 1
        block.error = f"{exc.msg.removesuffix(' at')} at line {exc.lineno}, column {exc.colno} of the block"
        block.error_location = Location(pointer=base.pointer, line=line, column=exc.colno)
    except RecursionError:
        block.error = "JSON-LD is nested too deeply to read"
        block.error_location = location
    return block


def _inside_svg(element) -> bool:
    return any(ancestor.tag == "svg" for ancestor in element.iterancestors())


def _squash(text: str) -> str:
    return " ".join(text.split())
