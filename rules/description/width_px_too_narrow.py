"""The meta description is very narrow in a result snippet, measured in pixels of Arial.

**What it checks.** The meta description a result page may show (the first `<meta name="description">`,
or the plugin's `description`), each distinct text once across producers, on pages that are not
noindex, drawn in Arial at `font_px` from Arial's real advance widths (`seoaudit/data/arial_widths.json`,
made by `tools/make_width_table.py`). It fires when the width is under `min_px` (an empty description is
`description/empty`); the message gives the width and the length in characters (one finding for both: this
rule replaces `description/length-chars-too-short`).

**Why it matters.** A snippet of less than half a line uses little of the result, and Google tends to
replace very short descriptions with page text.

**Severity.** info: advice about how the result reads; a short description breaks nothing.

**Options.** `min_px` (default 400, Screaming Frog's limit), `font_px` (default 14).

**Source.** Screaming Frog "Meta Description: Below 400 Pixels" and "Below 70 Characters". peer-checks.md row 14.

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="All about coffee."></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title>
<meta name="description"
      content="How we brew coffee at home with a French press: grind, ratio, water and time."></head></html>
```
"""

from seoaudit.checks.width import font_px, too_narrow
from seoaudit.options import Option

from ._shared import shown_descriptions

ID = "description/width-px-too-narrow"
SEVERITY = "info"
OPTIONS = {"min_px": Option(int, 400, "The width in pixels a description should reach.", minimum=0),
           "font_px": font_px(14)}

check = too_narrow(shown_descriptions, "meta description",
                   fix="Describe what the page offers in a full sentence or two.")
