"""An article's X card names no author account (twitter:creator).

**What it checks.** When the primary producer declares a `twitter:card` and `og:type` `article` (or the
WordPress object is a post), it also has a non-empty `twitter:creator` or `twitter:creator:id`. Pages,
archives and home pages are not checked. There is no Open Graph fallback for it.

**Why it matters.** The card carries no attribution to the author's X account. Yoast prints
`twitter:creator` only when the author has an X username in their WordPress profile.

**Severity.** info, and off by default (opt-in: `--select twitter/creator-missing` or `--select twitter`): the
card renders without it; attribution is advice, not a defect.

**Options.** None.

**Source.** X "Cards markup" (`twitter:creator`, "@username of content creator"); structured-data-testing-tool
Twitter preset (warning).

**Fails:**

```html
<html><head><title>Post</title><meta property="og:type" content="article">
<meta name="twitter:card" content="summary_large_image"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta property="og:type" content="article">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:creator" content="@author">
</head><body></body></html>
```
"""

from seoaudit.derive.cards import card
from seoaudit.derive.og import prop
from seoaudit.model import Violation

ID = "twitter/creator-missing"
SEVERITY = "info"
OPT_IN = True  # not a defect: runs only when selected by id or category


def _is_article(page, view) -> bool:
    if page.post is not None and page.post.type is not None:
        return page.post.type == "post"
    og_type = prop(view, "og:type")
    return og_type is not None and og_type.value.lower() == "article"


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or not _is_article(page, view) or not view.states("twitter:creator"):
        return
    if prop(view, "twitter:creator") or prop(view, "twitter:creator:id"):
        return
    yield Violation(f"{field.value} card of an article in {view.name} has no twitter:creator", field.location,
                    view=view.name, expected="the author's @account",
                    fix="Add the author's X username to their WordPress profile (Yoast prints it as twitter:creator).")
