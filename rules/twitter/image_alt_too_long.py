"""twitter:image:alt is longer than X's 420-character maximum.

**What it checks.** The primary producer's `twitter:image:alt`, when present, is at most `max_chars`
characters long (after entities are decoded).

**Why it matters.** X cuts longer alt text, so screen-reader users get a description that stops
mid-sentence. Long values are usually the post excerpt or content pasted in as alt text.

**Severity.** warning: X truncates or rejects the alt text.

**Options.** `max_chars` (420).

**Source.** X "Cards markup" (`twitter:image:alt`: "Maximum 420 characters").

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image:alt" content="Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco
laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse
cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia
deserunt mollit anim id est laborum. Sed ut perspiciatis unde omnis."></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image:alt" content="A red bicycle against a white wall"></head></html>
```
"""

from seoaudit.derive.og import prop
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "twitter/image-alt-too-long"
SEVERITY = "warning"
OPTIONS = {"max_chars": Option(int, 420, "The characters `twitter:image:alt` may have.", minimum=1)}


def check(page, options):
    view = page.primary
    field = prop(view, "twitter:image:alt") if view is not None else None
    if field is None or len(field.value) <= options["max_chars"]:
        return
    yield Violation(f"twitter:image:alt is {len(field.value)} characters in {view.name}, over X's "
                    f"{options['max_chars']}", field.location, value=len(field.value), expected=options["max_chars"],
                    view=view.name, fix="Describe the image in a sentence or two; leave the article text out.")
