"""og:locale, the schema inLanguage and <html lang> name different languages.

**What it checks.** The language subtags of the primary producer's `og:locale`, of `<html lang>` (HTML
pages) and of the `inLanguage` of the schema's top-level WebPage and Article nodes are the same. Only
the language is compared: `en_US`, `en-GB` and `en` agree; `en_US` and `de-DE` do not. Values that
name no language are left to `opengraph/locale-invalid`.

**Why it matters.** Platforms and search engines pick the language of the snippet, the translation
offer and the audience from these values. They disagree when a multilingual plugin translates the page
but not the SEO plugin's REST output (Yoast#20153, polylang/polylang#1059), or when a plugin prints its
default `en_US` on a page in another language (AIOSEO, observed on Hindi content).

**Severity.** warning: the page names two languages, and consumers may pick the wrong one.

**Options.** None.

**Source.** wordpress-ecosystem catalogue check 29 (`locale-consistency`); ogp.me (`og:locale`);
schema.org `inLanguage`.

**Fails:**

```html
<html lang="de-DE"><head><title>Beitrag</title><meta property="og:locale" content="en_US"></head></html>
```

**Passes:**

```html
<html lang="de-DE"><head><title>Beitrag</title><meta property="og:locale" content="de_DE"></head></html>
```
"""

from seoaudit.derive.og import language, page_languages, prop
from seoaudit.model import Violation

ID = "opengraph/locale-mismatch"
SEVERITY = "warning"


def _label(page, field) -> str:
    html = page.views.get("html")
    if html is not None and field is html.lang:
        return "<html lang>"
    if (field.location.path or field.location.pointer or "").endswith("/inLanguage"):
        return "schema inLanguage"
    return "og:locale"


def check(page, options):
    view = page.primary
    if view is None:
        return
    declared = [f for f in [prop(view, "og:locale"), *page_languages(page, view)] if f is not None]
    by_language: dict = {}
    for field in declared:
        code = language(field.value)
        if code is not None:
            by_language.setdefault(code, []).append(field)
    if len(by_language) < 2:
        return
    said = "; ".join(f"{_label(page, f[0])} {f[0].value!r}" for f in by_language.values())
    first = declared[0]
    yield Violation(f"the page declares {len(by_language)} languages: {said}", first.location,
                    value={_label(page, f[0]): f[0].value for f in by_language.values()},
                    expected="one language everywhere", view=view.name,
                    fix="Make og:locale, <html lang> and the schema inLanguage name the page's real language "
                        "(multilingual plugins: check the SEO plugin's output per language).")
