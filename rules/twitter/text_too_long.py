"""twitter:title is over 70 characters or twitter:description over 200.

**What it checks.** The primary producer's own `twitter:title` (at most `max_title` characters) and
`twitter:description` (at most `max_description`), after entities are decoded. Only values written as
twitter fields are measured: when X falls back to `og:title` / `og:description`, those Open Graph values
are the title and description rules' business (Facebook sets no such limit), and a fallback is never
reported here.

**Why it matters.** X truncates longer text with an ellipsis, so the end of the title (often the
keyword or the site name) or of the description is not shown.

**Severity.** info: X cuts the text with an ellipsis; advice about what readers see, never a broken card.

**Options.** `max_title` (70) and `max_description` (200), in characters.

**Source.** X "Cards markup" (`twitter:title` "max 70 characters", `twitter:description` "maximum 200
characters").

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary">
<meta name="twitter:title" content="A very long title for a post that goes on and on well past what an X card shows">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary">
<meta name="twitter:title" content="A short title"></head><body></body></html>
```
"""

from seoaudit.derive.og import prop
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "twitter/text-too-long"
SEVERITY = "info"
OPTIONS = {"max_title": Option(int, 70, "The characters `twitter:title` may have.", minimum=1),
           "max_description": Option(int, 200, "The characters `twitter:description` may have.", minimum=1)}


def check(page, options):
    view = page.primary
    if view is None:
        return
    for key, limit in (("twitter:title", options["max_title"]), ("twitter:description", options["max_description"])):
        field = prop(view, key)
        if field is not None and len(field.value) > limit:
            yield Violation(f"{key} is {len(field.value)} characters in {view.name}, over X's {limit}: "
                            f"{field.value[:limit]!r}… is shown", field.location, value=len(field.value),
                            expected=limit, view=view.name,
                            fix=f"Shorten the {key.split(':')[1]} to {limit} characters (or write a shorter "
                                f"twitter-specific {key.split(':')[1]} in the SEO plugin's X tab).")
