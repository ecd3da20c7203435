"""A schema node's `@id` is not an absolute URL.

**What it checks.** Every node of the page's graph that has an `@id` uses an absolute IRI: an
`http(s)://host/…` URL (usually with a `#fragment`, as in `https://example.com/#organization`), or
another absolute IRI such as `urn:isbn:…`. Reported: relative ids (`#org`, `/about#org`,
`//example.com/#org`), blank-node ids (`_:b0`) and malformed URLs. Each id is reported once. Empty
ids are `schema/empty-id`.

**Why it matters.** A relative id is resolved against the URL of the page it is found on, so the
"same" Organization `#org` becomes a different entity on every page, and Google cannot join the
pages' graphs into one site entity. Blank-node ids only exist inside one document. Consumers that do
not resolve relative IRIs see ids that match nothing.

**Severity.** warning: a relative `@id` resolves against each page's URL, so shared entities split into one
per page.

**Options.** None.

**Source.** squirrelscan `entity-id-format` (warning); Yoast `src/config/schema-ids.php` (every id is
built from an absolute URL); JSON-LD 1.1 §4.1.2 (node identifiers, relative IRIs resolved against the
base); peer-checks.md §7 row 73 (`graph/id-absolute`).

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "Organization", "@id": "#org", "name": "Example"}]}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example"}]}</script>
</head></html>
```
"""

import re

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import node_label

ID = "schema/id-not-absolute"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)

IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_absolute(raw: str) -> bool:
    """An http(s) URL that parses, or an absolute IRI of another scheme (urn:, tag:, mailto:…)."""
    scheme = IRI_SCHEME.match(raw)
    if scheme is None or raw.startswith("_:"):
        return False
    if scheme.group(0).lower() in ("http:", "https:"):
        return urls.parse(raw) is not None
    return True


def why(raw: str) -> str:
    if raw.startswith("_:"):
        return "a blank-node id that exists only inside this document"
    if raw.startswith("//"):
        return "a scheme-relative URL"
    if IRI_SCHEME.match(raw):
        return "a malformed URL"
    return "a relative reference, resolved against each page's own URL"


def check(page, options, graph):
    view = page.schema_view.name
    reported: set[str] = set()
    for node in graph.nodes:
        raw = node.id
        if not raw or not raw.strip() or raw in reported or is_absolute(raw.strip()):
            continue
        reported.add(raw)
        base = page.site_origin
        yield Violation(f"{node_label(node)} has an @id that is not an absolute URL: {why(raw.strip())}",
                        node.location.child("@id"), value=raw,
                        expected=f"{base}/{raw.strip()}" if base and raw.startswith("#") else "an absolute URL",
                        view=view, fix="Write the @id as an absolute URL with a fragment, built from the home URL "
                                       "for site entities (https://example.com/#organization) and from the "
                                       "canonical for page entities.")
