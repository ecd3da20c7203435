"""What the wordpress rules share: the `_embedded` resources of a REST object. Which SEO plugin produced a view
or a JSON-LD block is `seoaudit.seo_plugins`'s (`page.seo_plugins`)."""

from __future__ import annotations

from seoaudit.model import Location


def embedded(page, relation: str) -> list[tuple[dict, Location]]:
    """The embedded resources of one relation (`author`, `wp:featuredmedia`), with their locations."""
    post = page.post
    if post is None or not post.embedded:
        return []
    items = post.embedded.get(relation)
    if not isinstance(items, list):
        return []
    base = post.location.child("_embedded", relation)
    return [(item, base.child(index)) for index, item in enumerate(items) if isinstance(item, dict)]


def is_error(item: dict) -> bool:
    """WordPress embeds a relation it cannot read as `{code, message, data: {status}}`."""
    return isinstance(item.get("code"), str) and "message" in item and "id" not in item
