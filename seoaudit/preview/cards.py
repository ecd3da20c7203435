"""The share cards of a page, as Facebook, LinkedIn, X, Slack and Discord build them from its Open Graph and
X card tags: which tag each reads, how it cuts the title and description, how it frames the image.

What each does, and where that comes from (the platforms publish image specs, not their layout; where a
layout figure is a third party's measurement it is marked [secondary]):
- Facebook: og:title (else `<title>`), og:description (else the meta description), the first og:image. An
  image of at least 600×315 is shown large, cropped to 1.91:1; a smaller one as a square thumbnail; under
  200×200 it is refused (Facebook, "Images in link shares": "minimum allowed image dimension is 200 x 200",
  "at least 600 x 315" for the large format, "as close to 1.91:1 as possible"). Title in two lines,
  description in one, in a 500 px card [secondary: layout measured by share-preview tools].
- LinkedIn: og:title, the first og:image, cropped to 1.91:1 (1200×627 recommended); narrower than 401 px it
  is a thumbnail [secondary: peek.dt.tools, LinkedIn Post Inspector guides]; no description in the feed;
  title in two lines.
- X: the card type is twitter:card (the last one); without it a summary card "may be rendered" when og:type,
  og:title and og:description exist. twitter:title, twitter:description and twitter:image fall back to
  og:title, og:description and og:image (X, "Cards markup reference"). summary: the image cropped to a
  square ("cropped to a square on all platforms", at least 144×144), title at most 70 characters and
  description at most 200 (X's limits), one and two lines beside the image. summary_large_image: the image
  cropped to 2:1 (at least 300×157, at most 4096×4096); since October 2023 X shows only the image with the
  domain over it, no title or description (reported by The Verge and PCMag, 2023-10-05); without an image
  X shows a summary card instead [secondary: T. Fine, "How to get headlines back on X", 2023].
- Slack: og:site_name (else the host) over the title, the whole title (Slack wraps it), the description cut
  at about 300 characters [secondary: previewog.com]; the image large (scaled to at most 360 px wide and
  500 px high, never cropped) for summary_large_image, else a thumbnail whose longest side is 75 px (Slack
  API, legacy message attachments: `image_url`, `thumb_url`; M. Haughey, "Everything you ever wanted to know
  about unfurling", Slack, 2015).
- Discord: og:site_name over the title; the title cut past 70 bytes of UTF-8 to 67 and "...", the
  description past 350 bytes to 347 [secondary: measured and posted on Mastodon, #000abc, 2024]; the image
  large (scaled into 400×300, not cropped) for summary_large_image, else an 80×80 thumbnail beside the text
  [secondary: opengraphplus.com, "Discord embed images"].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from . import fields
from .geometry import Crop, contain, cover, ratio_label
from .images import RealImage
from .text import Printed, clamp, fit_chars, fit_lines, whole


@dataclass(frozen=True, slots=True)
class CardImage:
    url: str
    source: str  # og:image, twitter:image
    width: int | None  # the size the card is built from: the real one when known, else the declared one
    height: int | None
    size_origin: str | None  # "live" (fetched), "file" (next to the saved page), "declared", None (unknown)
    declared: tuple[int | None, int | None]
    frame: str  # "1.91:1", "2:1", "1:1", "fit in 360×500"
    fit: str  # "cover" (cropped to the frame) or "contain" (scaled whole)
    crop: Crop | None  # None while the size is unknown
    state: str  # "shown", "unknown-size", "refused"
    label: str  # for a placeholder and for the terminal
    alt: str | None = None
    real: bool = False  # real pixels are at hand (the HTML report embeds them)

    def to_dict(self) -> dict:
        return {"url": self.url, "source": self.source, "width": self.width, "height": self.height,
                "size_origin": self.size_origin, "declared": list(self.declared), "frame": self.frame,
                "fit": self.fit, "crop": self.crop.to_dict() if self.crop else None, "state": self.state,
                "label": self.label, "alt": self.alt, "real": self.real}


@dataclass(frozen=True, slots=True)
class Card:
    platform: str  # facebook, linkedin, x, slack, discord
    name: str
    layout: str  # "large", "small" (a thumbnail), "text" (no image), "none" (no card)
    variant: str  # X's card type, else ""
    site: str | None
    title: Printed | None
    title_source: str | None
    description: Printed | None
    description_source: str | None
    image: CardImage | None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"platform": self.platform, "name": self.name, "layout": self.layout, "variant": self.variant,
                "site": self.site, "title": self.title.to_dict() if self.title else None,
                "title_source": self.title_source,
                "description": self.description.to_dict() if self.description else None,
                "description_source": self.description_source,
                "image": self.image.to_dict() if self.image else None, "notes": list(self.notes)}


def cards(meta: dict, real: Mapping[str, RealImage] | None = None) -> list[Card]:
    real = real or {}
    return [facebook(meta, real), linkedin(meta, real), x(meta, real), slack(meta, real), discord(meta, real)]


# -- the image ------------------------------------------------------------------------------------------------


def _size(declared: fields.DeclaredImage, real: Mapping[str, RealImage]) -> tuple[int | None, int | None, str | None,
                                                                                 bool]:
    """(width, height, where the size comes from, real pixels at hand)."""
    found = real.get(declared.url)
    if found is not None and found.width and found.height:
        return found.width, found.height, found.origin, found.data is not None or found.path is not None
    if declared.width and declared.height:
        return declared.width, declared.height, "declared", False
    return None, None, None, False


def _framed(declared: fields.DeclaredImage, real: Mapping[str, RealImage], *, ratio: float, frame_w: int,
            minimum: tuple[int, int], platform: str) -> CardImage:
    """An image cropped to `ratio` (`cover`), refused under `minimum`."""
    width, height, origin, has_pixels = _size(declared, real)
    declared_size = (declared.width, declared.height)
    frame = ratio_label(round(ratio * 100), 100)
    if width is None or height is None:
        return CardImage(declared.url, declared.source, None, None, None, declared_size, frame, "cover", None,
                         "unknown-size", f"image of unknown size (no {declared.source}:width/height declared), "
                         f"{platform} crops it to {frame}", declared.alt, has_pixels)
    size = f"{width}×{height} ({origin})"
    if width < minimum[0] or height < minimum[1]:
        return CardImage(declared.url, declared.source, width, height, origin, declared_size, frame, "cover", None,
                         "refused", f"{size}: under {platform}'s minimum {minimum[0]}×{minimum[1]}, not shown",
                         declared.alt, has_pixels)
    crop = cover(width, height, ratio, frame_w)
    return CardImage(declared.url, declared.source, width, height, origin, declared_size, frame, "cover", crop,
                     "shown", f"{size}, cropped to {frame}: {crop.w}×{crop.h} kept, {crop.lost:.0%} cut off",
                     declared.alt, has_pixels)


def _scaled(declared: fields.DeclaredImage, real: Mapping[str, RealImage], *, box: tuple[int, int],
            platform: str) -> CardImage:
    """An image scaled whole into `box` (`contain`)."""
    width, height, origin, has_pixels = _size(declared, real)
    frame = f"fit in {box[0]}×{box[1]}"
    if width is None or height is None:
        return CardImage(declared.url, declared.source, None, None, None, (declared.width, declared.height), frame,
                         "contain", None, "unknown-size", f"image of unknown size, {platform} scales it to fit "
                         f"{box[0]}×{box[1]}", declared.alt, has_pixels)
    crop = contain(width, height, *box)
    return CardImage(declared.url, declared.source, width, height, origin, (declared.width, declared.height), frame,
                     "contain", crop, "shown", f"{width}×{height} ({origin}), shown {crop.drawn_w}×{crop.drawn_h}, "
                     "not cropped", declared.alt, has_pixels)


# -- the platforms ----------------------------------------------------------------------------------------------

FACEBOOK_TEXT_PX = 476  # a 500 px card, 12 px padding
LINKEDIN_TEXT_PX = 528  # a 552 px card, 12 px padding
X_SUMMARY_TEXT_PX = 350  # a 504 px card beside a 130 px square
X_TITLE_CHARS, X_DESCRIPTION_CHARS = 70, 200
SLACK_DESCRIPTION_CHARS = 300
DISCORD_TITLE_BYTES, DISCORD_DESCRIPTION_BYTES = 70, 350


def _domain(meta: dict) -> str | None:
    url = fields.pick(meta, "og:url") or fields.page_url(meta)
    return fields.host(url.text if url else None)


def _value(found: fields.Value | None) -> tuple[str | None, str | None]:
    return (found.text, found.source) if found else (None, None)


def facebook(meta: dict, real: Mapping[str, RealImage]) -> Card:
    title, title_source = _value(fields.pick(meta, "og:title", "title"))
    description, description_source = _value(fields.pick(meta, "og:description", "description"))
    images = fields.og_images(meta)
    image = None
    layout = "text"
    if images:
        large = _framed(images[0], real, ratio=1.91, frame_w=500, minimum=(200, 200), platform="Facebook")
        small = large.width is not None and (large.width < 600 or large.height < 315) and large.state == "shown"
        image = _framed(images[0], real, ratio=1.0, frame_w=158, minimum=(200, 200),
                        platform="Facebook") if small else large
        layout = "text" if image.state == "refused" else "small" if small else "large"
    domain = _domain(meta)
    return Card("facebook", "Facebook", layout, "", domain.upper() if domain else None,
                fit_lines(title, FACEBOOK_TEXT_PX, 16, 2, word_cut=False) if title else None, title_source,
                fit_lines(description, FACEBOOK_TEXT_PX, 14, 1, word_cut=False) if description else None,
                description_source, image)


def linkedin(meta: dict, real: Mapping[str, RealImage]) -> Card:
    title, title_source = _value(fields.pick(meta, "og:title", "title"))
    images = fields.og_images(meta)
    image = None
    layout = "text"
    if images:
        image = _framed(images[0], real, ratio=1.91, frame_w=552, minimum=(1, 1), platform="LinkedIn")
        if image.width is not None and image.width < 401:
            image = _framed(images[0], real, ratio=1.0, frame_w=128, minimum=(1, 1), platform="LinkedIn")
            layout = "small"
        else:
            layout = "large"
    return Card("linkedin", "LinkedIn", layout, "", _domain(meta),
                fit_lines(title, LINKEDIN_TEXT_PX, 14, 2, word_cut=False) if title else None, title_source,
                None, None, image, ("LinkedIn shows no description in the feed",))


def x_card_type(meta: dict) -> tuple[str | None, str]:
    """(the card type X renders or None for no card, why)."""
    declared = (meta.get("twitter") or {}).get("twitter:card")
    values = [v for v in (declared if isinstance(declared, list) else [declared]) if isinstance(v, str) and v.strip()]
    if values:
        return values[-1].strip(), "twitter:card"
    if all(fields.pick(meta, key) for key in ("og:type", "og:title", "og:description")):
        return "summary", "no twitter:card: X renders a summary card from og:type, og:title and og:description"
    return None, "no twitter:card, and not all of og:type, og:title, og:description: X shows a plain link"


def x(meta: dict, real: Mapping[str, RealImage]) -> Card:
    card_type, why = x_card_type(meta)
    title, title_source = _value(fields.pick(meta, "twitter:title", "og:title"))
    description, description_source = _value(fields.pick(meta, "twitter:description", "og:description"))
    declared = fields.twitter_image(meta)
    domain = _domain(meta)
    notes = [why] if card_type is None or why != "twitter:card" else []
    if card_type not in ("summary", "summary_large_image"):
        if card_type is not None:
            notes.append(f"card type {card_type!r}: not previewed (app and player cards need X's approval)")
        return Card("x", "X", "none", card_type or "", domain, None, None, None, None, None, tuple(notes))
    if card_type == "summary_large_image" and declared is not None:
        image = _framed(declared, real, ratio=2.0, frame_w=504, minimum=(300, 157), platform="X")
        if image.state != "refused":
            notes.append("since October 2023 X shows a large card's image with the domain over it, "
                         "without the title or description")
            return Card("x", "X", "large", card_type, domain, None, title_source, None, description_source, image,
                        tuple(notes))
        notes.append(image.label)
    elif card_type == "summary_large_image":
        notes.append("summary_large_image without an image: X shows a summary card")
    image = None
    if declared is not None and card_type == "summary":
        image = _framed(declared, real, ratio=1.0, frame_w=130, minimum=(144, 144), platform="X")
    shown_title = clamp(title, X_TITLE_CHARS, X_SUMMARY_TEXT_PX, 15, 1) if title else None
    shown_description = clamp(description, X_DESCRIPTION_CHARS, X_SUMMARY_TEXT_PX, 15, 2) if description else None
    layout = "small" if image is not None and image.state != "refused" else "text"
    return Card("x", "X", layout, "summary", domain, shown_title, title_source, shown_description,
                description_source, image, tuple(notes))


def _chat(meta: dict, real: Mapping[str, RealImage], platform: str, name: str, *, large_box: tuple[int, int],
          thumb_box: tuple[int, int], site_fallback: str | None, title_cut, description_cut) -> Card:
    """A chat app's unfurl (Slack, Discord): og: tags first, then twitter:, then the page's own; the image large
    for summary_large_image, else a thumbnail, scaled and never cropped."""
    site = fields.pick(meta, "og:site_name")
    title, title_source = _value(fields.pick(meta, "og:title", "twitter:title", "title"))
    description, description_source = _value(fields.pick(meta, "og:description", "twitter:description",
                                                         "description"))
    declared = (fields.og_images(meta) or [None])[0] or fields.twitter_image(meta)
    large = x_card_type(meta)[0] == "summary_large_image"
    image = None
    if declared is not None:
        image = _scaled(declared, real, box=large_box if large else thumb_box, platform=name)
    return Card(platform, name, ("large" if large else "small") if image else "text", "",
                site.text if site else site_fallback, title_cut(title) if title else None, title_source,
                description_cut(description) if description else None, description_source, image)


def slack(meta: dict, real: Mapping[str, RealImage]) -> Card:
    return _chat(meta, real, "slack", "Slack", large_box=(360, 500), thumb_box=(75, 75), site_fallback=_domain(meta),
                 title_cut=whole,
                 description_cut=lambda text: fit_chars(text, SLACK_DESCRIPTION_CHARS, ellipsis="…"))


def discord(meta: dict, real: Mapping[str, RealImage]) -> Card:
    return _chat(meta, real, "discord", "Discord", large_box=(400, 300), thumb_box=(80, 80), site_fallback=None,
                 title_cut=lambda text: fit_chars(text, DISCORD_TITLE_BYTES, keep=67, in_bytes=True),
                 description_cut=lambda text: fit_chars(text, DISCORD_DESCRIPTION_BYTES, keep=347, in_bytes=True))
