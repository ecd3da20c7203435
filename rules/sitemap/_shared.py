"""Helpers shared by the sitemap rules."""

from __future__ import annotations

SHOWN = 3  # offending entries a message names; the finding's value lists up to ten


def listing(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown + (f" and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"
