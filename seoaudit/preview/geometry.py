"""How a card puts an image in its frame: cropped to the frame's ratio (`cover`, the centre kept, as
Facebook, LinkedIn and X do) or scaled whole into a box (`contain`, as Slack and Discord do).

Pure arithmetic on pixel sizes; nothing here reads or fetches an image.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Crop:
    """The part of a `width`×`height` image a frame shows: the rectangle (x, y, w, h) in image pixels, the
    share of the image cut off, and the size it is drawn at in the frame (CSS pixels)."""

    x: int
    y: int
    w: int
    h: int
    lost: float  # 0.0 (nothing cut) to 1.0
    drawn_w: int
    drawn_h: int

    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h, "lost": round(self.lost, 4),
                "drawn_w": self.drawn_w, "drawn_h": self.drawn_h}


def cover(width: int, height: int, ratio: float, frame_w: int) -> Crop:
    """The centred crop of a `width`×`height` image to `ratio` (width / height), drawn `frame_w` wide."""
    if width / height > ratio:  # wider than the frame: the sides go
        kept_w, kept_h = round(height * ratio), height
    else:  # taller: the top and bottom go
        kept_w, kept_h = width, round(width / ratio)
    kept_w, kept_h = max(1, min(kept_w, width)), max(1, min(kept_h, height))
    x, y = (width - kept_w) // 2, (height - kept_h) // 2
    lost = 1 - (kept_w * kept_h) / (width * height)
    return Crop(x, y, kept_w, kept_h, lost, frame_w, round(frame_w / ratio))


def contain(width: int, height: int, box_w: int, box_h: int, upscale: bool = False) -> Crop:
    """The whole `width`×`height` image scaled to fit a `box_w`×`box_h` box, ratio kept (never enlarged
    unless `upscale`): nothing is cut."""
    scale = min(box_w / width, box_h / height)
    if not upscale:
        scale = min(scale, 1.0)
    return Crop(0, 0, width, height, 0.0, max(1, round(width * scale)), max(1, round(height * scale)))


def ratio_label(width: int, height: int) -> str:
    """"1.91:1", "2:1", "1:1", "4:3" (a small exact fraction when there is one)."""
    exact = Fraction(width, height)
    if exact.denominator <= 10 and exact.numerator <= 21:
        return f"{exact.numerator}:{exact.denominator}"
    return f"{width / height:.2f}".rstrip("0").rstrip(".") + ":1"
