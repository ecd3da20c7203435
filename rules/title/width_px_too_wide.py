"""The title is wider than a result page shows: it will be cut.

**What it checks.** The title a result page shows (the first `<title>`, or the plugin's `title`), each
distinct text once across producers, on pages that are not noindex, drawn in Arial at `font_px` from
Arial's real advance widths (the table `seoaudit/data/arial_widths.json`, measured from the
metric-compatible Liberation Sans by `tools/make_width_table.py`). It fires when the width is over
`max_px`; the message gives the width and the length in characters, and shows where the title would be cut.
Characters and pixels are one fact, so they are one finding (this rule replaces
`title/length-chars-too-long`).

**Why it matters.** Google draws desktop result titles in Arial at about 20 px in a column about 600 px
wide and cuts what does not fit with "…", so width, not character count, decides the cut: sixty "W"s are
twice as wide as sixty "i"s. On WordPress the site-name suffix (" - Site Name") eats into the room left for
the post title.

**Severity.** info: Google sets no length limit on titles; a cut title is advice about what searchers see,
never a broken page.

**Options.** `max_px` (default 600: Google's title column and Yoast's limit; Screaming Frog uses 561),
`font_px` (default 20).

**Source.** Yoast `PageTitleWidthAssessment` (over 600 px is red); Screaming Frog "Page Titles: Over 561
Pixels" and "Over 60 Characters"; Google, "Influencing title links" (titles are truncated to the device
width). peer-checks.md rows 4–5.

**Fails:**

```html
<html><head><title>WOW! MASSIVE WINTER WAREHOUSE WORKWEAR MEGA SALE - WORLDWIDE</title></head></html>
```

**Passes:**

```html
<html><head><title>Winter workwear sale - Example</title></head></html>
```
"""

from seoaudit.checks.width import font_px, too_wide
from seoaudit.derive.text import shown_titles
from seoaudit.options import Option

ID = "title/width-px-too-wide"
SEVERITY = "info"
OPTIONS = {"max_px": Option(int, 600, "The width in pixels a title may take.", minimum=1),
           "font_px": font_px(20)}

check = too_wide(shown_titles, "title", cut=lambda shown: f"shown as {shown!r}",
                 fix="Shorten the title, or move the words that matter before the cut (drop filler or the site-name "
                     "suffix).")
