"""The page has more than one meta description.

**What it checks.** An HTML head (the page, or the plugin's `yoast_head` string) with two or more
`<meta name="description">` elements.

**Why it matters.** Only one is used, and which one is not specified: two descriptions usually mean two
producers (a theme and an SEO plugin, or two plugins) each printing their own head tags, and the one you
edit may not be the one shown.

**Severity.** warning: which description a consumer shows becomes a matter of chance. info when every copy
says the same: harmless duplication.

**Options.** None.

**Source.** Screaming Frog "Meta Description: Multiple" (Issue, Medium); peer-checks.md row 12;
wordpress-ecosystem.md §5 check 12 (single head tags).

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee.">
<meta name="description" content="Example is a blog about food."></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee."></head></html>
```
"""

from seoaudit.checks.head_text import multiple

ID = "description/multiple"
SEVERITY = "warning"
SEVERITY_MILD = "info"

check = multiple(lambda view: view.descriptions, count=lambda n: f"{n} meta descriptions", used=lambda first: "",
                 expected="one meta description",
                 fix="Keep one <meta name=\"description\"> ({where}): remove the theme's or the second plugin's.")
