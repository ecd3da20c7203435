"""A JSON-LD block uses an `@`-key that is not a JSON-LD 1.1 keyword.

**What it checks.** Every key that starts with `@` in every object of the page's JSON-LD (nodes, values,
contexts) is one of the keywords of JSON-LD 1.1: `@context`, `@id`, `@type`, `@graph`, `@value`,
`@language`, `@list`, `@set`, `@vocab`, `@base`, `@container`, … Case matters: `@Type` is not `@type`.

**Why it matters.** A JSON-LD processor ignores a key that looks like a keyword but is not one, with
its value: a misspelt `@ID` or `@Type` leaves the node without its identity or its type, so references
to it dangle and rich results never match it. Such keys are nearly always typos of a real keyword or
template placeholders.

**Severity.** warning: processors ignore the key, so what it held is lost.

**Options.** None.

**Source.** Lighthouse structured-data `jsonld-keyword-validator.js` (error); W3C JSON-LD 1.1 §1.7
(keywords); peer-checks.md §7 row 65 (`jsonld/unknown-keyword`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@Type": "Article",
 "headline": "Hello"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",
 "headline": "Hello"}</script>
</head></html>
```
"""

import re

from seoaudit.model import Violation

from ._types import JSONLD_KEYWORDS

ID = "schema/jsonld-unknown-keyword"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
MAX_DEPTH = 64
_FOLDED = {k.lower(): k for k in JSONLD_KEYWORDS}


def unknown_keywords(value, where, depth=0, tokens=()):
    # The path is carried as tokens: a Location is built only for a key that is reported.
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if key.startswith("@") and key not in JSONLD_KEYWORDS:
                yield key, where.child(*tokens, key)
            if isinstance(item, dict | list):
                yield from unknown_keywords(item, where, depth + 1, (*tokens, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from unknown_keywords(item, where, depth + 1, (*tokens, index))


def may_have_unknown(text: str | None) -> bool:
    """False when the block's raw text shows that no key can be an unknown keyword: every string that starts
    with "@" is a keyword, and none is written with an escape (`"\\u0040x"` decodes to "@x"). A scan in C
    instead of a walk of the decoded data in Python, for the common block."""
    if text is None or '"\\u' in text:
        return True
    return any(end == "\\" or name not in JSONLD_KEYWORDS for name, end in _AT_STRINGS.findall(text))


_AT_STRINGS = re.compile(r'"(@[^"\\]*)(["\\])')  # a string that starts with "@", and what ends its plain part


def check(page, options):
    view = page.schema_view
    if view is None:
        return
    for block in view.jsonld:
        if block.error is not None or not may_have_unknown(block.text):
            continue
        for key, where in unknown_keywords(block.data, block.location):
            guess = _FOLDED.get(key.lower())
            hint = f' (did you mean "{guess}"?)' if guess else ""
            yield Violation(f'"{key}" is not a JSON-LD keyword{hint}: processors ignore it and its value', where,
                            value=key, expected=guess or "a JSON-LD 1.1 keyword", view=view.name,
                            fix=f"Write {guess}" if guess else "Remove the key, or name a schema.org property "
                                                                "without the leading @.")
