"""What the X card rules share: the card type, and X's fallback from twitter:* to og:*.

X's markup reference: `twitter:title` falls back to `og:title`, `twitter:description` to
`og:description`, `twitter:image` to `og:image`; `twitter:card` to a summary card when `og:type`,
`og:title` and `og:description` exist; `twitter:site`, `twitter:creator` and `twitter:image:alt` have no
Open Graph fallback. Yoast leaves `twitter_title`/`twitter_description`/`twitter_image` out on purpose
when the Open Graph values are the same, so a missing twitter field is only a problem when its fallback
is missing too.
"""

from __future__ import annotations

from dataclasses import dataclass

from seoaudit.derive.images import og_pixels, url_key, usable_og_images
from seoaudit.derive.og import fields, prop
from seoaudit.extract.view import Field, View

CARD_TYPES = ("summary", "summary_large_image", "app", "player")
FALLBACK = {"twitter:title": "og:title", "twitter:description": "og:description", "twitter:image": "og:image"}


def card(view: View) -> Field | None:
    """The card type X uses: the last non-empty twitter:card ("the last one in sequence will take priority")."""
    found = [f for f in fields(view, "twitter:card") if f.value]
    return found[-1] if found else None


def effective(view: View, key: str) -> tuple[Field, str] | None:
    """The value X shows for `key` and the property it comes from, following the Open Graph fallback."""
    own = prop(view, key)
    if own is not None:
        return own, key
    if key == "twitter:image" and (legacy := prop(view, "twitter:image:src")) is not None:
        return legacy, "twitter:image:src"  # the card image's older name, still read
    fallback = FALLBACK.get(key)
    if fallback == "og:image":
        images = usable_og_images(view)
        return (images[0].url, "og:image") if images else None
    found = prop(view, fallback) if fallback else None
    return (found, fallback) if found is not None else None


@dataclass(frozen=True, slots=True)
class CardImage:
    url: Field
    source: str  # twitter:image, twitter:image:src or og:image
    width: int | None
    height: int | None
    type: str | None
    size_where: Field | None  # the width field the size was read from


def card_image(view: View) -> CardImage | None:
    """The card's image with the size and type declared for it: the og:image's structured properties when
    the card image is (or falls back to) an og:image, else the unofficial twitter:image:width/height."""
    found = effective(view, "twitter:image")
    if found is None:
        return None
    url, source = found
    for image in usable_og_images(view):
        if url_key(image.url.value) == url_key(url.value):
            return CardImage(url, source, og_pixels(image.width), og_pixels(image.height),
                             image.type.value if image.type is not None else None, image.width)
    width, height = prop(view, "twitter:image:width"), prop(view, "twitter:image:height")
    return CardImage(url, source, og_pixels(width), og_pixels(height), None, width)
