"""An article's `headline` is longer than 110 characters.

**What it checks.** The `headline` of every Article-type node (Article, NewsArticle, BlogPosting,
TechArticle, …) has at most `max_chars` characters (after trimming).

**Why it matters.** Google asked for headlines of at most 110 characters for years, and validators
still flag longer ones; Google's current Article documentation only asks for "a concise title", and
long headlines are cut in Top stories and Discover cards. A very long headline is often the post's
excerpt or the SEO title with a site suffix put in the wrong field. Google sets no hard limit today,
hence a warning.

**Severity.** info: Google's current Article documentation sets no headline limit (the 110 characters are
from the AMP era) and only truncates long headlines; advice.

**Options.** `max_chars` (110).

**Source.** Google Search Central, "Article structured data" ("Consider using a concise title"; the
110-character limit is historic); structured-data-testing-tool and Yoast (headline required);
peer-checks.md §7 row 77 (`article/headline`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "City council approves the new budget after a long night of debate over transport, schools, housing and the harbour"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "City council approves the new budget"}</script>
</head></html>
```
"""  # noqa: E501 - the failing example needs a headline longer than a line

from seoaudit.model import Violation
from seoaudit.options import Option

from ._shared import node_label
from ._types import articles

ID = "schema/headline-too-long"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
OPTIONS = {"max_chars": Option(int, 110, "The characters a headline may have.", minimum=1)}


def check(page, options, graph):
    limit = options["max_chars"]
    view, nodes = page.schema_view.name, articles(graph)
    for node in nodes:
        headline = node.get("headline")
        if not isinstance(headline, str) or len(headline.strip()) <= limit:
            continue
        length = len(headline.strip())
        yield Violation(f"headline of {node_label(node)} is {length} characters, over {limit}: "
                        f'"{headline.strip()[:60]}…"', node.location.child("headline"), value=length,
                        expected=f"≤ {limit} characters", view=view,
                        fix="Use the article's own short title as the headline, without the excerpt or a site "
                            "name suffix.")
