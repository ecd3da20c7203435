"""The `post` view: the fields WordPress itself returns, the truth the SEO metadata must agree with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Location
from .plugin_json import text
from .view import Field

# Statuses whose `link` WordPress forces to a plain ?p= / ?page_id= URL (wp_force_plain_post_permalink).
PLACEHOLDER_STATUSES = frozenset({"draft", "pending", "future", "auto-draft"})


@dataclass(slots=True)
class PostFields:
    kind: str
    type: str | None
    status: str | None
    link: Field | None
    title: Field | None
    excerpt: Field | None
    date_gmt: Field | None
    modified_gmt: Field | None
    slug: str | None
    generated_slug: str | None
    permalink_template: str | None
    content_html: str | None
    embedded: dict[str, Any] | None
    location: Location

    @property
    def is_placeholder(self) -> bool:
        """Draft, pending or scheduled: the link and every URL built from it will change on publish."""
        return self.status in PLACEHOLDER_STATUSES

    @property
    def is_published(self) -> bool:
        # Terms and users have no status: they are public archives.
        return self.status is None or self.status == "publish"


def post_fields(data: dict, kind: str, base: Location) -> PostFields:
    def rendered(key: str) -> Field | None:
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("rendered")
        return Field(text(value), base.child(key, "rendered")) if isinstance(value, str) else None

    def plain(key: str) -> Field | None:
        value = data.get(key)
        return Field(str(value).strip(), base.child(key)) if isinstance(value, str) else None

    title = rendered("title") if isinstance(data.get("title"), dict) else plain("name")
    content = data.get("content")
    embedded = data.get("_embedded")
    return PostFields(
        kind=kind,
        type=_str(data.get("type")),
        status=_str(data.get("status")),
        link=plain("link"),
        title=title,
        excerpt=rendered("excerpt"),
        date_gmt=plain("date_gmt"),
        modified_gmt=plain("modified_gmt"),
        slug=_str(data.get("slug")),
        generated_slug=_str(data.get("generated_slug")),
        permalink_template=_str(data.get("permalink_template")),
        content_html=content.get("rendered") if isinstance(content, dict) and isinstance(
            content.get("rendered"), str) else None,
        embedded=embedded if isinstance(embedded, dict) else None,
        location=base,
    )


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def graphql_post_fields(node: dict, kind: str, base: Location) -> PostFields:
    """A WPGraphQL node's own fields (`link`, `uri`, `status`, `title`, `dateGmt`, …), as far as the query asked
    for them. WPGraphQL answers `title` and `excerpt` rendered (the_title, the_excerpt) and dates without offset,
    in UTC for `dateGmt` and `modifiedGmt`, as REST does."""
    def plain(key: str, read=str.strip) -> Field | None:
        value = node.get(key)
        return Field(read(value), base.child(key)) if isinstance(value, str) else None

    content = node.get("content")
    type_name = node.get("contentTypeName") or node.get("__typename")
    return PostFields(
        kind=kind,
        type=type_name.lower() if isinstance(type_name, str) else None,
        status=_str(node.get("status")),
        link=plain("link"),
        title=plain("title", text) if "title" in node else plain("name", text),
        excerpt=plain("excerpt", text),
        date_gmt=plain("dateGmt"),
        modified_gmt=plain("modifiedGmt"),
        slug=_str(node.get("slug")),
        generated_slug=None,
        permalink_template=None,
        content_html=content if isinstance(content, str) else None,
        embedded=None,
        location=base,
    )
