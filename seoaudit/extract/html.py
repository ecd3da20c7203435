"""The `html` and `yoast_head` views: one lxml parse, one walk over the elements metadata lives in."""

from __future__ import annotations

import codecs
import json
import re

from lxml import etree, html

from .. import strict_json
from ..limits import LimitHit, Limits, json_depth_exceeds
from ..model import Location
from .view import Field, JsonLdBlock, OgImage, View

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.IGNORECASE)
_METADATA_TAGS = ("title", "meta", "link", "script")
# What rules look at in <body> besides metadata (content/*, schema/headline-not-visible): tag → its key in
# View.body_elements (h1–h3 share one list, in document order).
BODY_TAGS = {"a": "a", "img": "img", "h1": "headings", "h2": "headings", "h3": "headings", "noscript": "noscript",
             "template": "template"}
_OG_IMAGE_PARTS = {"og:image:width": "width", "og:image:height": "height", "og:image:alt": "alt",
                   "og:image:type": "type", "og:image:secure_url": "secure_url"}
_BOT_METAS = ("robots", "googlebot", "googlebot-news", "bingbot")


def parse_html_bytes(data: bytes, encoding: str | None = None):
    """Parse a page. `encoding`: what load.py decoded it to (UTF-8); None: decide here (`decode_html`)."""
    if encoding is None:
        data, _ = decode_html(data)
        encoding = "utf-8"
    # lxml.html's parser makes HtmlElements, which extruct's microdata extractor needs. The encoding given
    # here wins over any <meta charset> in the page (decode_html has already judged that one).
    parser = html_parser(encoding=encoding)
    root = etree.fromstring(data, parser)
    if root is None:  # nothing but comments or whitespace
        root = etree.fromstring(b"<html><head></head><body></body></html>", parser)
    return root


def parse_html_fragment(text: str):
    """Parse a head fragment such as `yoast_head`; the prefix keeps the line numbers of the string."""
    return etree.fromstring("<html><head>" + text + "</head><body></body></html>", html_parser())


def html_parser(encoding: str | None = None) -> html.HTMLParser:
    """lxml.html's parser (HtmlElement and its form classes), with the element classes looked up in C:
    lxml.html's own lookup is a Python call for every element a rule touches. No table of `id`s (a fifteenth
    of the parse): nothing asks XPath's id() but extruct's itemref, which page.py answers without it."""
    parser = html.HTMLParser(encoding=encoding, recover=True, default_doctype=False, collect_ids=False)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


# What lxml.html.HtmlElementClassLookup answers (its tag → class table, HtmlElement for other tags), in C.
_LOOKUP = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity))
_LOOKUP.get_namespace(None).update({"form": html.FormElement, "input": html.InputElement,
                                    "select": html.SelectElement, "textarea": html.TextareaElement,
                                    "label": html.LabelElement})


def decode_html(data: bytes, wide: str | None = None) -> tuple[bytes, list[str]]:
    """The page as UTF-8 bytes, decoded the way a browser picks the encoding, and what had to be repaired.

    A BOM wins (`wide`: UTF-16/32 that load.py told from a BOM or NUL pattern). Then `<meta charset>`, checked
    against the bytes: when the declared charset cannot decode them, or they are valid, non-ASCII UTF-8 (which
    the declared single-byte charset would turn into mojibake: `Ã©` for `é`), the page is read as UTF-8 and the
    disagreement noted. Without either, UTF-8. Bytes invalid in the encoding used become U+FFFD, noted.
    """
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", notes), notes
    if wide is not None:
        return _decode(data, wide, notes), notes
    label, codec = _declared_charset(data)
    if label is not None and codec is None:
        notes.append(f"<meta charset> names {label!r}, which is no known text encoding; read as UTF-8")
    elif codec is not None and codec.startswith(("utf-16", "utf-32")):
        notes.append(f"<meta charset> declares {label!r} but the page has no byte-order mark: bytes declared "
                     "that way are read as UTF-8 (HTML Standard); declare utf-8")
    elif codec is not None and codec != "utf-8":
        if data.isascii() and codec not in _NOT_ASCII_COMPATIBLE:
            return data, notes  # ASCII reads the same in every ASCII-compatible charset
        strict = _try(data, codec)
        utf8 = None if data.isascii() else _try(data, "utf-8")
        if utf8 is not None:
            notes.append(f"<meta charset> declares {label!r} but the bytes are UTF-8 (read as {label!r} they give "
                         f"mojibake such as {_mojibake(utf8, codec)!r}); read as UTF-8")
            return _utf8(utf8), notes
        if strict is not None:
            return _utf8(strict), notes
        return _decode(data, codec, notes, f"declared {label!r}"), notes
    return _decode(data, "utf-8", notes), notes


# Python codecs a <meta charset> may name in which ASCII bytes do not stand for themselves.
_NOT_ASCII_COMPATIBLE = frozenset({"utf-7", "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140",
                                   "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
                                   "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr"})


def _decode(data: bytes, encoding: str, notes: list[str], what: str = "") -> bytes:
    if encoding == "utf-8" and data.isascii():  # most pages: nothing to validate (isascii is ~50x a decode)
        return data
    try:
        text = data.decode(encoding)
        if encoding == "utf-8":  # valid UTF-8 (which never decodes to surrogates): already what we return
            return data
    except UnicodeError as exc:
        name = what or encoding.upper()
        offset = f" (first at byte offset {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        try:
            text = data.decode(encoding, "replace")
        except Exception:  # a codec that cannot even replace: read as UTF-8
            notes.append(f"bytes not readable as {name}; read as UTF-8, invalid bytes replaced with U+FFFD")
            return data.decode("utf-8", "replace").encode("utf-8")
        notes.append(f"bytes invalid in {name}{offset} replaced with U+FFFD")
    return _utf8(text)


def _utf8(text: str) -> bytes:
    # Some codecs decode to lone surrogates (UTF-16 with 'replace' does not, a few CJK codecs may): U+FFFD.
    # Only they make the strict encode fail, which costs nothing otherwise (a regex scan costs a third of a parse).
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").encode("utf-8")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeError:
        return None


def _mojibake(text: str, codec: str) -> str:
    """The first non-ASCII stretch of the page (with a few characters around it), as the declared codec reads it."""
    match = _NON_ASCII.search(text)
    if match is None:
        return ""
    start = match.start()
    while start > 0 and start > match.start() - 8 and text[start - 1].isalnum():
        start -= 1
    end = match.end()
    while end < len(text) and end < match.end() + 8 and text[end].isalnum():
        end += 1
    return text[start:end].encode("utf-8").decode(codec, "replace")


_NON_ASCII = re.compile("[^\x00-\x7f]{1,8}")


# The HTML Standard reads these labels as windows-1252 (a superset: C1 bytes are characters there).
_WINDOWS_1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}
# Python codecs that are no charset a page may declare (the HTML Standard's list has none of them).
_NOT_CHARSETS = {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "palmos", "mbcs",
                 "oem", "undefined", "charmap"}


def _declared_charset(data: bytes) -> tuple[str | None, str | None]:
    """(the label a <meta charset> or http-equiv Content-Type gives in the first 4 KB, its Python codec)."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return None, None
    label = match.group(1).decode("ascii", "replace").lower()
    try:
        info = codecs.lookup(label)
    except LookupError:
        return label, None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:  # rot13, zlib: not charsets
        return label, None
    name = info.name.replace("_", "-") if info.name.startswith("utf") else info.name
    return label, "cp1252" if info.name.replace("-", "_") in _WINDOWS_1252 else name


def html_view(root, name: str, base: Location, limits: Limits | None = None) -> View:
    """Walk <head> then <body> once, collecting every element that carries metadata, at most
    `limits.max_elements` of each kind (past that: a LimitHit on the view, never a silent cut)."""
    limits = limits or Limits()
    view = View(name=name, location=base, tree=root)
    if root is None:
        return view
    lang = root.get("lang")
    if lang is not None:
        view.lang = Field(lang.strip(), _at(base, root))
    head = root.find("head")
    body = view.body = find_body(root)
    # One walk gathers, by tag, the metadata elements, the comments (seoaudit.suppress reads its ignore comments
    # from them) and the content elements of <body>: a walk costs a seventh of the parse. The loop only sorts;
    # each kind is read after it, in document order (no view list is filled from two kinds).
    found: dict = {tag: [] for tag in _METADATA_TAGS}
    found[etree.Comment] = view.comments
    if body is not None:
        view.body_elements = {key: [] for key in BODY_TAGS.values()}
    in_head: dict = {}
    for container in (head, body):
        if container is None:
            continue
        route = found if container is head or view.body_elements is None else \
            {**found, **{tag: view.body_elements[key] for tag, key in BODY_TAGS.items()}}
        for element in container.iter(*route):
            route[element.tag].append(element)
        if container is head:
            in_head = {tag: len(found[tag]) for tag in _METADATA_TAGS}  # the first n of each kind are in <head>
    most = limits.max_elements
    for tag in _METADATA_TAGS:
        elements = found[tag]
        collect, head_count = _COLLECT[tag], in_head.get(tag, 0)
        for index, element in enumerate(elements[:most]):
            collect(view, element, index < head_count, base, limits)
        if len(elements) > most:
            view.limit_hits.append(LimitHit(
                "max-elements", f"{len(elements):,} <{tag}> elements in {name}; only the first {most:,} were read "
                "(max-elements)", base, len(elements), most))
    _comments_outside(root, (head, body), view.comments)
    return view



def head_robots(data: bytes) -> str | None:
    """The meta robots directives (`robots`, then `googlebot`) an HTML page declares, comma-joined, or None:
    what a fetch records of a canonical target (`Wire.canonical_robots`)."""
    view = html_view(parse_html_bytes(data), "target", Location())
    return ", ".join(view.robots_directives("robots") + view.robots_directives("googlebot")) or None


def find_body(root):
    """The page's <body>. libxml2 starts a second root at a stray `</html>` before `<body>`, where a browser
    keeps reading into the one body: then the body is in that root (trafilatura's business-punk page)."""
    body = root.find("body")
    if body is None:
        body = next((b for r in root.itersiblings("html") if (b := r.find("body")) is not None), None)
    return body


def _comments_outside(root, walked: tuple, found: list) -> None:
    """Add the comments the walk of <head> and <body> did not see: before and after the root element, between
    its children, in a second root (a stray `</html>`)."""
    # A loop over a stack, not a recursive closure: that would be a reference cycle holding the whole tree
    # until the garbage collector next runs (the corpus audit measured a fifth slower). Popped in page order.
    todo = [*reversed(list(root.itersiblings())), *reversed(root), *root.itersiblings(preceding=True)]
    while todo:
        node = todo.pop()
        if node.tag is etree.Comment:
            found.append(node)
        elif isinstance(node.tag, str) and all(node is not w for w in walked):
            todo.extend(reversed(node))


def _at(base: Location, element) -> Location:
    return Location(base.pointer, element.sourceline)  # positional: keywords cost a fifth more, ~10k a corpus


def _collect_title(view: View, element, in_head: bool, base: Location, limits: Limits) -> None:
    if not in_head and _inside_svg(element):
        return
    view.titles.append(Field(_squash(element.text_content()), _at(base, element), in_head))


def _collect_script(view: View, element, in_head: bool, base: Location, limits: Limits) -> None:
    kind = element.get("type")
    if kind is not None and kind.strip().lower() == "application/ld+json":
        view.jsonld.append(parse_jsonld_script(element, base, limits, view))


def _collect_meta(view: View, element, in_head: bool, base: Location, limits: Limits) -> None:
    key = (element.get("property") or element.get("name") or "").strip().lower()
    if key != "description" and key not in _BOT_METAS and not key.startswith(_KEPT_PREFIXES):
        return  # viewport, generator…: kept nowhere below, so no Field is built
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
    elif key.startswith(_KEPT_PREFIXES):
        view.meta.setdefault(key, []).append(field)


_KEPT_PREFIXES = ("og:", "twitter:", "article:", "fb:", "author")


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


def _collect_link(view: View, element, in_head: bool, base: Location, limits: Limits) -> None:
    rels = (element.get("rel") or "").lower().split()
    if "canonical" not in rels and ("alternate" not in rels or element.get("hreflang") is None):
        return  # a stylesheet, a preload…: kept nowhere below, so no Field is built
    href = element.get("href")
    if href is None:
        return
    attrs = {k: v for k, v in element.attrib.items() if k not in ("rel", "href")}
    field = Field(href.strip(), _at(base, element), in_head, attrs or None)
    if "canonical" in rels:
        view.canonicals.append(field)
    elif "alternate" in rels and element.get("hreflang") is not None:
        view.hreflang.append(field)


_COLLECT = {"title": _collect_title, "meta": _collect_meta, "link": _collect_link, "script": _collect_script}


def parse_jsonld_script(element, base: Location, limits: Limits | None = None, view: View | None = None) -> JsonLdBlock:
    """One JSON-LD `<script>` block (see `parse_jsonld_text`)."""
    return parse_jsonld_text(element.text or "", _at(base, element), element.get("class"), limits, view)


def parse_jsonld_text(text: str, location: Location, css_class: str | None = None, limits: Limits | None = None,
                      view: View | None = None) -> JsonLdBlock:
    """One JSON-LD text, parsed strictly (seoaudit.strict_json); `location.line` is the line it starts on. A
    block nested deeper than `limits.max_json_depth` keeps no data and leaves a LimitHit on `view`."""
    limits = limits or Limits()
    block = JsonLdBlock(location=location, css_class=css_class, text=text)
    try:
        block.data = strict_json.loads(text)
    except json.JSONDecodeError as exc:
        line = (location.line or 1) + exc.lineno - 1
        block.error = f"{exc.msg.removesuffix(' at')} at line {exc.lineno}, column {exc.colno} of the block"
        block.error_location = Location(pointer=location.pointer, line=line, column=exc.colno)
        return block
    except RecursionError:
        block.data = None
        _too_deep(view, location, limits)
        return block
    except ValueError as exc:  # NaN, Infinity, 1e400, a 5000-digit integer
        block.error = str(exc)
        block.error_location = location
        return block
    # A block cannot nest deeper than it has brackets: counting them (in C) spares the walk of nearly every graph.
    brackets = text.count("{") + text.count("[")
    if brackets > limits.max_json_depth and json_depth_exceeds(block.data, limits.max_json_depth):
        block.data = None
        _too_deep(view, location, limits)
    elif strict_json.may_hold_surrogates(text):
        block.data, count = strict_json.replace_lone_surrogates(block.data)
        if count and view is not None:
            view.notes.append(f"JSON-LD block at line {location.line}: {strict_json.surrogate_note(count)}")
    return block


def _too_deep(view: View | None, location: Location, limits: Limits) -> None:
    if view is not None:
        view.limit_hits.append(LimitHit(
            "max-json-depth", f"JSON-LD block in {view.name} is nested more than {limits.max_json_depth} levels "
            "deep (max-json-depth); its graph was not read", location, None, limits.max_json_depth))


def _inside_svg(element) -> bool:
    return any(ancestor.tag == "svg" for ancestor in element.iterancestors())


def _squash(text: str) -> str:
    return " ".join(text.split())
