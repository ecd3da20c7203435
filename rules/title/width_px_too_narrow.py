"""The title is very short in a result page, measured in pixels of Arial.

**What it checks.** The title a result page shows (the first `<title>`, or the plugin's `title`), each
distinct text once across producers, on pages that are not noindex, drawn in Arial at `font_px` from
Arial's real advance widths (`seoaudit/data/arial_widths.json`, made by `tools/make_width_table.py`).
It fires when the width is under `min_px` (an empty title is `title/empty`); the message gives the width and
the length in characters, one finding for both (this rule replaces `title/length-chars-too-short`).

**Why it matters.** A title of a word or two uses little of the most visible text of the result, rarely
tells a searcher what the page holds, and Google tends to replace such titles with text of its own
(headings, anchor text).

**Severity.** info: advice about how the result reads; a short title breaks nothing.

**Options.** `min_px` (default 200, Screaming Frog's limit; Yoast calls under 400 px too short),
`font_px` (default 20).

**Source.** Screaming Frog "Page Titles: Below 200 Pixels" and "Below 30 Characters"; Yoast
`PageTitleWidthAssessment` (1–400 px: too short). peer-checks.md rows 4–5.

**Fails:**

```html
<html><head><title>Coffee tips</title></head></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee with a French press - Example</title></head></html>
```
"""

from seoaudit.checks.width import font_px, too_narrow
from seoaudit.derive.text import shown_titles
from seoaudit.options import Option

ID = "title/width-px-too-narrow"
SEVERITY = "info"
OPTIONS = {"min_px": Option(int, 200, "The width in pixels a title should reach.", minimum=0),
           "font_px": font_px(20)}

check = too_narrow(shown_titles, "title", fix="Say what the page is about in the title, in a few more words.")
