"""A JSON-LD object has no `@context`, or one that is not schema.org.

**What it checks.** Every top-level JSON-LD object of the page's graph (each block, or each item of a
top-level array) declares schema.org as its context. Accepted: `http://schema.org` or
`https://schema.org` (with or without `www.` and the trailing slash, or its `/docs/jsonldcontext.json`
document), that string inside a context list such as `["https://schema.org", {"@language": "en"}]`,
or an object whose `@vocab` is schema.org. An object with neither `@context` nor `@type` (nor `@graph`) is
application data a site keeps in an `ld+json` script (a tag list, a player's settings), not structured data:
it is not judged, by this rule or any other. An object this rule reports is not reported by
`schema/missing-type` too (one block, one finding).

**Why it matters.** Without the schema.org context the keys are just JSON: `headline` or `author` mean
nothing to a JSON-LD processor, and Google does not read the object as schema.org at all. A top-level
array does not share one context between its items: each item needs its own (or use one object with
`@graph`, as Yoast does).

**Severity.** warning for an object with an `@type` and no `@context`: Google does not read it as schema.org,
so what it says is lost. error when its type feeds a Google search feature (an Article, a Recipe, a
BreadcrumbList, an Organization…): that feature is lost, never what the author meant. info for another
vocabulary's context (Baidu's Cambrian, a vendor's own): the block is for its own consumers, and nothing of
schema.org is broken.

**Options.** None.

**Source.** squirrelscan `schema/json-ld-valid` (context check; its false positives on `http:` and
list contexts, squirrelscan #2, are accepted here); JSON-LD 1.1 §4.1 (the active context);
Yoast-for-TYPO3 #618 (one `@context` on a top-level `@graph`); peer-checks.md §7 row 66.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@type": "Article", "headline": "Post"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "http://schema.org/", "@type": "Article", "headline": "Post"}</script>
</head></html>
```
"""

from seoaudit import urls
from seoaudit.derive.schema_types import GOOGLE_FEATURE_TYPES
from seoaudit.model import AGGRAVATED, MILD, Violation

ID = "schema/context-not-schema-org"
SEVERITY = "warning"
SEVERITY_MILD = "info"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("graph",)  # passed in (registry.py)

SCHEMA_HOSTS = ("schema.org", "www.schema.org")
SCHEMA_PATHS = ("", "/", "/docs/jsonldcontext.json", "/docs/jsonldcontext.jsonld")


def is_schema_org_iri(value) -> bool:
    if not isinstance(value, str):
        return False
    url = urls.parse(value.strip())
    return url is not None and url.host in SCHEMA_HOSTS and url.path in SCHEMA_PATHS and not url.query


def names_schema_org(context) -> bool:
    """True when a `@context` value makes schema.org the vocabulary."""
    if isinstance(context, list):
        return any(names_schema_org(item) for item in context)
    if isinstance(context, dict):
        return is_schema_org_iri(context.get("@vocab"))
    return is_schema_org_iri(context)


def check(page, options, graph):
    view = page.schema_view.name
    for context in graph.contexts:
        if context.value is None:
            feature = next((t for t in context.types if t in GOOGLE_FEATURE_TYPES), None)
            lost = f": Google does not read this {feature}" if feature else ""
            what = f"JSON-LD {'/'.join(context.types)} object" if context.types else "JSON-LD object"
            yield Violation(f"{what} has no @context: its keys are not read as schema.org{lost}", context.location,
                            expected="https://schema.org", view=view,
                            case=AGGRAVATED if feature else None,
                            fix='Add "@context": "https://schema.org" to the top-level object (one object with '
                                '"@graph" when there are several nodes).')
        elif not names_schema_org(context.value):
            yield Violation(f"JSON-LD @context is another vocabulary than schema.org: {_short(context.value)}",
                            context.location, value=context.value, expected="https://schema.org", view=view,
                            case=MILD, fix='Use "@context": "https://schema.org" if the block is meant for search '
                                           'engines; a vocabulary of its own is for its own consumers.')


def _short(value) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 80 else text[:77] + "…"
