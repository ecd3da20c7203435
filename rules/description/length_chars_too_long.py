"""The meta description is longer than a result snippet shows, counted in characters.

**What it checks.** The meta description a result page may show (the first `<meta name="description">`,
or the plugin's `description`), each distinct text once across producers, on pages that are not
noindex. It fires when it has more characters than `max_chars`. Google sets no limit: this is a display
estimate, and `description/width-px-too-wide` measures the width in pixels.

**Why it matters.** Google cuts snippets to the width of the result (about two lines on desktop) with
"…", so the end of a long description is not read; Yoast#8661 shows the limit being argued at 155 vs
320 characters.

**Options.** `max_chars` (default 155, Screaming Frog's limit; Yoast 156, squirrelscan 160).

**Source.** Screaming Frog "Meta Description: Over 155 Characters"; Yoast
`MetaDescriptionLengthAssessment` (121–156); squirrelscan `core/meta-description` (120–160); Google,
"Control your snippets" (no limit). peer-checks.md row 13.

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

from seoaudit.model import Violation

from ._shared import shown_descriptions

ID = "description/length-chars-too-long"
SEVERITY = "info"
OPTIONS = {"max_chars": 155}


def check(page, options):
    limit = options["max_chars"]
    for view, field, text in shown_descriptions(page):
        if len(text) > limit:
            yield Violation(f"meta description is {len(text)} characters, over {limit}", field.location,
                            value=len(text), expected=f"at most {limit} characters", view=view.name,
                            fix="Shorten the description and put what matters first.")
