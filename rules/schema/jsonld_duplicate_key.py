"""A JSON-LD object has the same key twice.

**What it checks.** The raw text of every `application/ld+json` script (in the HTML page, or in the
`yoast_head` string of a WordPress post) is read again, keeping every member of every object, and an
object that names the same key more than once is reported, with the key and where the object sits.
The JSON that plugins return inside a REST response (`yoast_head_json.schema`) reaches the audit
already decoded, so its duplicates cannot be seen here.

**Why it matters.** JSON leaves duplicate names undefined: most parsers keep the last value and drop
the others without a word, others keep the first. Either way one of the two values is lost, and which
one depends on the consumer: two `image` or two `author` keys usually mean a template printed the
property twice, and what Google reads is not what the author meant.

**Severity.** warning: parsers keep one of the values (usually the last), so the other is lost.

**Options.** None.

**Source.** Lighthouse structured-data JSON linter (jsonlint-mod, duplicate keys: error; LH#4359);
RFC 8259 §4 ("The names within an object SHOULD be unique"); peer-checks.md §7 row 64
(`jsonld/duplicate-keys`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",
 "headline": "Hello", "headline": "Hello again"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",
 "headline": "Hello", "alternativeHeadline": "Hello again"}</script>
</head></html>
```
"""

import json

from seoaudit.model import Violation

ID = "schema/jsonld-duplicate-key"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
MAX_DEPTH = 64


class _Object(dict):
    """A decoded object that remembers the keys it saw more than once."""

    duplicates: tuple = ()


def _with_duplicates(pairs, found: list):
    found.append(pairs)
    obj = _Object()
    seen = []
    for key, value in pairs:
        if key in obj:
            seen.append(key)
        obj[key] = value
    obj.duplicates = tuple(dict.fromkeys(seen))
    return obj


def _loads(text: str) -> tuple[object, list]:
    """The decoded text, and the pairs of every object that names a key twice."""
    found: list = []

    def keep_duplicates(pairs):  # once per object: a closure, the common case in C (no key twice)
        plain = dict(pairs)
        return plain if len(plain) == len(pairs) else _with_duplicates(pairs, found)

    return json.loads(text, object_pairs_hook=keep_duplicates), found


def duplicate_keys(value, tokens=(), depth=0):
    """(path to the object, key) for every duplicated key."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, _Object):
        for key in value.duplicates:
            yield tokens, key
    if isinstance(value, dict):
        for key, item in value.items():
            yield from duplicate_keys(item, (*tokens, key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from duplicate_keys(item, (*tokens, index), depth + 1)


def check(page, options):
    for view in page.head_views:
        for block in view.jsonld:
            if block.error is not None or not block.text:
                continue
            try:
                data, found = _loads(block.text)
            except (ValueError, RecursionError):
                continue
            if not found:
                continue  # no object repeats a key: no need to walk the data
            for tokens, key in duplicate_keys(data):
                yield Violation(f'duplicate key "{key}" in one JSON-LD object in {view.name}: consumers keep only '
                                "one of the values, and not all the same one", block.location.child(*tokens, key),
                                value=key, expected="each key once per object", view=view.name,
                                fix=f'Keep one "{key}" (a list holds several values: "{key}": [a, b]).')
