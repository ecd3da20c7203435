"""The meta description is empty.

**What it checks.** The meta description that search engines read (the first `<meta name="description">`,
or the plugin's `description` value) holds no text once whitespace is trimmed. Every producer is
checked, each distinct value once.

**Why it matters.** An empty description is a description that says nothing: Google builds the snippet
from page text instead. It usually comes from a theme or plugin that prints the tag around a variable
that is empty, next to (or instead of) the SEO plugin's own.

**Severity.** warning: Google writes its own snippet; an empty tag is a defect of small impact.

**Options.** None.

**Source.** Lighthouse `meta-description` ("Description text is empty."). peer-checks.md row 11.

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content=" "></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee."></head></html>
```
"""

from seoaudit.checks.head_text import empty

ID = "description/empty"
SEVERITY = "warning"

check = empty(lambda view: view.descriptions, "meta description", expected="a description of this page",
              fix="Write a description, or remove the template that prints an empty tag.")
