"""A page with several hreflang languages declares no `x-default`.

**What it checks.** A page whose `<head>` declares hreflang alternates (feed links aside) for at least
two different language codes also declares an `hreflang="x-default"` alternate.

**Why it matters.** `x-default` names the page Google shows to users whose language or region matches
none of the alternates (usually a language picker or the main version). Without it Google picks one of
the versions itself. It is recommended, not required, hence info.

**Severity.** info: advice; x-default is optional.

**Options.** None.

**Source.** Google, "Tell Google about localized versions of your page" (the `x-default` value is
recommended as a fallback); Screaming Frog "Hreflang: Missing X-Default"; peer-checks.md §7 row 42.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
<link rel="alternate" hreflang="x-default" href="https://example.com/en/post/">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import hreflang_of, hreflang_views

ID = "url/hreflang-no-x-default"
SEVERITY = "info"


def check(page, options):
    for view, links in hreflang_views(page):
        codes = {hreflang_of(field).lower() for field in links}
        if "x-default" in codes or len(codes) < 2:
            continue
        yield Violation(f"hreflang alternates for {len(codes)} languages ({', '.join(sorted(codes)[:6])}) but no "
                        "x-default", links[0].location, value=sorted(codes), expected="x-default", view=view.name,
                        fix="Add <link rel=\"alternate\" hreflang=\"x-default\" href=\"…\"> naming the version for "
                            "every other language (often the main language or a language picker).")
