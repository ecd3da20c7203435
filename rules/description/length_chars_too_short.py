"""The meta description is very short, counted in characters.

**What it checks.** The meta description a result page may show (the first `<meta name="description">`,
or the plugin's `description`), each distinct text once across producers, on pages that are not
noindex. It fires when it has fewer characters than `min_chars` (an empty one is `description/empty`).

**Why it matters.** A description of a few words fills little of the snippet and tells searchers
little; Google then often prefers text from the page.

**Options.** `min_chars` (default 70, Screaming Frog's limit; Yoast and squirrelscan start at 120).

**Source.** Screaming Frog "Meta Description: Below 70 Characters"; Yoast
`MetaDescriptionLengthAssessment` (120 or less: too short). peer-checks.md row 13.

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="Coffee."></head></html>
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

ID = "description/length-chars-too-short"
SEVERITY = "info"
OPTIONS = {"min_chars": 70}


def check(page, options):
    limit = options["min_chars"]
    for view, field, text in shown_descriptions(page):
        if len(text) < limit:
            yield Violation(f"meta description is {len(text)} characters, under {limit}: {text!r}",
                            field.location, value=len(text), expected=f"at least {limit} characters",
                            view=view.name, fix="Describe what the page offers in a full sentence or two.")
