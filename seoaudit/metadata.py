"""The extracted metadata of a page as the JSON report shows it: what the primary producer says."""

from __future__ import annotations

from typing import Any

from .page import Page


def page_metadata(page: Page, structured_data: bool = True) -> dict[str, Any]:
    view = page.primary
    meta: dict[str, Any] = {
        "producers": list(page.views),
        "title": None,
        "description": None,
        "canonical": None,
        "robots": None,
        "og": {},
        "twitter": {},
        "jsonld": [],
        "seo_plugins": [{"name": p.name, **({"version": p.version} if p.version else {}), "evidence": p.evidence}
                        for p in page.seo_plugins],
    }
    if page.post is not None:
        post = page.post
        meta["post"] = {
            "type": post.type,
            "status": post.status,
            "link": post.link.value if post.link else None,
            "title": post.title.value if post.title else None,
            "date_gmt": post.date_gmt.value if post.date_gmt else None,
            "modified_gmt": post.modified_gmt.value if post.modified_gmt else None,
        }
    if view is None:
        return meta
    meta["title"] = view.title.value if view.title else None
    meta["description"] = view.description.value if view.description else None
    meta["canonical"] = view.canonical.value if view.canonical else None
    robots = view.robots.get("robots")
    meta["robots"] = robots[0].value if robots else None
    for key, fields in view.meta.items():
        group = "og" if key.startswith(("og:", "article:")) else "twitter" if key.startswith("twitter:") else None
        if group:
            values = [f.value for f in fields]
            meta[group][key] = values[0] if len(values) == 1 else values
    meta["og_images"] = [
        {part: getattr(image, part).value for part in ("url", "width", "height", "alt", "type")
         if getattr(image, part) is not None}
        for image in view.og_images
    ]
    schema_view = page.schema_view
    if schema_view is not None:
        meta["jsonld"] = [block.data for block in schema_view.jsonld if block.error is None]
    if structured_data and page.kind == "html" and page.structured_data:
        meta.update(page.structured_data)
    return meta


def headline(page: Page) -> dict[str, Any]:
    """What the terminal report shows of a page: the fields of `page_metadata` that name it."""
    view = page.primary
    meta: dict[str, Any] = {"seo_plugins": [{"name": p.name, **({"version": p.version} if p.version else {})}
                                            for p in page.seo_plugins]}
    if view is not None:
        meta["title"] = view.title.value if view.title else None
        meta["canonical"] = view.canonical.value if view.canonical else None
    if page.post is not None:
        post = page.post
        meta["post"] = {"title": post.title.value if post.title else None,
                        "link": post.link.value if post.link else None}
    return meta
