"""The page declares no twitter:card.

**What it checks.** The primary producer has a non-empty `twitter:card`. WordPress objects with no SEO
plugin output are not checked. The message says whether X may still draw a small summary card from the
Open Graph tags (it may when `og:type`, `og:title` and `og:description` exist).

**Why it matters.** Without `twitter:card` X shows at best a small summary card, never the large image
card, and without the Open Graph trio it shows a bare link. Every other twitter field may fall back to
Open Graph; the card type may not.

A page that lacks the required Open Graph properties too is `opengraph/required-missing`'s finding, which
names the missing card as well.

**Severity.** info: X draws a summary card from Open Graph without it on most clients; advice.

**Options.** None.

**Source.** X "Cards markup" (twitter:card; "If an og:type, og:title and og:description exist in the
markup but twitter:card is absent, then a summary card may be rendered"); structured-data-testing-tool
Twitter preset (fail); squirrelscan `core/twitter-cards` (info); wordpress-ecosystem catalogue check 31.

**Fails:**

```html
<html><head><title>Post</title><meta property="og:title" content="Post"><meta property="og:type" content="article">
<meta property="og:url" content="https://example.com/post/"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image">
<meta property="og:title" content="Post"></head><body></body></html>
```
"""

from seoaudit.derive.cards import card
from seoaudit.derive.og import prop
from seoaudit.model import Violation

ID = "twitter/card-missing"
SEVERITY = "info"
REQUIRED_OG = ("og:title", "og:type", "og:url")  # opengraph/required-missing's


def check(page, options):
    view = page.primary
    if view is None or card(view) is not None or page.is_fragment or not view.states("twitter:card"):
        return
    if any(prop(view, key) is None for key in REQUIRED_OG):
        return  # no Open Graph either: opengraph/required-missing reports the page's missing social metadata
    summary = all(prop(view, key) for key in ("og:type", "og:title", "og:description"))
    hint = ("X may draw a small summary card from og:type/og:title/og:description" if summary
            else "X shows a bare link")
    yield Violation(f"no twitter:card in {view.name}: {hint}", view.location, view=view.name,
                    expected="summary_large_image (or summary)",
                    fix="Output <meta name=\"twitter:card\" content=\"summary_large_image\">; titles, descriptions "
                        "and images fall back to the Open Graph tags.")
