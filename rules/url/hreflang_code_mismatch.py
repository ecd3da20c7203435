"""The pages of an hreflang cluster give one URL different language codes.

**What it checks.** Across the documents of a run, every URL named as an hreflang alternate: the language codes
that the pages of the run give it (x-default aside: a URL may be both `en` and the default) must agree, compared
case-insensitively. The page at that URL, when it lists itself, sets the code; else the code most pages use. Each
page that gives another code gets a finding naming the code the others use.

**Why it matters.** hreflang pairs each URL with one language (and region). When one version says the French page
is `fr` and another says `fr-CA`, the annotations contradict each other and Google may drop the pair or show the
page to the wrong region. It usually comes from language settings edited in one place and not another, or from
hard-coded alternates in a theme beside a multilingual plugin's.

**Severity.** warning: the cluster is inconsistent; Google may ignore the differing annotations or target the wrong
audience.

**Options.** None.

**Source.** Google Search Central, "Tell Google about localized versions of your page" (each version lists the same
set); Screaming Frog "Hreflang: Inconsistent Language & Region Return Links".

**Fails** (one run of these files):

`public/en/index.html`:

```html
<html lang="en"><head><title>Hello</title><link rel="canonical" href="https://example.com/en/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="fr-CA" href="https://example.com/fr/"></head><body><h1>Hello</h1></body></html>
```

`public/fr/index.html`:

```html
<html lang="fr"><head><title>Bonjour</title><link rel="canonical" href="https://example.com/fr/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/"></head><body><h1>Bonjour</h1></body></html>
```

**Passes** (one run of these files):

`public/en/index.html`:

```html
<html lang="en"><head><title>Hello</title><link rel="canonical" href="https://example.com/en/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/"></head><body><h1>Hello</h1></body></html>
```

`public/fr/index.html`:

```html
<html lang="fr"><head><title>Bonjour</title><link rel="canonical" href="https://example.com/fr/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/"></head><body><h1>Bonjour</h1></body></html>
```
"""

from collections import Counter

from seoaudit.model import Violation

from ._cluster import ALL, alternates, cluster_members, listers, owner

ID = "url/hreflang-code-mismatch"
SEVERITY = "warning"


def signature(page, options):
    # a page without alternates gives no code to any URL, itself included
    return cluster_members(page, owners=ALL) if alternates(page) else None


def check_group(url, members, options):
    pages = [m for m in listers(members) if m.extra[1] and m.extra[1] != "x-default"]
    at_url = owner(members)
    own_code = at_url.extra[3] if at_url is not None else ""
    counts = Counter(m.extra[1] for m in pages)
    if len(counts) + (own_code not in counts and bool(own_code)) < 2:
        return
    usual = own_code or min(counts, key=lambda code: (-counts[code], code))
    why = (f"the page itself ({at_url.document.display_source}) says {usual!r}" if own_code else
           f"{counts[usual]} of {len(pages)} pages of this run say {usual!r}")
    for page in pages:
        if page.extra[1] != usual:
            yield page.key, Violation(
                f"the hreflang alternate {page.value} is given the code {page.extra[1]!r}, but {why}",
                page.location, value=page.extra[1], expected=usual, view=page.view,
                fix="Give each language version one code everywhere it is listed (the multilingual plugin's "
                    "language settings, and any alternates a theme prints by hand).")
