"""An hreflang value is not a valid language (and region) code.

**What it checks.** Every `<link rel="alternate" hreflang="…">` in `<head>` (RSS and Atom feed links
aside) has the value `x-default` or a language code, optionally followed by a script and a region:
the language an ISO 639-1 code (`en`, `de`, `zh`), or an ISO 639-2/639-3 code for a language that has
no two-letter code (`fil`, `yue`), as Lighthouse accepts; a script an ISO 15924 code (`Hant`); a
region an ISO 3166-1 alpha-2 code (`GB`, not `UK`; `419` is not one). Subtags are separated by `-`,
never `_`. Case does not matter. Common slips get a hint (`jp` → `ja`, `cn` → `zh`, `en-UK` →
`en-GB`, `eng` → `en`). The tables are generated from Debian's `iso-codes` by
`tools/make_language_codes.py`.

**Why it matters.** Google ignores an alternate whose hreflang it cannot read, so that language or
country version is not offered in its results; the rest of the cluster may then point at a page that
does not point back.

**Severity.** error: Google ignores an alternate whose code it cannot read, so that language version drops out
of the hreflang set (a search feature breaks).

**Options.** None.

**Source.** Lighthouse `hreflang` audit ("Unexpected language code"; `core/audits/seo/hreflang.js`);
Google, "Tell Google about localized versions of your page" (language in ISO 639-1, optional region in
ISO 3166-1 alpha-2, optional script in ISO 15924); Screaming Frog "Hreflang: Invalid Language & Region
Codes"; peer-checks.md §7 row 40.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en-UK" href="https://example.com/en/post/">
<link rel="alternate" hreflang="de" href="https://example.com/de/post/">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/en/post/">
<link rel="alternate" hreflang="en-GB" href="https://example.com/en/post/">
<link rel="alternate" hreflang="zh-Hant-TW" href="https://example.com/tw/post/">
<link rel="alternate" hreflang="x-default" href="https://example.com/en/post/">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._language_codes import ISO_639_1, ISO_639_3, ISO_3166_1, ISO_15924, TWO_LETTER_OF
from ._shared import hreflang_of, hreflang_views

ID = "url/hreflang-invalid-code"
SEVERITY = "error"

# Country or legacy codes written where a language belongs (ISO 639-1 withdrew iw, in and ji in 1989).
LANGUAGE_SLIPS = {"jp": "ja", "cn": "zh", "gr": "el", "dk": "da", "cz": "cs", "iw": "he", "in": "id",
                  "ji": "yi", "ua": "uk", "vn": "vi", "al": "sq", "rs": "sr", "at": "de", "us": "en", "gb": "en",
                  "mx": "es"}
REGION_SLIPS = {"UK": "GB", "EN": "GB", "EU": None, "LA": None}


def problem(code: str) -> tuple[str, str | None] | None:
    """Why the hreflang value is unreadable, and the value probably meant (None when it is valid)."""
    if code.lower() == "x-default":
        return None
    if not code:
        return "is empty", None
    if "_" in code:
        fixed = code.replace("_", "-")
        return f"uses '_' instead of '-' (write {fixed!r})", fixed if problem(fixed) is None else None
    language, *rest = code.split("-")
    lang = language.lower()
    if len(lang) == 2 and lang not in ISO_639_1:
        hint = LANGUAGE_SLIPS.get(lang)
        return f"starts with {language!r}, which is not an ISO 639-1 language code" + (
            f" (did you mean {hint!r}?)" if hint else ""), _swap(code, language, hint)
    if len(lang) == 3 and lang in TWO_LETTER_OF:
        two = TWO_LETTER_OF[lang]
        return f"uses the three-letter code {language!r} for a language whose ISO 639-1 code is {two!r}", \
            _swap(code, language, two)
    if (len(lang) == 3 and lang not in ISO_639_3) or len(lang) not in (2, 3) or not lang.isalpha():
        return f"starts with {language!r}, which is not an ISO 639 language code", None
    region_seen = False
    for sub in rest:
        if len(sub) == 4 and sub.isalpha() and not region_seen:
            if sub.title() not in ISO_15924:
                return f"has {sub!r}, which is not an ISO 15924 script code", None
        elif len(sub) == 2 and sub.isalpha() and not region_seen:
            region_seen = True
            if sub.upper() not in ISO_3166_1:
                hint = REGION_SLIPS.get(sub.upper())
                return f"has the region {sub!r}, which is not an ISO 3166-1 alpha-2 code" + (
                    f" (the United Kingdom is {hint!r})" if hint == "GB" else ""), _swap(code, sub, hint)
        elif len(sub) == 3 and sub.isdigit() and not region_seen:
            return f"has the numeric region {sub!r}: Google reads ISO 3166-1 alpha-2 regions only", None
        elif not region_seen:
            return f"has {sub!r} where a script or region code belongs", None
    return None


def _swap(code: str, old: str, new: str | None) -> str | None:
    if new is None:
        return None
    head, _, tail = code.partition(old)
    return head + new + tail


def check(page, options):
    for view, links in hreflang_views(page):
        for field in links:
            code = hreflang_of(field)
            found = problem(code)
            if found is None:
                continue
            why, meant = found
            yield Violation(f"hreflang {code!r} {why}", field.location, value=code,
                            expected=meant or "x-default, or language[-Script][-REGION] such as en, en-GB, zh-Hant",
                            view=view.name,
                            fix="Use an ISO 639-1 language code, optionally followed by '-' and an ISO 3166-1 "
                                "alpha-2 region (en-GB), in the multilingual plugin's language settings.")
