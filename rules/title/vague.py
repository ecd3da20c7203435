"""The title is vague or boilerplate: "Home", "Untitled", "Hello world!", the site name alone.

**What it checks.** The title of every producer (each distinct text once), split at its separators
(" - ", " | ", " – ", " • ", …) so that a site-name suffix does not hide a vague part: it fires when the
whole title or any part of it is a vague or boilerplate phrase (the `phrases` option: "Home", "Untitled",
WordPress's "Hello world!", "Sample Page" and its default tagline "Just another WordPress site", …), or,
on a page that is not the home page (its URL has a path), when the title is only the site's name
(`og:site_name`, or the schema WebSite's `name`).

**Why it matters.** Google names vague titles ("Home") and "repeated or boilerplate text" as what makes it
rewrite a title link, and searchers skip results whose title says nothing. "Hello world!" and "Sample
Page" are the posts WordPress installs: live, they are a sign that the install was never cleaned up.

**Severity.** warning: Google tends to replace a vague title with text of its own.

**Options.** `phrases`: the vague or boilerplate phrases, compared case-insensitively with the whole
title and with each part between separators.

**Source.** Google Search Central, "Influencing title links in search results" (avoid vague titles such
as "Home" or "Profile", boilerplate and repeated text). peer-checks.md row 8; wordpress-ecosystem.md §5
check 27.

**Fails:**

```json
{"id": 1, "link": "https://example.org/hello-world/", "status": "publish", "type": "post",
 "title": {"rendered": "Hello world!"},
 "yoast_head_json": {"title": "Hello world! - Example", "og_site_name": "Example"}}
```

**Passes:**

```json
{"id": 2, "link": "https://example.org/brewing-coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Brewing coffee at home"},
 "yoast_head_json": {"title": "Brewing coffee at home - Example", "og_site_name": "Example"}}
```
"""

from functools import cache

from seoaudit import urls
from seoaudit.derive.text import comparable, fields_once, site_names, title_parts
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "title/vague"
SEVERITY = "warning"
OPTIONS = {"phrases": Option(list[str], [
    "Home", "Home page", "Homepage", "Start", "Welcome", "Index", "Default", "Untitled", "Untitled document",
    "Untitled page", "No title", "New page", "New tab", "Page", "Page title", "Title", "Document", "Test",
    "Test page", "Auto Draft", "Hello world!", "Sample Page", "Just another WordPress site", "My blog",
    "My WordPress blog", "Coming soon", "Under construction",
], "Vague or boilerplate phrases a title (or a part of it) must not be, case aside.")}


def check(page, options):
    phrases = _phrases(tuple(options["phrases"]))
    for view, field in fields_once(page, lambda v: [f for f in v.titles[:1] if f.value]):
        whole = comparable(field.value)
        vague = next((p for p in [field.value, *title_parts(field.value)] if comparable(p) in phrases), None)
        if vague is not None:
            what = "is" if comparable(vague) == whole else "contains"
            yield Violation(f"title {what} the vague or boilerplate phrase {vague!r}: {field.value!r}",
                            field.location, value=field.value, expected="a title that says what this page is",
                            view=view.name, fix=_fix(vague))
        elif whole in site_names(page) and _is_off_home(page):
            yield Violation(f"title is only the site name {field.value!r}, on a page that is not the home page",
                            field.location, value=field.value, expected="the page's own subject, then the site",
                            view=view.name, fix="Put the page's subject in its title, before the site name.")


@cache
def _phrases(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(comparable(p) for p in phrases)


def _is_off_home(page) -> bool:
    """True when the page's URL (post link, canonical or og:url) has a path or a query: not the home page."""
    candidates = [page.link, page.canonical]
    if page.primary is not None:
        candidates.append(page.primary.first("og:url"))
    for field in candidates:
        if field is not None and (url := urls.parse(field.value)) is not None:
            return url.path.strip("/") != "" or bool(url.query)
    return False


def _fix(phrase: str) -> str:
    if comparable(phrase) in ("hello world!", "sample page", "just another wordpress site"):
        return ("Replace WordPress's sample content: delete or rewrite the post, and set a real tagline "
                "(Settings > General).")
    return "Write a title that names this page's subject, not its role on the site."
