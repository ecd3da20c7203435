"""The title is longer than a result page shows, counted in characters.

**What it checks.** The title a result page shows (the first `<title>`, or the plugin's `title`), each
distinct text once across producers, on pages that are not noindex. It fires when the title has more
characters than `max_chars`. Google sets no limit: this is a display estimate, and
`title/width-px-too-wide` measures what really decides the cut, the width in pixels.

**Why it matters.** Google cuts a long title with "…" at about 600 px, about 55–60 characters of text, and
may rewrite a title it finds too long. On WordPress the site-name suffix (" - Site Name") eats into the
room left for the post title.

**Options.** `max_chars` (default 60, Screaming Frog's and squirrelscan's limit; Moz says 50–60).

**Source.** Screaming Frog "Page Titles: Over 60 Characters"; squirrelscan `core/meta-title` (30–60);
Google, "Influencing title links" (no limit; long titles are truncated). peer-checks.md row 4.

**Fails:**

```html
<html><head><title>How to brew the perfect cup of coffee at home with a French press - Example</title></head></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee with a French press - Example</title></head></html>
```
"""

from seoaudit.model import Violation

from ._shared import shown_titles

ID = "title/length-chars-too-long"
SEVERITY = "info"
OPTIONS = {"max_chars": 60}


def check(page, options):
    limit = options["max_chars"]
    for view, field, text in shown_titles(page):
        if len(text) > limit:
            yield Violation(f"title is {len(text)} characters, over {limit}: {text!r}",
                            field.location, value=len(text), expected=f"at most {limit} characters",
                            view=view.name,
                            fix="Shorten the title: put the words that matter first and drop filler or the "
                                "site-name suffix.")
