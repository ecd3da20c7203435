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

from seoaudit.derive.text import describe_views
from seoaudit.model import MILD, Violation

ID = "description/multiple"
SEVERITY = "warning"
SEVERITY_MILD = "info"


def check(page, options):
    for view in page.views.values():
        if len(view.descriptions) < 2:
            continue
        first, *rest = view.descriptions
        same = all(f.value == first.value for f in rest)
        how = "all the same" if same else "with different text"
        yield Violation(f"{len(view.descriptions)} meta descriptions in {view.name} ({how})", rest[0].location,
                        case=MILD if same else None,
                        value=[f.value for f in view.descriptions], view=view.name, expected="one meta description",
                        fix=f"Keep one <meta name=\"description\"> ({describe_views(view.descriptions)}): "
                            "remove the theme's or the second plugin's.")
