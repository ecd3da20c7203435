"""An hreflang alternate names a page of this run that is noindex or canonicalised elsewhere.

**What it checks.** Across the documents of a run, each hreflang alternate that names another page of the run
(matched by its WordPress `link`, else its `og:url`, the URL it was served at, else its canonical; scheme, `www.`
and a trailing slash aside): that page must be indexable and its own canonical. The finding is on the page that
lists the alternate, one per alternate, and names the page and what it says.

**Why it matters.** hreflang tells Google which URL to show to which audience; a noindex page cannot be shown,
and a page canonicalised elsewhere is not the URL Google indexes. Google ignores such alternates, so the
language version is missing from the cluster. On WordPress: a translation set to noindex while it is drafted, or
alternates printed with the post `link` while the canonical names another URL.

**Severity.** error: the pages contradict each other: one names the other as a version to show in search, the other
refuses to be indexed as itself.

**Options.** None.

**Source.** Google Search Central, "Tell Google about localized versions of your page" (alternates must be
canonical, indexable URLs); Screaming Frog "Hreflang: Noindex Return Links" and "Non-Canonical Return Links".

**Fails** (one run of these files):

`public/en/index.html`:

```html
<html lang="en"><head><title>Hello</title><link rel="canonical" href="https://example.com/en/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="de" href="https://example.com/de/"></head><body><h1>Hello</h1></body></html>
```

`public/de/index.html`:

```html
<html lang="de"><head><title>Hallo</title><meta name="robots" content="noindex">
<link rel="canonical" href="https://example.com/de/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="de" href="https://example.com/de/"></head><body><h1>Hallo</h1></body></html>
```

**Passes** (one run of these files):

`public/en/index.html`:

```html
<html lang="en"><head><title>Hello</title><link rel="canonical" href="https://example.com/en/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="de" href="https://example.com/de/"></head><body><h1>Hello</h1></body></html>
```

`public/de/index.html`:

```html
<html lang="de"><head><title>Hallo</title><link rel="canonical" href="https://example.com/de/">
<link rel="alternate" hreflang="en" href="https://example.com/en/">
<link rel="alternate" hreflang="de" href="https://example.com/de/"></head><body><h1>Hallo</h1></body></html>
```
"""

from seoaudit.model import Violation

from ._cluster import cluster_members, listers, owner

ID = "url/hreflang-to-excluded"
SEVERITY = "error"


def signature(page, options):
    return cluster_members(page, owners=("noindex", "elsewhere"))


def check_group(url, members, options):
    page = owner(members)
    if page is None or page.extra[1] == "indexable":
        return
    said = "is noindex" if page.extra[1] == "noindex" else f"is canonicalised to {page.value}"
    for lister in listers(members):
        yield lister.key, Violation(
            f"the hreflang alternate {lister.value} ({lister.extra[1]}) is {page.document.display_source}, which "
            f"{said}", lister.location, value=lister.value, expected="an indexable, self-canonical URL",
            view=lister.view,
            fix="List the canonical URL of each language version; if that version is meant to be found, remove "
                "its noindex.")
