"""og:locale is not in the language_TERRITORY form (en_US, de_DE).

**What it checks.** `og:locale` and every `og:locale:alternate` of the primary producer match
`ll_TT`: a two- or three-letter lowercase language, an underscore, a two-letter uppercase territory.
`en-US` (a hyphen), `en_us`, `en` alone and WordPress variants such as `de_DE_formal` fail.

**Why it matters.** Facebook reads `og:locale` against its list of `ll_TT` locales; another form is
ignored and the page is taken as `en_US`, the default. Front ends that copy `<html lang>` (`en-US`) or
WordPress's locale (`de_DE_formal`) into `og:locale` produce these values.

**Severity.** warning: consumers ignore a locale they cannot read and guess the language.

**Options.** None.

**Source.** ogp.me (`og:locale` "in the format language_TERRITORY. Default is en_US"); peer-checks
catalogue `og/locale-format`.

**Fails:**

```html
<html><head><title>Post</title><meta property="og:locale" content="en-US"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta property="og:locale" content="en_US"></head><body></body></html>
```
"""

import re

from seoaudit.derive.og import fields
from seoaudit.model import Violation

ID = "opengraph/locale-invalid"
SEVERITY = "warning"
_FORM = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")


def _suggest(value: str) -> str | None:
    parts = re.split(r"[-_]", value.strip())
    if len(parts) >= 2 and re.fullmatch(r"[A-Za-z]{2,3}", parts[0]) and re.fullmatch(r"[A-Za-z]{2}", parts[1]):
        return f"{parts[0].lower()}_{parts[1].upper()}"
    return None


def check(page, options):
    view = page.primary
    if view is None:
        return
    for key in ("og:locale", "og:locale:alternate"):
        for field in fields(view, key):
            if not field.value or _FORM.match(field.value):
                continue
            better = _suggest(field.value)
            yield Violation(f"{key} {field.value!r} is not in the language_TERRITORY form in {view.name}",
                            field.location, value=field.value, expected=better or "ll_TT, e.g. en_US", view=view.name,
                            fix=f"Write {better}." if better else "Write a Facebook locale such as en_US or de_DE.")
