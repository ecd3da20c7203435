"""The canonical points at another language version of the page.

**What it checks.** When the page's own URL (the post `link`, else `og:url`) and its canonical both
appear among the page's `rel=alternate hreflang` links and are not the same URL, the canonical sends
search engines to a different language version.

**Why it matters.** Each language version must be canonical for itself; hreflang only works between
pages that are each indexable. A canonical to the English page from the French one tells Google to
drop the French page, and the hreflang set breaks.

**Severity.** error: the page says it is one language version and asks to be dropped for another, so it leaves
the index and the hreflang set breaks; never a deliberate setup.

**Options.** None.

**Source.** Lighthouse `core/audits/seo/canonical.js` ("Points to another `hreflang` location");
peer-checks.md row 21; Google, "Tell Google about localized versions of your page".

**Fails:**

```html
<html><head><title>Bonjour</title>
<link rel="canonical" href="https://example.com/en/hello/">
<meta property="og:url" content="https://example.com/fr/bonjour/">
<link rel="alternate" hreflang="en" href="https://example.com/en/hello/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/bonjour/">
</head></html>
```

**Passes:**

```html
<html><head><title>Bonjour</title>
<link rel="canonical" href="https://example.com/fr/bonjour/">
<meta property="og:url" content="https://example.com/fr/bonjour/">
<link rel="alternate" hreflang="en" href="https://example.com/en/hello/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/bonjour/">
</head></html>
```
"""

from seoaudit import urls
from seoaudit.model import Violation

ID = "canonical/hreflang-conflict"
SEVERITY = "error"


def check(page, options):
    view = page.primary
    if view is None or view.canonical is None or not view.hreflang:
        return
    own = page.link or view.first("og:url")
    canonical = view.canonical
    if own is None or urls.same(own.value, canonical.value):
        return
    alternates = [alt.value for alt in view.hreflang]
    if any(urls.same(own.value, a) for a in alternates) and any(urls.same(canonical.value, a) for a in alternates):
        language = next((alt.attrs or {}).get("hreflang", "?") for alt in view.hreflang
                        if urls.same(canonical.value, alt.value))
        yield Violation(f"canonical {canonical.value!r} is the hreflang={language!r} alternate, not this page "
                        f"({own.value!r})", canonical.location, value=canonical.value, expected=own.value,
                        view=view.name,
                        fix="Make each language version canonical for itself; keep the others as hreflang links.")
