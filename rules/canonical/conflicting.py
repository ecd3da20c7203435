"""One page declares more than one distinct canonical URL.

**What it checks.** The non-empty canonicals inside `<head>` of each view (the page, or a plugin's head
string) and counts the distinct URLs among them. Two URLs are the same when a search engine would treat
them so: host case, a default port and a `#fragment` do not make them distinct; scheme, trailing slash
and query do. Identical duplicates (a theme and a plugin printing the same tag) are not reported here.

**Why it matters.** With two different canonicals Google ignores both and picks one itself, so the
hint the site meant to give is lost. The usual cause is a theme, a headless front end (Next.js `<Head>`
in `_app` and in the page) or a second SEO plugin printing its own tag next to the plugin's.

**Severity.** error: the page contradicts itself (two canonicals), and Google then ignores both.

**Options.** None.

**Source.** Lighthouse `canonical` audit, "Multiple conflicting URLs" (more than one distinct URL;
identical duplicates pass); Screaming Frog "Canonicals: Multiple Conflicting" (Issue, High); Google,
"Consolidate duplicate URLs" (don't specify different URLs as canonical for the same page); real
cases: roots/sage#274, vercel/next.js#22188.

**Fails:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/">
<link rel="canonical" href="https://example.com/post-2/">
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/">
<link rel="canonical" href="https://EXAMPLE.com/post/">
</head></html>
```
"""

from seoaudit.derive.canonical import distinct, head_canonicals
from seoaudit.model import Violation

from ._shared import lines, once_per_value

ID = "canonical/conflicting"
SEVERITY = "error"


def check(page, options):
    def groups_of(view):
        groups = distinct(head_canonicals(view))
        return tuple(groups) if len(groups) > 1 else None

    for view in once_per_value(page, groups_of):
        fields = head_canonicals(view)
        groups = distinct(fields)
        listed = "; ".join(f"{members[0].value!r} ({lines(members)})" for members in groups.values())
        yield Violation(f"{len(fields)} canonicals in {view.name} name {len(groups)} different URLs: {listed}",
                        list(groups.values())[1][0].location,  # the first tag that disagrees with the first
                        value=[members[0].value for members in groups.values()], expected="one canonical URL",
                        fix="Keep one <link rel=\"canonical\">: remove the one the theme, front end or second "
                            "plugin adds, or make them identical.", view=view.name)

