"""The image wire family (image/fetch-failed, real-format-unsupported, file-too-large): rules that judge each
image live mode fetched far enough to read its first bytes (`Wire.images`: URL → `ImageProbe`). Each rule keeps
its module, id and doc; its `check` is `probe_check(its judgement)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from seoaudit.derive.declared_urls import social_image_urls
from seoaudit.model import Violation
from seoaudit.wire import ImageProbe

# What a rule says about one fetched image: `judge(url, probe, social, options)`, where `social` holds the URLs a
# share preview shows (og:image, twitter:image), a violation or None.
Judge = Callable[[str, ImageProbe, set[str], dict[str, Any]], Violation | None]


def probe_check(judge: Judge):
    """The check of a rule of the family: `judge` on every fetched image, in the order they were declared."""
    def check(page, options, wire) -> Iterator[Violation]:
        if not wire.images:
            return
        social = social_image_urls(page)
        for url, probe in wire.images.items():
            if (violation := judge(url, probe, social, options)) is not None:
                yield violation

    return check


def unfetched(probe: ImageProbe) -> str | None:
    """Why an image could not be fetched: the fetch's error, or a 4xx/5xx status; None when it answered."""
    if probe.error:
        return probe.error
    if probe.status is not None and probe.status >= 400:
        return f"HTTP {probe.status}"
    return None
