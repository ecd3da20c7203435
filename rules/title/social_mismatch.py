"""The og:title or twitter:title says something other than the title.

**What it checks.** In every producer, `og:title` and `twitter:title` (when present) against the page's
title (the first `<title>`, or the plugin's `title`): it fires when they tell different stories, that is
when neither contains the other and they share less than 80 % of the words of the shorter one (compared
case-insensitively, with typographic quotes, dashes and spacing folded). A site-name suffix, another
separator (" | " vs " - "), a shortened social title or a reordered headline is not a difference. A
missing `twitter:title` is not a difference either: X falls back to `og:title`.

**Why it matters.** Search results show the title and shares show `og:title`: when they tell different
stories, one of them is usually stale (a title edited after the social title was set, a second plugin
printing its own tags). A deliberately different social title is fine, hence info.

**Severity.** info: advice; social titles may differ on purpose.

**Options.** None.

**Source.** peer-checks.md row 9 (og:title / twitter:title vs title, new); X cards markup (twitter:title
falls back to og:title); wordpress-ecosystem.md §5 check 27.

**Fails:**

```html
<html><head><title>Brewing coffee at home - Example</title>
<meta property="og:title" content="Spring sale: 20% off all grinders"></head></html>
```

**Passes:**

```html
<html><head><title>Brewing coffee at home - Example</title>
<meta property="og:title" content="Brewing coffee at home"></head></html>
```
"""

from seoaudit.derive.text import same_story, social_fields
from seoaudit.model import Violation

ID = "title/social-mismatch"
SEVERITY = "info"


def check(page, options):
    seen: set[tuple[str, str]] = set()
    for view in page.views.values():
        title = view.title
        if title is None or not title.value:
            continue
        for key, field in social_fields(view, ("og:title", "twitter:title")):
            pair = (title.value, field.value)
            if pair in seen or same_story(title.value, field.value):
                continue
            seen.add(pair)
            yield Violation(f"{key} {field.value!r} differs from the title {title.value!r} in {view.name}",
                            field.location, value=field.value, expected=title.value, view=view.name,
                            fix=f"Make {key} tell the same story as the title, or clear the custom social "
                                "title so that the plugin derives it from the title.")
