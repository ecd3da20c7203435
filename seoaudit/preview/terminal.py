"""`seoaudit preview`: a document's previews drawn in the terminal with rich, each beside the findings that
concern it. Texts are printed exactly as the model cut them (the lines of `Printed`); images, which a
terminal cannot show, are boxes of the card's shape labelled with their size, origin and crop."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Finding, Severity
from . import CARD_ELEMENTS, SEARCH_ELEMENTS, X_CARD_ELEMENTS, Previews
from .cards import Card, CardImage
from .search import SearchResult
from .text import Printed

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
SIDE_BY_SIDE = 120  # columns from which the findings go beside the preview instead of under it
IMAGE_COLUMNS = 36  # a large card image's width in the terminal; a cell is about twice as tall as wide


def render(console: Console, source: str, kind: str, previews: Previews, findings: Sequence[Finding]) -> None:
    console.rule(Text(f"{source} · {kind}", style="bold"), align="left")
    for result in previews.search:
        placed = _placed(previews, findings, SEARCH_ELEMENTS) if result.device == "desktop" else []
        _row(console, _search_panel(result), placed,
             None if result.device == "desktop" else "the same findings as on desktop")
    for card in previews.cards:
        # Each finding once: the image and Open Graph findings beside Facebook, the X card's own beside X.
        elements = {"body": X_CARD_ELEMENTS["body"], "image": ("x-image",)} if card.platform == "x" else CARD_ELEMENTS
        placed = _placed(previews, findings, elements) if card.platform in ("facebook", "x") else []
        note = None if card.platform in ("facebook", "x") else "its image and Open Graph findings are beside Facebook"
        _row(console, _card_panel(card), placed, note)
    other = [findings[i] for i in previews.for_element("other")]
    if other:
        console.print(Text("other findings", style="bold"))
        console.print(_finding_list([("", f) for f in other]))
    console.print()


def _row(console: Console, panel: RenderableType, placed: list[tuple[str, Finding]], note: str | None) -> None:
    listing: RenderableType = _finding_list(placed) if placed else Text(
        note or "✔ no findings here", style="dim" if note else "green")
    if console.width >= SIDE_BY_SIDE:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=getattr(panel, "width", None))
        grid.add_column(ratio=1, min_width=40)
        grid.add_row(panel, listing)
        console.print(grid)
    else:
        console.print(panel)
        console.print(listing)


def _placed(previews: Previews, findings: Sequence[Finding], elements: dict[str, tuple[str, ...]]):
    return [(element, findings[i]) for element, keys in elements.items() for i in previews.for_element(*keys)]


def _finding_list(placed: list[tuple[str, Finding]]) -> Group:
    items = []
    for element, finding in placed:
        head = Text(f"{MARK[finding.severity]} {finding.severity.label} ", style=STYLE[finding.severity])
        if element:
            head.append(f"{element}: ", style="dim")
        head.append(finding.rule, style="bold")
        items += [head, Padding(Text(finding.message, overflow="fold"), (0, 0, 0, 2))]
    return Group(*items)


def _printed(printed: Printed | None, style: str = "", missing: str = "(none)", wrap: bool = True) -> Text:
    """The lines as the surface prints them; `wrap=False` for a line the model already fitted (the terminal's
    cells are not pixels: it is never wrapped again)."""
    if printed is None:
        return Text(missing, style="dim italic")
    return Text("\n".join(printed.lines), style=style, no_wrap=not wrap, overflow="ellipsis")


def _search_panel(result: SearchResult) -> Panel:
    parts: list[RenderableType] = [Text(result.site_name.text, style="bold"),
                                   _printed(result.url_line, "green", "(no URL known)", wrap=False),
                                   _printed(result.title, "bold blue", "(no title)", wrap=False),
                                   _printed(result.description, "", "(no meta description)")]
    parts += _notes(result.notes, ("title", result.title), ("snippet", result.description))
    device = "desktop" if result.device == "desktop" else "phone"
    # About 9 px to a cell: the desktop column is some 600 px wide, the phone's 368 px.
    return Panel(Group(*parts), title=f"Google · {device}", title_align="left", expand=False,
                 width=76 if result.device == "desktop" else 56, border_style="dim" if result.shown else "red")


def _notes(notes: Sequence[str], *texts: tuple[str, Printed | None]) -> list[Text]:
    """The preview's notes, and where each cut text was cut (characters kept, the surface's limit)."""
    cuts = [f"{name} cut after {printed.kept} of {len(printed.text)} characters: {printed.limit}"
            for name, printed in texts if printed is not None and printed.cut]
    return [Text(f"• {line}", style="dim") for line in [*cuts, *notes]]


def _card_panel(card: Card) -> Panel:
    parts: list[RenderableType] = []
    if card.layout == "none":
        parts.append(Text("no card: shared as a plain link", style="dim italic"))
    if card.image is not None and card.layout == "large":
        parts.append(_image_box(card.image, IMAGE_COLUMNS))
    text: list[RenderableType] = []
    if card.site:
        text.append(Text(card.site, style="dim"))
    if card.title is not None:
        text.append(_printed(card.title, "bold"))
    if card.description is not None:
        text.append(_printed(card.description))
    if card.image is not None and card.layout == "small":
        grid = Table.grid(padding=(0, 1))
        grid.add_row(_image_box(card.image, 12), Group(*text))
        parts.append(grid)
    else:
        parts.extend(text)
    if card.image is not None and card.layout == "text":
        parts.append(Text(f"image not shown: {card.image.label}", style="dim"))
    parts += _notes(card.notes, ("title", card.title), ("description", card.description))
    title = card.name + (f" · {card.variant}" if card.variant else "")
    return Panel(Group(*parts), title=title, title_align="left", expand=False, width=_card_width(card))


def _card_width(card: Card) -> int:
    """Wide enough for the card's image box and its longest printed line, and no wider."""
    lines = [line for printed in (card.title, card.description) if printed for line in printed.lines]
    lines += [card.site or ""]
    image = IMAGE_COLUMNS if card.layout == "large" else 14 + 1 if card.layout == "small" else 0
    text = max((len(line) for line in lines), default=0) + (image if card.layout == "small" else 0)
    return min(max(image, text, 40), 72) + 4  # a long text wraps inside the card


def _image_box(image: CardImage, columns: int) -> Panel:
    """A box of the frame's shape (rows ≈ columns / ratio / 2) with the image's facts inside."""
    if image.crop is not None:
        ratio = image.crop.drawn_w / image.crop.drawn_h
    else:
        ratio = {"2:1": 2.0, "1:1": 1.0}.get(image.frame, 1.91)
    rows = max(4, round(columns / ratio / 2))
    crop = image.crop
    if image.state == "shown" and crop is not None and image.fit == "cover":
        lines = [f"{image.width}×{image.height} ({image.size_origin})", f"cropped to {image.frame}",
                 f"{crop.w}×{crop.h} kept, {crop.lost:.0%} cut off"]
    elif image.state == "shown" and crop is not None:
        lines = [f"{image.width}×{image.height} ({image.size_origin})", f"shown {crop.drawn_w}×{crop.drawn_h}",
                 "not cropped"]
    else:
        lines = [image.label, image.url]
    label = Text("\n".join(lines), style="dim", justify="center")
    if image.alt:
        label.append(f"\nalt: {image.alt}", style="dim italic")
    return Panel(label, width=columns, height=rows, border_style="magenta")

