"""The description holds HTML tags.

**What it checks.** The meta description, `og:description` and `twitter:description` of every producer
(each distinct text once), after one entity decode: it fires when the text holds an HTML tag such as
`<p>`, `<a href=…>` or `</strong>`.

**Why it matters.** Descriptions are plain text: search engines and share cards show tags as literal
text, or drop the words with them. Tags get in when an excerpt or a field is copied with its markup
(Yoast#3421: a theme's "Read more" `<a>` inside og:description).

**Severity.** warning: the snippet shows the tags as text or loses words; a visible defect of small impact.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 26 (no "Read more" or HTML; Yoast#3421).

**Fails:**

```html
<html><head><title>Coffee - Example</title>
<meta name="description" content="&lt;p&gt;How we brew coffee at home.&lt;/p&gt;"></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title>
<meta name="description" content="How we brew coffee at home: 1 &lt; 2 cups."></head></html>
```
"""

import re

from seoaudit.derive.text import fields_once
from seoaudit.model import Violation

from ._shared import all_descriptions, label

ID = "description/contains-markup"
SEVERITY = "warning"

_TAG = re.compile(r"</?(?:[a-z][a-z0-9]*)(?:\s[^<>]*)?/?>", re.IGNORECASE)


def check(page, options):
    for view, field in fields_once(page, all_descriptions):
        tags = list(dict.fromkeys(m.group(0)[:40] for m in _TAG.finditer(field.value)))
        if tags:
            yield Violation(f"{label(view, field)} holds HTML tags {', '.join(tags[:4])}: {field.value[:80]!r}",
                            field.location, value=field.value, expected="plain text", view=view.name,
                            fix="Strip the tags from the description (or from the excerpt it is built from).")
