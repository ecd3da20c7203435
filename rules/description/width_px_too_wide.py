"""The meta description is wider than a result snippet shows: it will be cut.

**What it checks.** The meta description a result page may show (the first `<meta name="description">`,
or the plugin's `description`), each distinct text once across producers, on pages that are not
noindex, drawn in Arial at `font_px` from Arial's real advance widths (`seoaudit/data/arial_widths.json`,
made by `tools/make_width_table.py` from the metric-compatible Liberation Sans). It fires when the width
is over `max_px`; the message gives the width and the length in characters (one fact, one finding: this rule
replaces `description/length-chars-too-long`) and shows where the snippet would be cut.

**Why it matters.** Google draws desktop snippets in Arial at about 14 px, about two lines, and cuts the
rest with "…", so the end of a long description is not read.

**Severity.** info: Google sets no limit on descriptions and often writes its own snippet; a cut snippet is
advice, never a broken page.

**Options.** `max_px` (default 985, Screaming Frog's limit), `font_px` (default 14).

**Source.** Screaming Frog "Meta Description: Over 985 Pixels" and "Over 155 Characters"; Google, "Control
your snippets" (snippets are truncated to fit). peer-checks.md row 14.

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="Everything we learned in ten years of
brewing coffee at home: grinders, kettles, scales, filters, French presses, pour-over cones, water chemistry and
the beans we keep coming back to."></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title>
<meta name="description"
      content="How we brew coffee at home with a French press: grind, ratio, water and time."></head></html>
```
"""

from seoaudit.checks.width import font_px, too_wide
from seoaudit.options import Option

from ._shared import shown_descriptions

ID = "description/width-px-too-wide"
SEVERITY = "info"
OPTIONS = {"max_px": Option(int, 985, "The width in pixels a description may take.", minimum=1),
           "font_px": font_px(14)}

check = too_wide(shown_descriptions, "meta description", cut=lambda cut: f"cut after {cut[-40:]!r}",
                 fix="Shorten the description, or move what matters before the cut.")
