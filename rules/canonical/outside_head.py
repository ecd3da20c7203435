"""A `<link rel=canonical>` in the `<body>` of an HTML page, where search engines ignore it.

**What it checks.** In an HTML head (the page, or a plugin's head string), a canonical link element that
sits in `<body>` while `<head>` has none: written there, or moved there by the HTML parser because an element
that cannot live in `<head>` (a `<div>`, an `<img>`, stray text) came before it and ended the head early. The
finding names that element and lists every head tag it moved (the title, the description and the robots meta
too): one cause, one finding, reported by this rule whenever the canonical is among the moved tags (else by
`robots/outside-head`, `title/outside-head` or `description/outside-head`, in that order). A canonical in
`<body>` next to one in `<head>` is ignored: a copy of it changes nothing and is not reported, one that names
another URL is reported as information (the page says two things, search engines read only the first).

**Why it matters.** Google only accepts a canonical `<link>` in `<head>` (a body one could be injected
by user content), and Lighthouse ignores it too. A tag that *looks* like it is in the head is silently
dropped when a plugin prints markup above it, so the page ends up with no canonical at all.

**Severity.** error: the page declares a canonical that search engines never see, so the page says one thing
and is read as another (a contradiction, never a choice). info for a body canonical that disagrees with the
head's: it is ignored, and the head's one holds.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs": the `rel="canonical"` link element is "only accepted
if it appears in the `<head>` section"; Screaming Frog "Canonicals: Outside <head>" (Issue, High);
Lighthouse `canonical` audit (body link elements are ignored).

**Fails:**

```html
<html><head><title>Post</title></head>
<body><div>Hello</div><link rel="canonical" href="https://example.com/post/"></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head>
<body><div>Hello</div></body></html>
```
"""

from seoaudit import urls
from seoaudit.derive.text import displaced, displaced_violation
from seoaudit.model import MILD, Violation

ID = "canonical/outside-head"
SEVERITY = "error"
SEVERITY_MILD = "info"


def check(page, options):
    for found in displaced(page, ID):
        yield displaced_violation(found)
    for view in page.head_views:
        head = view.canonical
        for field in view.canonicals:
            if head is None or field.in_head or not field.value or urls.same(field.value, head.value):
                continue
            yield Violation(f"<link rel=\"canonical\" href={field.value!r}> in <body> names another URL than the one "
                            f"in <head> ({head.value!r}); search engines ignore it and keep the head's",
                            field.location, value=field.value, expected=head.value, view=view.name, case=MILD,
                            fix="Remove the canonical from <body> (content or a widget printed it).")
