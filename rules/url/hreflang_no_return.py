"""A page of this run is listed as another page's hreflang alternate, but does not list that page back.

**What it checks.** Across the documents of a run, every page named as an hreflang alternate by another page of
the run (matched by its WordPress `link`, else its `og:url`, the URL it was served at, else its canonical; scheme,
`www.` and a trailing slash aside) must list that page among its own alternates. One finding per page missing
return links, naming the pages that list it (the first few and a count). Pages that are noindex or canonicalised
elsewhere are `url/hreflang-to-excluded` instead.

**Why it matters.** Google: "If two pages don't both point to each other, the tags will be ignored". A one-way
annotation is the most common hreflang error: a translation added later whose original was never updated, a
multilingual plugin whose language sets differ per post, or a page that lost its hreflang in a theme change. The
language versions are then shown to the wrong audience.

**Severity.** error: the annotation between the two pages is ignored: the language targeting it asks for does not
happen.

**Options.** None.

**Source.** Google Search Central, "Tell Google about localized versions of your page" ("If two pages don't both
point to each other, the tags will be ignored"); Screaming Frog "Hreflang: Missing Return Links".

**Fails** (one run of these files):

`public/en/index.html`:

```html
<html lang="en"><head><title>Hello</title><link rel="canonical" href="https://example.com/en/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/"></head><body><h1>Hello</h1></body></html>
```

`public/fr/index.html`:

```html
<html lang="fr"><head><title>Bonjour</title><link rel="canonical" href="https://example.com/fr/">
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

from seoaudit.model import Location, Violation

from ._cluster import ALL, cluster_members, listers, named, owner

ID = "url/hreflang-no-return"
SEVERITY = "error"


def signature(page, options):
    return cluster_members(page, owners=ALL, alternate_keys=True)


def check_group(url, members, options):
    page = owner(members)
    if page is None or page.extra[1] != "indexable":
        return  # not in the run, or excluded (url/hreflang-to-excluded)
    missing = [m for m in listers(members) if not set(m.extra[2]) & set(page.extra[2])]
    if not missing:
        return
    count = len(missing)
    yield page.key, Violation(
        f"{count} page{'s' if count > 1 else ''} of this run list{'' if count > 1 else 's'} {page.value} as an "
        f"hreflang alternate, but this page does not list {'them' if count > 1 else 'it'} back: {named(missing)}",
        Location(), value=[m.document.display_source for m in missing[:10]], expected="a return link to each",
        fix="Give every language version the same hreflang set, each version listing all the others and itself "
            "(a multilingual plugin does this when the translations are linked to one another).")
