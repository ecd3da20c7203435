"""Which URLs a page declares: every URL-valued metadata field (canonical, Open Graph, Twitter, hreflang, every
schema.org URL), what each is for, and the URLs live mode probes (the canonical target and the page's images).

One answer for the url rules, the image rules and live mode's fetch worker (which builds no `Page`: it asks
`probe_urls` of the views it extracted).

Each URL is tagged with a `kind`, which decides what a rule may ask of it:
- `canonical`: a rel=canonical (the canonical rules own its form);
- `page`: names this page or this site (og:url, twitter:url, schema WebPage/Article/WebSite `@id` and
  `url`, breadcrumb `item`, action `target`/`urlTemplate`) and must be on the site;
- `site-id`: the `@id` of a top-level WebSite/Organization/Person (`schema/id-off-site` owns its host);
- `media`: an image or other file (og:image, twitter:image, ImageObject `url`/`contentUrl`, `logo`),
  which may live on a CDN;
- `external`: points at another site by design (`sameAs`, `article:author`, a Person's or an
  Organization's `url`, any other schema URL property);
- `alternate`: an hreflang alternate (another language version may be on another domain).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from seoaudit import urls
from seoaudit.extract.view import View
from seoaudit.graph import build_graph, is_data_island
from seoaudit.limits import Limits
from seoaudit.model import Location

from . import derived
from .images import object_url, primary_objects
from .schema_types import ARTICLE, BREADCRUMB, WEBPAGE, WEBSITE

MEDIA_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
              "og:video", "og:video:url", "og:video:secure_url", "og:audio", "og:audio:url")
PAGE_META = ("og:url", "twitter:url")
EXTERNAL_META = ("article:author", "article:publisher")

PAGE_TYPES = WEBPAGE | WEBSITE | BREADCRUMB | ARTICLE | {"ListItem", "SearchAction", "ReadAction", "CommentAction",
                                                      "EntryPoint"}
MEDIA_TYPES = frozenset({"ImageObject", "MediaObject", "VideoObject", "AudioObject", "ImageObjectSnapshot"})
SITE_ENTITY_TYPES = frozenset({"WebSite", "Organization", "Person", "Corporation", "LocalBusiness",
                               "NewsMediaOrganization", "OnlineBusiness", "OnlineStore"})
PAGE_PROPS = frozenset({"@id", "url", "item", "target", "urlTemplate", "mainEntityOfPage", "isPartOf"})
MEDIA_PROPS = frozenset({"contentUrl", "thumbnailUrl", "embedUrl", "logo", "image", "thumbnail"})


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention; not frozen, as for Location (model.py)
class MetaUrl:
    value: str
    label: str  # how a message names it: "og:url", "schema WebPage url", "Person sameAs"
    base: Location  # the field, or the JSON-LD block the value sits in
    view: str
    kind: str
    path: tuple = ()  # JSON tokens below `base` (the location is built only when a finding needs it)

    @property
    def location(self) -> Location:
        return self.base.child(*self.path) if self.path else self.base

    @property
    def parsed(self) -> urls.Url | None:
        return urls.parse(self.value)


@derived
def declared_urls(page) -> list[MetaUrl]:
    """Every URL-valued metadata field of every view, the primary view first, once per (value, label); computed
    once per page (the url rules and the image rules ask)."""
    return unique([item for view in page.ranked_views for item in view_urls(view)])


def unique(items: list[MetaUrl]) -> list[MetaUrl]:
    """One entry per (value, label): `yoast_head` repeating `yoast_head_json` is reported once."""
    seen: set = set()
    kept = []
    for item in items:
        key = (item.value, item.label)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def view_urls(view: View) -> list[MetaUrl]:
    """Every URL-valued metadata field of one view, in document order."""
    found: list[MetaUrl] = []
    add = found.append
    for field in view.canonicals:
        if field.value:
            add(MetaUrl(field.value, "canonical", field.location, view.name, "canonical"))
    for keys, kind in ((PAGE_META, "page"), (MEDIA_META, "media"), (EXTERNAL_META, "external")):
        for key in keys:
            for field in view.meta.get(key, ()):
                if field.value:
                    add(MetaUrl(field.value, key, field.location, view.name, kind))
    for field in view.hreflang:
        if field.value:
            add(MetaUrl(field.value, f"hreflang {(field.attrs or {}).get('hreflang', '')}".strip(),
                        field.location, view.name, "alternate"))
    for block in view.jsonld:
        if block.error is not None or block.data is None or is_data_island(block.data):
            continue
        if isinstance(block.data, list):  # each top-level object on its own: application data is skipped
            for index, item in enumerate(block.data):
                if isinstance(item, dict | list) and not is_data_island(item):
                    _walk(item, block.location, (index,), view.name, (), True, None, add)
        else:
            _walk(block.data, block.location, (), view.name, (), True, None, add)
    return found


def _walk(data, block: Location, path: tuple, view: str, types: tuple, top: bool, prop: str | None, add) -> None:
    """`add` every URL below `data`, in document order (appending, not yielding: a generator nested as deep
    as the JSON costs a frame switch per level for every URL)."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict | list):
                _walk(item, block, (*path, index), view, types, top, prop, add)
        return
    if not isinstance(data, dict):
        return
    raw = data.get("@type")
    if isinstance(raw, str):  # the usual case, without a generator
        own: tuple = (raw,)
    else:
        own = tuple(t for t in raw if isinstance(t, str)) if isinstance(raw, list) else ()
    if "@graph" in data:
        _walk(data["@graph"], block, (*path, "@graph"), view, (), True, None, add)
    node_types = own or (() if "@type" in data or "@id" in data else types)
    for key, value in data.items():
        if isinstance(value, str):
            # "/" first: every URL _looks_like_url accepts outside _URL_KEYS has one, most texts have none
            if ((key in _URL_KEYS or "/" in value) and key not in _SKIPPED and _looks_like_url(key, value)
                    and not _vocabulary(value)):
                add(MetaUrl(value.strip(), f"schema {_label(own, prop)} {key}", block, view,
                            _schema_kind(key, own, top, prop), (*path, key)))
        elif isinstance(value, dict):
            if key != "@graph":
                _walk(value, block, (*path, key), view, node_types, False, key, add)
        elif isinstance(value, list) and key not in _SKIPPED:
            for index, item in enumerate(value):
                if isinstance(item, str):
                    if (key in _URL_KEYS or "/" in item) and _looks_like_url(key, item) and not _vocabulary(item):
                        add(MetaUrl(item.strip(), f"schema {_label(own, prop)} {key}", block, view,
                                    _schema_kind(key, own, top, prop), (*path, key, index)))
                elif isinstance(item, dict | list):
                    _walk(item, block, (*path, key, index), view, node_types, False, key, add)


_SKIPPED = frozenset({"@graph", "@context", "@type"})
_URL_KEYS = PAGE_PROPS | MEDIA_PROPS | {"sameAs"}  # where _looks_like_url takes any value but a blank node


def _label(types: tuple, prop: str | None) -> str:
    return "/".join(types) or (f"{prop} reference" if prop else "node")


def _vocabulary(value: str) -> bool:
    """A schema.org term written as a URL (`http://schema.org/InStock`): an identifier, never fetched."""
    return value.lower().startswith(("http://schema.org/", "https://schema.org/"))


def _looks_like_url(key: str, value: str) -> bool:
    text = value.strip()
    if key in _URL_KEYS:
        return bool(text) and not text.startswith(("_:", "#"))
    return text[:8].lower().startswith(("http://", "https://", "//"))


def _schema_kind(key: str, types: tuple, top: bool, prop: str | None) -> str:
    if key == "sameAs":
        return "external"
    if any(t in MEDIA_TYPES for t in types) or key in MEDIA_PROPS or prop in ("logo", "image", "thumbnail"):
        return "media"
    if key == "@id" and top and any(t in SITE_ENTITY_TYPES and t != "WebSite" for t in types):
        return "site-id"
    if key == "@id" and top and "WebSite" in types:
        return "site-id"
    if key in PAGE_PROPS and (any(t in PAGE_TYPES for t in types) or (not types and prop in PAGE_PROPS)):
        return "page"
    return "external"


SOCIAL_IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")


def social_image_urls(page) -> set[str]:
    """Every og:image and twitter:image URL of every producer: the images a share preview shows."""
    return {item.value for item in declared_urls(page) if item.label in SOCIAL_IMAGE_META}


# -- what live mode probes ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProbeUrls:
    canonical: str | None  # the primary view's canonical, when it is a URL
    images: list[str]  # the absolute http(s) URLs of the images that stand for the page, each once


def probe_urls(ranked_views: Iterable[View], limits: Limits) -> ProbeUrls:
    """What live mode fetches besides the page, from its views in rank order (the first speaks for the page; the
    rest are read only when it carries no JSON-LD): its canonical, and its images: og:image (every one),
    twitter:image, and the primary or article ImageObjects of its graph (never avatars or logos)."""
    views = iter(ranked_views)
    primary = next(views, None)
    if primary is None:
        return ProbeUrls(None, [])
    canonical = primary.canonical.value if primary.canonical is not None else None
    found = [image.url.value for image in primary.og_images if image.url and image.url.value]
    twitter = primary.first("twitter:image")
    if twitter is not None:
        found.append(twitter.value)
    schema = primary if primary.jsonld else next((view for view in views if view.jsonld), None)
    if schema is not None:
        try:
            graph = build_graph(schema.jsonld, limits.max_graph_depth, limits.max_jsonld_nodes)
            found += [url for node in primary_objects(graph) if (url := object_url(node))]
        except Exception:  # a graph we cannot read is the schema rules' business
            pass
    return ProbeUrls(canonical if canonical and urls.parse(canonical) is not None else None,
                     [u for u in dict.fromkeys(found) if urls.parse(u) is not None])
