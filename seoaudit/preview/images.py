"""The real images behind a page's declared ones, where a run already has them: an image that a live run
probed (`DocumentResult.images`: format and pixel size read from its first bytes), or a file next to a
saved page. An offline run never fetches anything: an image found neither way is drawn as a labelled
placeholder of its declared size.

A saved page keeps its images beside it: "Save page as… (complete)" writes `page_files/NAME` (Chrome and
Firefox), a static export keeps the site's paths (`/wp-content/uploads/…` under the export's root), and a
relative og:image names a file relative to the page. Only files inside the page's folder are read, at most
`MAX_BYTES`, and only when their first bytes are an image.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

MAX_BYTES = 8 * 1024 * 1024  # Facebook's own limit for a share image; larger files are not read
IMAGE_FORMATS = frozenset({"png", "jpeg", "gif", "webp", "avif", "svg", "bmp"})
MIME = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif",
        "svg": "image/svg+xml", "bmp": "image/bmp"}


@dataclass(frozen=True, slots=True)
class RealImage:
    url: str  # as the page declares it (made absolute)
    origin: str  # "live" (fetched by the live run) or "file" (next to the saved page)
    width: int | None
    height: int | None
    format: str | None
    path: str | None = None  # the local file
    data: bytes | None = None  # the image's bytes, once read or fetched for embedding

    @property
    def mime(self) -> str | None:
        return MIME.get(self.format or "")


def probed(images: Mapping[str, tuple] | None) -> dict[str, RealImage]:
    """The images a live run probed: URL → (width, height, format), as the engine gives them (`images`)."""
    return {url: RealImage(url, "live", width, height, kind) for url, (width, height, kind) in (images or {}).items()}


def next_to(source: str, urls: Iterable[str]) -> dict[str, RealImage]:
    """The images among `urls` that are files next to the page saved at `source` (a path)."""
    if source == "-" or not os.path.isfile(source):
        return {}
    folder = Path(source).resolve().parent
    stem = Path(source).name.split(".", 1)[0]
    found: dict[str, RealImage] = {}
    for url in urls:
        for candidate in _candidates(folder, stem, url):
            image = read_file(url, candidate)
            if image is not None:
                found[url] = image
                break
    return found


def _candidates(folder: Path, stem: str, url: str) -> list[Path]:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https", "file"):
        return []
    path = PurePosixPath(unquote(parts.path))
    if not path.name:
        return []
    found = [folder / f"{stem}_files" / path.name, folder / path.name]
    relative = path.relative_to("/") if path.is_absolute() else path
    if str(relative) not in (".", ""):
        found.insert(0, folder / relative)
    inside = []
    for candidate in found:
        if not os.path.isfile(candidate):  # most are not there: one stat, no resolving
            continue
        try:
            resolved = candidate.resolve()
        except OSError:
            continue
        if resolved.is_relative_to(folder) and resolved not in inside:
            inside.append(resolved)
    return inside


def read_file(url: str, path: Path) -> RealImage | None:
    """The image in `path` with its format and size, or None when it is no readable image."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    from seoaudit.live.fetch import sniff_format  # the live run's sniffer: one notion of an image format

    kind = sniff_format(data[:4096])
    if kind not in IMAGE_FORMATS:
        return None
    width = height = None
    if kind != "svg":
        import io

        import imagesize

        try:
            width, height = imagesize.get(io.BytesIO(data))
        except Exception:  # a truncated or odd file: its size stays unknown
            width = height = -1
        width, height = (width, height) if width > 0 and height > 0 else (None, None)
    return RealImage(url, "file", width, height, kind, str(path), data)


def at_hand(source: str, metadata: dict, images: Mapping[str, tuple] | None) -> dict[str, RealImage]:
    """The real images of a document's declared ones that the run already has: probed by the live run
    (`images`, a `DocumentResult`'s), or files next to the page saved at `source`. Never a fetch."""
    from .fields import og_images, twitter_image

    declared = [image.url for image in og_images(metadata)]
    card = twitter_image(metadata)
    if card is not None and card.url not in declared:
        declared.append(card.url)
    found = probed(images)
    missing = [url for url in declared if url not in found]
    if missing and source != "-":
        found.update(next_to(source, missing))
    return {url: image for url, image in found.items() if url in declared}
