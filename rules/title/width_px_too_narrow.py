"""The title is very narrow in a result page, measured in pixels of Arial.

**What it checks.** The title a result page shows (the first `<title>`, or the plugin's `title`), each
distinct text once across producers, on pages that are not noindex, drawn in Arial at `font_px` from
Arial's real advance widths (`seoaudit/data/arial_widths.json`, made by `tools/make_width_table.py`).
It fires when the width is under `min_px` (an empty title is `title/empty`).

**Why it matters.** A title that fills a third of the line uses little of the most visible text of the
result, and Google tends to replace very short titles with text of its own.

**Options.** `min_px` (default 200, Screaming Frog's limit; Yoast calls under 400 px too short),
`font_px` (default 20).

**Source.** Screaming Frog "Page Titles: Below 200 Pixels"; Yoast `PageTitleWidthAssessment` (1–400 px:
too short). peer-checks.md row 5.

**Fails:**

```html
<html><head><title>Coffee tips</title></head></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee with a French press - Example</title></head></html>
```
"""

from seoaudit.model import Violation

from ._shared import shown_titles, width_px

ID = "title/width-px-too-narrow"
SEVERITY = "info"
OPTIONS = {"min_px": 200, "font_px": 20}


def check(page, options):
    limit, font_px = options["min_px"], options["font_px"]
    for view, field, text in shown_titles(page):
        width = width_px(text, font_px)
        if width < limit:
            yield Violation(f"title is {width} px wide in Arial {font_px} px, under {limit} px: {text!r}",
                            field.location, value=width, expected=f"at least {limit} px", view=view.name,
                            fix="Say what the page is about in the title, in a few more words.")
