"""The page has Open Graph tags but lacks og:description or og:site_name, or an og:locale it needs.

**What it checks.** On a primary producer that outputs Open Graph at all: a non-empty `og:description`
and `og:site_name`, and an `og:locale` when the page's language (`<html lang>` or the schema
`inLanguage`) is known and is not English, because ogp.me's default locale is `en_US`. One finding per
page, listing what is missing.

**Why it matters.** Without `og:description` platforms show no text under the title, or take a piece of
the page (a cookie banner, a menu). Without `og:site_name` the card shows a bare domain. A German page
with no `og:locale` is announced as `en_US`.

**Severity.** info: the optional properties improve previews; advice.

**Options.** None.

**Source.** structured-data-testing-tool Facebook preset (warning for each); squirrelscan `core/og-tags`
(warn on description); ogp.me (`og:locale` "Defaults to en_US").

**Fails:**

```html
<html lang="de"><head><title>Beitrag</title>
<meta property="og:title" content="Beitrag"><meta property="og:type" content="article">
</head><body></body></html>
```

**Passes:**

```html
<html lang="de"><head><title>Beitrag</title>
<meta property="og:title" content="Beitrag"><meta property="og:type" content="article">
<meta property="og:description" content="Worum es geht."><meta property="og:site_name" content="Beispiel">
<meta property="og:locale" content="de_DE">
</head><body></body></html>
```
"""

from seoaudit.derive.og import has_open_graph, language, page_languages, prop
from seoaudit.model import Violation

ID = "opengraph/optional-missing"
SEVERITY = "info"


def check(page, options):
    view = page.primary
    if view is None or not has_open_graph(view):
        return
    missing = [key for key in ("og:description", "og:site_name") if prop(view, key) is None and view.states(key)]
    if prop(view, "og:locale") is None and view.states("og:locale"):
        languages = {language(f.value) for f in page_languages(page, view)} - {None}
        if languages and languages != {"en"}:
            missing.append(f"og:locale (the page is in {'/'.join(sorted(languages))}; the default is en_US)")
    if missing:
        yield Violation(f"Open Graph properties missing in {view.name}: {', '.join(missing)}", view.location,
                        value=missing, view=view.name, expected="og:description, og:site_name and og:locale",
                        fix="Output og:description (the meta description), og:site_name (the site's name) and "
                            "og:locale (e.g. de_DE).")
