"""twitter:card is not one of X's card types.

**What it checks.** The `twitter:card` X uses (the last non-empty one) is `summary`,
`summary_large_image`, `app` or `player`, written in lowercase. Retired types (`photo`, `gallery`,
`product`), other casing, and text that is not a card type fail.

**Why it matters.** X draws no card for a value it does not know: the link is shown bare, and the
Open Graph fallback cannot help because the card type has none.

**Severity.** warning: X ignores an unknown card type and falls back to a summary card or a bare link.

**Options.** None.

**Source.** X "Cards markup" (card types `summary`, `summary_large_image`, `app`, `player`);
squirrelscan `core/twitter-cards` (invalid card type, warn).

**Fails:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="photo"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image"></head></html>
```
"""

from seoaudit.derive.cards import CARD_TYPES, card
from seoaudit.model import Violation

ID = "twitter/card-invalid"
SEVERITY = "warning"
RETIRED = {"photo": "summary_large_image", "gallery": "summary_large_image", "product": "summary"}


def check(page, options):
    view = page.primary
    field = card(view) if view is not None else None
    if field is None or field.value in CARD_TYPES:
        return
    value = field.value
    better = value.lower() if value.lower() in CARD_TYPES else RETIRED.get(value.lower())
    why = "retired by X" if value.lower() in RETIRED else "not a card type" if better is None else "must be lowercase"
    shown = value if len(value) <= 60 else value[:57] + "…"
    yield Violation(f"twitter:card {shown!r} in {view.name} is {why}", field.location, value=value,
                    expected=better or "summary, summary_large_image, app or player", view=view.name,
                    fix=f"Use {better}." if better else "Use summary_large_image (or summary, app, player).")
