"""The title is very short, counted in characters.

**What it checks.** The title a result page shows (the first `<title>`, or the plugin's `title`), each
distinct text once across producers, on pages that are not noindex. It fires when the title has fewer
characters than `min_chars` (an empty title is `title/empty`).

**Why it matters.** A title of a word or two rarely tells a searcher what the page holds, and Google
tends to replace such titles with text of its own (headings, anchor text).

**Options.** `min_chars` (default 30, Screaming Frog's and squirrelscan's lower limit).

**Source.** Screaming Frog "Page Titles: Below 30 Characters"; squirrelscan `core/meta-title` (30–60).
peer-checks.md row 4.

**Fails:**

```html
<html><head><title>Coffee</title></head></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee with a French press - Example</title></head></html>
```
"""

from seoaudit.model import Violation

from ._shared import shown_titles

ID = "title/length-chars-too-short"
SEVERITY = "info"
OPTIONS = {"min_chars": 30}


def check(page, options):
    limit = options["min_chars"]
    for view, field, text in shown_titles(page):
        if len(text) < limit:
            yield Violation(f"title is {len(text)} characters, under {limit}: {text!r}",
                            field.location, value=len(text), expected=f"at least {limit} characters",
                            view=view.name, fix="Say what the page is about in the title, in a few more words.")
