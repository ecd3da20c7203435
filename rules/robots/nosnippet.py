"""An indexable page forbids search snippets (nosnippet or max-snippet:0).

**What it checks.** The robots metas of the primary producer (`robots`, `googlebot`) on a published,
indexable page: `nosnippet`, or a `max-snippet` whose most restrictive value is `0`, fails.

**Why it matters.** Google then shows the page with no text snippet under its title (and no video
preview), and does not use its content for AI Overviews or featured snippets. Pages without a snippet
get fewer clicks; the rule is meant for pages whose text must not be quoted, not as a default.

**Severity.** warning: results show no text; the page stays indexed.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (`nosnippet`; `max-snippet: 0` is equivalent);
Screaming Frog "Directives: NoSnippet" (Warning/Low); squirrelscan `core/nosnippet`.

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-snippet:0"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-snippet:-1"></head></html>
```
"""

from ._shared import restriction, snippet_limit

ID = "robots/nosnippet"
SEVERITY = "warning"


def no_snippet(found):
    """nosnippet, else a max-snippet of 0 when that is the most restrictive limit."""
    rule = next((d for d in found if d.name == "nosnippet"), None)
    if rule is None and snippet_limit(found) == 0:
        rule = next(d for d in found if d.name == "max-snippet" and d.value and d.value.strip("-+0") == "")
    return rule


check = restriction(no_snippet, says="{bot} says {directive}: Google shows this page with no text snippet",
                    expected="max-snippet:-1 (or no snippet rule)",
                    fix="Remove nosnippet / max-snippet:0; to hide one passage, mark it data-nosnippet instead.")
