"""An article's or website's publisher has no name, or (an Organization) no usable logo.

**What it checks.** The `publisher` of every Article-type node and of the WebSite node, followed through
its `@id`: a Person needs a `name`; an Organization (or an untyped node) is validated against
`seoaudit/schemas/types/Organization.json`: a non-blank `name`, and a `logo` that is a URL string or an
ImageObject (followed through its `@id`) with a `url` or `contentUrl`. A publisher that is plain text is
reported too. A reference that resolves to nothing is left to `schema/dangling-reference`; a publisher
of another type to `schema/reference-type-mismatch`. Each publisher is reported once.

**Why it matters.** Google's Article rich results and the peers (SDTT fails `publisher.name`,
`publisher.logo` and `publisher.logo.url`) read the publisher's name and logo; Yoast emits the
Organization only when "Site representation" has a name and a logo, and an incomplete Organization is
the usual sign that it was never configured (Yoast#14668, Yoast#13197).

**Severity.** info: Google's Article documentation requires no publisher; the name and logo are advice that
completes the article's attribution.

**Options.** None.

**Source.** structured-data-testing-tool Google preset (Article: `publisher."@type"`, `publisher.name`,
`publisher.logo`, `publisher.logo.url`); Google Search Central, "Organization" (logo ImageObject with
`url` or `contentUrl`); schema.org (a logo may be a URL); wordpress-ecosystem.md §5 check 30;
peer-checks.md §7 row 90 (`article/publisher`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "publisher": {"@id": "https://example.com/#organization"}},
  {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "publisher": {"@id": "https://example.com/#organization"}},
  {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example",
   "logo": {"@id": "https://example.com/#/schema/logo/image/"}},
  {"@type": "ImageObject", "@id": "https://example.com/#/schema/logo/image/",
   "url": "https://example.com/logo.png", "contentUrl": "https://example.com/logo.png"}]}}}
```
"""

from seoaudit.derive.schema_types import is_article, vocabulary
from seoaudit.model import Violation

from ._shared import is_bare_reference, node_label
from ._types import entities, entity_name, missing_and_invalid

ID = "schema/publisher-incomplete"
SEVERITY = "info"
REQUIRES = ("graph",)  # passed in (registry.py)


def kind(types) -> str | None:
    vocab = vocabulary()
    known = [t for t in types if t in vocab.types]
    if any(vocab.is_a(t, "Person") for t in known):
        return "Person"
    if not types or any(vocab.is_a(t, "Organization") for t in known):
        return "Organization"
    return None


def with_logo_resolved(graph, data: dict) -> dict:
    """The publisher as a consumer reads it: a `logo: {"@id": …}` replaced by the node it names."""
    logo = data.get("logo")
    if isinstance(logo, dict) and isinstance(logo.get("@id"), str) and not ({"url", "contentUrl"} & set(logo)):
        targets = graph.resolve(logo["@id"])
        if targets:
            return {**data, "logo": {**targets[0].data, **logo}}
    return data


def problems(graph, entity) -> list[str]:
    if isinstance(entity.data, str):
        return ["is plain text (no Organization node)"]
    what = kind(entity.types)
    if what == "Person":
        return [] if entity_name(entity)[0] else ["has no name"]
    if what is None:
        return []
    missing, invalid = missing_and_invalid("Organization", with_logo_resolved(graph, entity.data))
    found = [f"has no {prop}" for prop in missing]
    for path, _message in invalid:
        prop = path.split("/")[0]
        found.append("has an empty name" if prop == "name" else "has a logo with no url or contentUrl")
    return list(dict.fromkeys(found))


def check(page, options, graph):
    view = page.schema_view.name
    reported = set()
    for node in graph.nodes:
        if not (is_article(node) or node.is_a("WebSite")) or "publisher" not in node.data:
            continue
        for entity in entities(graph, node, "publisher"):
            if is_bare_reference(entity):
                continue
            key = entity.id or id(entity.data)
            found = problems(graph, entity)
            if not found or key in reported:
                continue
            reported.add(key)
            name = entity_name(entity)[0]
            who = f'{"/".join(entity.types) or "publisher"} "{name}"' if name else (entity.id or "the publisher")
            yield Violation(f"publisher of {node_label(node)} ({who}) {' and '.join(found)}", entity.location,
                            value=found, expected="an Organization with a name and a logo (url or contentUrl)",
                            view=view, fix="Configure the site's publisher with a name and a logo (Yoast: Settings "
                                           "→ Site representation).")
