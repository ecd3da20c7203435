"""An X card names no site account (twitter:site or twitter:site:id).

**What it checks.** When the primary producer declares a `twitter:card`, it also has a non-empty
`twitter:site` or `twitter:site:id`. There is no Open Graph fallback for it.

**Why it matters.** The card then carries no attribution to the site's X account, so readers cannot
follow the publisher from the card, and the site gets no card analytics. X's markup reference calls it
required, while its summary card page says it is not: so it is information, not an error.

**Severity.** info, and off by default (opt-in: `--select twitter/site-missing` or `--select twitter`): the
card renders without it; attribution is advice, not a defect.

**Options.** None.

**Source.** X "Cards markup" ("Either twitter:site or twitter:site:id is required"; the Summary Card
page lists it as "Required: No"); structured-data-testing-tool Twitter preset (warning).

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary">
<meta name="twitter:site" content="@example"></head><body></body></html>
```
"""

from seoaudit.derive.cards import card
from seoaudit.derive.og import prop
from seoaudit.model import Violation

ID = "twitter/site-missing"
SEVERITY = "info"
OPT_IN = True  # not a defect: runs only when selected by id or category


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or prop(view, "twitter:site") or prop(view, "twitter:site:id") or not view.states("twitter:site"):
        return
    yield Violation(f"{field.value} card in {view.name} has no twitter:site", field.location, view=view.name,
                    expected="the site's @account", fix="Set the site's X account in the SEO plugin (Yoast: "
                                                        "Settings > Site representation > Other profiles).")
