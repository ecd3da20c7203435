"""The normalised shape every producer is turned into, so rules compare like with like."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Location


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention; not frozen, as for Location (model.py)
class Field:
    """One value as a producer wrote it, entities decoded exactly once."""

    value: str
    location: Location
    in_head: bool = True
    attrs: dict[str, str] | None = None  # the other attributes of a <link> (hreflang, media, …)


@dataclass(frozen=True, slots=True)
class OgImage:
    """An og:image with the structured properties that follow it (og:image:width, …)."""

    url: Field
    width: Field | None = None
    height: Field | None = None
    alt: Field | None = None
    type: Field | None = None
    secure_url: Field | None = None


@dataclass(slots=True)
class JsonLdBlock:
    """One `application/ld+json` script, or a producer's decoded schema object."""

    location: Location
    data: Any = None
    error: str | None = None  # why the block is not JSON, with the line and column
    error_location: Location | None = None
    css_class: str | None = None  # yoast-schema-graph, rank-math-schema, aioseo-schema
    text: str | None = None  # the script's raw text (None for a producer's decoded object)


@dataclass(slots=True)
class View:
    """The metadata one producer emits. `name`: html, yoast_head, yoast_head_json, aioseo_head_json, seo and
    seo.fullHead (WPGraphQL), rank_math_head, seopress."""

    name: str
    location: Location
    titles: list[Field] = field(default_factory=list)
    descriptions: list[Field] = field(default_factory=list)
    canonicals: list[Field] = field(default_factory=list)
    robots: dict[str, list[Field]] = field(default_factory=dict)  # meta name (robots, googlebot) → contents
    meta: dict[str, list[Field]] = field(default_factory=dict)  # og:*, twitter:*, article:*, lowercased
    og_images: list[OgImage] = field(default_factory=list)
    jsonld: list[JsonLdBlock] = field(default_factory=list)
    hreflang: list[Field] = field(default_factory=list)
    lang: Field | None = None
    tree: Any = None  # the lxml document for HTML views, shared with extruct
    body: Any = None  # its <body> (extract.html.find_body), None without one
    # HTML views: the <body>'s "a", "img", "headings" (h1–h3), "noscript" and "template" elements, in document
    # order (extract.html.BODY_TAGS); None without a <body>
    body_elements: dict[str, list[Any]] | None = None
    comments: list[Any] = field(default_factory=list)  # HTML views: the tree's comment nodes (seoaudit.suppress)
    limit_hits: list[Any] = field(default_factory=list)  # seoaudit.limits.LimitHit: what was not read, and why
    notes: list[str] = field(default_factory=list)  # what extraction repaired (input/bad-encoding says it)
    producer: str | None = None  # the SEO plugin that made it, when the input says so ("Yoast SEO", "Rank Math")
    # The properties (title, description, canonical, og:title, twitter:card, …) this producer can state: None for
    # a whole head or a plugin object that leaves out only what it does not output. A GraphQL answer holds only
    # the fields the query asked for, and plugin APIs expose a subset: there, a property not listed is unknown.
    stated: frozenset[str] | None = None

    def first(self, key: str) -> Field | None:
        """The first value of an og:/twitter:/article: property, as consumers read it."""
        values = self.meta.get(key)
        return values[0] if values else None

    @property
    def title(self) -> Field | None:
        return self.titles[0] if self.titles else None

    @property
    def description(self) -> Field | None:
        return self.descriptions[0] if self.descriptions else None

    @property
    def canonical(self) -> Field | None:
        """The canonical search engines use: the first non-empty one inside <head> (Lighthouse skips
        a canonical with no href)."""
        return next((c for c in self.canonicals if c.in_head and c.value), None)

    def states(self, prop: str) -> bool:
        """Whether this producer says if `prop` is output: when it cannot, its absence is no finding."""
        return self.stated is None or prop in self.stated

    def robots_directives(self, bot: str = "robots") -> list[str]:
        """Lowercased directives of `<meta name=bot>`, split on commas."""
        return [d.strip().lower() for f in self.robots.get(bot, ()) for d in f.value.split(",") if d.strip()]
