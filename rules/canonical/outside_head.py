"""A `<link rel=canonical>` in the `<body>` of an HTML page, where search engines ignore it.

**What it checks.** In a saved HTML page, every canonical link element that sits in `<body>`,
including one the HTML parser moved there because an element that cannot live in `<head>` (a `<div>`,
an `<img>`, stray text) came before it and closed the head early.

**Why it matters.** Google only accepts a canonical `<link>` in `<head>` (a body one could be injected
by user content), and Lighthouse ignores it too. A tag that *looks* like it is in the head is silently
dropped when a plugin prints markup above it, so the page ends up with no canonical at all.

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

from seoaudit.model import Violation

ID = "canonical/outside-head"
SEVERITY = "error"


def check(page, options):
    view = page.views.get("html")
    if view is None:
        return
    has_head_canonical = view.canonical is not None
    for field in view.canonicals:
        if field.in_head:
            continue
        effect = ("it is ignored" if has_head_canonical
                  else "it is ignored and the page has no canonical")
        yield Violation(f"<link rel=\"canonical\" href={field.value!r}> is in <body>: {effect}", field.location,
                        value=field.value, expected="inside <head>", view=view.name,
                        fix="Move the tag into <head>, and check that no <div>, <img> or text printed earlier in "
                            "<head> closes the head before it.")
