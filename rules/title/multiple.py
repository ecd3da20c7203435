"""The page has more than one title element.

**What it checks.** An HTML head (the page, or the plugin's `yoast_head` string) with two or more
`<title>` elements anywhere in the document. A `<title>` inside an inline `<svg>` is the icon's label and
is not counted.

**Why it matters.** Browsers and search engines use the first title and ignore the rest, so the others are
at best dead weight and at worst a sign that two plugins, or a theme and a plugin, both print the head.
Which one wins then depends on the order the plugins happen to run in.

**Severity.** warning: which title a consumer shows becomes a matter of chance. info when every copy says the
same: harmless duplication.

**Options.** None.

**Source.** Screaming Frog "Page Titles: Multiple" (Issue, High); peer-checks.md row 2;
wordpress-ecosystem.md §5 check 12 (single head tags; roots/sage#274).

**Fails:**

```html
<html><head><title>Coffee - Example</title><title>Example</title></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title></head><body><svg><title>Cup icon</title></svg></body></html>
```
"""

from seoaudit.checks.head_text import multiple

ID = "title/multiple"
SEVERITY = "warning"
SEVERITY_MILD = "info"

check = multiple(lambda view: view.titles, count=lambda n: f"{n} <title> elements",
                 used=lambda first: f": the first, {first.value!r}, is used", expected="one <title>",
                 fix="Keep one <title> ({where}): remove the theme's or the second plugin's, or the stray one in "
                     "the page body.")
