"""A schema property points at a node of the wrong type (an `author` that is a WebPage).

**What it checks.** The node that these properties point at, by `@id` or inline, has a type that fits:

- `image`, `primaryImageOfPage`, `logo` → ImageObject;
- `author` → Person or Organization; `publisher` → Organization or Person;
- `breadcrumb` → BreadcrumbList;
- `mainEntityOfPage` → a WebPage (or a subtype such as ItemPage); for a node that is not itself an
  article, the Article is fine too (Yoast's Recipe and HowTo pieces point at the Article);
- `isPartOf` of an Article → a WebPage or another CreativeWork that can hold it (Blog, Periodical…);
  `isPartOf` of a WebPage → the WebSite or another such CreativeWork.

A node with several types fits when one of them fits (Yoast's `["Person", "Organization"]`). A
target whose type is missing or unknown to seoaudit (a LocalBusiness subtype, a custom type) is not
judged; a reference that resolves to nothing is `schema/dangling-reference`.

**Why it matters.** Consumers follow the reference and read the target as what the property expects:
an Article whose `publisher` resolves to the WebSite has no publisher name and logo for Google, and an
`image` that is a WebPage is no image at all. The cause is almost always an id mix-up: Yoast's
WebPage `@id` equals the permalink, so a hand-written or filtered piece that uses the permalink for
its image or author points at the WebPage instead.

**Severity.** warning: the property points at a node consumers cannot use for it, so the value is lost.

**Options.** None.

**Source.** Yoast generators `article.php` and `webpage.php` (which id goes in which property);
Yoast developer schema spec (required links between pieces); SDTT Article preset (`mainEntityOfPage`,
`publisher` type); Google Article structured data (author is a Person or Organization);
peer-checks.md §7 row 74 (`graph/links`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "publisher": {"@id": "https://example.com/#website"}},
             {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "publisher": {"@id": "https://example.com/#/schema/person/1"}},
             {"@type": ["Person", "Organization"], "@id": "https://example.com/#/schema/person/1",
              "name": "Ann"}]}}}
```
"""

from seoaudit.derive.schema_types import (
    ARTICLE,
    BREADCRUMB,
    CONTAINER_WORK,
    IMAGE,
    ORGANIZATION,
    PERSON,
    WEBPAGE,
    WEBSITE,
    judgeable,
)
from seoaudit.model import Violation

from ._shared import node_label

ID = "schema/reference-type-mismatch"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)

# property → (the types that fit, how a message names them)
EXPECTED = {
    "image": (IMAGE, "an ImageObject"),
    "primaryImageOfPage": (IMAGE, "an ImageObject"),
    "logo": (IMAGE, "an ImageObject"),
    "author": (PERSON | ORGANIZATION, "a Person or Organization"),
    "publisher": (ORGANIZATION | PERSON, "an Organization or Person"),
    "breadcrumb": (BREADCRUMB, "a BreadcrumbList"),
    "mainEntityOfPage": (WEBPAGE, "a WebPage"),
}
IS_PART_OF = {
    "article": (CONTAINER_WORK, "a WebPage or a CreativeWork that holds articles"),
    "page": (CONTAINER_WORK | WEBSITE, "a WebSite or a CreativeWork that holds pages"),
}


def expectation(source, prop):
    """What `prop` of `source` must point at, or None when this rule does not judge it."""
    if prop == "mainEntityOfPage" and not source.is_a(*ARTICLE):
        return WEBPAGE | ARTICLE, "a WebPage or an Article"
    if prop != "isPartOf":
        return EXPECTED.get(prop)
    if source.is_a(*ARTICLE):
        return IS_PART_OF["article"]
    if source.is_a(*WEBPAGE):
        return IS_PART_OF["page"]
    return None


def links(graph):
    """(source node, property, target types, target label, location) for every reference and inline node."""
    for ref in graph.references:
        targets = graph.resolve(ref)
        if targets:
            types = tuple(dict.fromkeys(t for node in targets for t in node.types))
            yield ref.source, ref.property, types, f"{'/'.join(types)} {ref.id}", ref.location
    for node in graph.nodes:
        if node.parent is not None and node.property:
            yield node.parent, node.property, node.types, node_label(node), node.location


def check(page, options, graph):
    view = page.schema_view.name
    for source, prop, types, label, where in links(graph):
        wanted = expectation(source, prop)
        if wanted is None or not judgeable(types):
            continue
        fits, name = wanted
        if any(t in fits for t in types):
            continue
        yield Violation(f"{prop} of {node_label(source)} points at {label}, expected {name}", where,
                        value=list(types), expected=name, view=view,
                        fix=f"Point {prop} at the @id of a node that is {name}; look for an id mix-up, such as the "
                            "WebPage's permalink @id used for another piece.")
