"""The page's dates as the rules that compare them read them: ISO 8601 date-times in UTC, and the dates of the
page's schema Article and WebPage nodes."""

from __future__ import annotations

from datetime import UTC, datetime

from seoaudit.extract.view import Field

from .schema_types import ARTICLE, WEBPAGE


def parse_datetime(text: str, assume_utc: bool = False) -> datetime | None:
    """An ISO 8601 date-time in UTC, or None when unreadable. WordPress `date_gmt` carries no zone but is
    UTC (`assume_utc`); any other value without a zone is not comparable and is read as None."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        if not assume_utc:
            return None
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def schema_dates(page, prop_name: str) -> list[tuple[str, Field]]:
    """(node label, date Field) for `datePublished` / `dateModified` of the top-level Article and WebPage
    nodes of the page's graph."""
    found = []
    if page.schema_view is None:
        return found
    for node in page.graph.nodes:
        kind = next((t for t in node.types if t in ARTICLE or t in WEBPAGE), None)
        value = node.get(prop_name)
        if node.top_level and kind and isinstance(value, str) and value.strip():
            found.append((f"schema {kind} {prop_name}", Field(value.strip(), node.location.child(prop_name))))
    return found
