"""The page's hreflang alternates do not include the page itself (its canonical).

**What it checks.** A page that declares hreflang alternates in `<head>` (feed links aside) lists its
own URL among them, and that URL is its canonical: the canonical of the primary producer, else the post
`link` or `og:url`. When the alternates name the post `link` but the canonical differs, the message
says so (Screaming Frog's "Not Using Canonical").

**Why it matters.** Google: "Each language version must list itself as well as all other language
versions". Without the self-reference the cluster is incomplete, and alternates that name a URL which
is not canonical send Google to a page it will not index, so the annotation is ignored.

**Severity.** warning: Google may ignore the set; a real defect of uncertain impact.

**Options.** None.

**Source.** Google, "Tell Google about localized versions of your page"; Screaming Frog "Hreflang:
Missing Self Reference" and "Not Using Canonical"; Lighthouse#10973 (the canonical should be among the
alternates); peer-checks.md §7 rows 42 and 43.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
<link rel="alternate" hreflang="fr" href="https://example.com/fr/post/">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
</head><body></body></html>
```
"""

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import hreflang_views

ID = "url/hreflang-no-self"
SEVERITY = "warning"


def check(page, options):
    own = own_url(page)
    if own is None:
        return
    label, url = own
    for view, links in hreflang_views(page):
        if any(urls.same(field.value, url) for field in links):
            continue
        listed_link = page.link is not None and any(urls.same(f.value, page.link.value) for f in links)
        detail = (f"they list the post link {page.link.value!r}, which is not the canonical" if listed_link
                  else f"none of the {len(links)} alternates is this page")
        yield Violation(f"hreflang alternates do not include the page's {label} {url!r}: {detail}",
                        links[0].location, value=[f.value for f in links][:10], expected=url, view=view.name,
                        fix="List the page itself (its canonical URL) among its hreflang alternates, and use "
                            "canonical URLs for every alternate.")


def own_url(page) -> tuple[str, str] | None:
    candidates = [("canonical", page.canonical), ("link", page.link)]
    if page.primary is not None:
        candidates.append(("og:url", page.primary.first("og:url")))
    for label, field in candidates:
        if field is not None and urls.parse(field.value) is not None:
            return label, field.value
    return None
