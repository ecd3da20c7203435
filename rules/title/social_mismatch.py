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

from seoaudit.checks.social_mismatch import social_mismatch

ID = "title/social-mismatch"
SEVERITY = "info"

check = social_mismatch(lambda view: view.title, ("og:title", "twitter:title"), "the title",
                        fix="Make {key} tell the same story as the title, or clear the custom social title so "
                            "that the plugin derives it from the title.")
