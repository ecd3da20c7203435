"""A canonical URL with a `#fragment`.

**What it checks.** Every non-empty canonical inside `<head>` (and the plugin JSON `canonical`) that
contains `#`, e.g. `https://example.com/post/#main` or a stray `https://example.com/post/#`.

**Why it matters.** Google says not to use a fragment as canonical: the fragment is not part of the
URL it indexes, so the value names a "part" of a page. Fragments in canonicals usually leak from a
template that builds the canonical from a schema `@id` (`…#webpage`) or from a JavaScript router.

**Severity.** warning: Google drops the fragment and reads the rest, which usually still names the page; a
template defect of small impact.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs": "Don't specify a URL fragment as canonical";
Screaming Frog "Canonicals: Contains Fragment URL" (Issue, High).

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/#webpage"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head></html>
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import head_canonicals
from seoaudit.model import Violation

from ._shared import once_per_value

ID = "canonical/fragment"
SEVERITY = "warning"


def check(page, options):
    def with_fragment(view):
        return tuple(c.value for c in head_canonicals(view) if "#" in c.value) or None

    for view in once_per_value(page, with_fragment):
        for field in head_canonicals(view):
            if "#" not in field.value:
                continue
            fragment = field.value.partition("#")[2]
            without = urls.without_fragment(field.value)
            shown = f"#{fragment}" if fragment else "(a bare #)"
            yield Violation(f"canonical {field.value!r} has a fragment {shown}",
                            field.location, value=field.value, expected=without, view=view.name,
                            fix=f"Drop the fragment: use {without!r}.")
