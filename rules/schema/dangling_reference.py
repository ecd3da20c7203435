"""A `{"@id": …}` reference points at no node of the page's graph.

**What it checks.** Every reference in the page's JSON-LD (an object with an `@id` and no `@type`,
such as Yoast's `"publisher": {"@id": "https://example.com/#organization"}` or its
`"author": {"name": …, "@id": …}`) names a node that some block of the same page defines. All
blocks of a page form one graph, so a reference may point into another block. Not references:
`sameAs` and `url` values, empty ids (`schema/empty-id` reports those), and a plain page address
(an absolute URL without `#fragment`) in a breadcrumb `item` or in `mainEntityOfPage`, where the
URL itself is the value (Google's breadcrumb and article examples).

**Why it matters.** A dangling reference is valid JSON-LD but an empty node: Google sees an Article
whose author or publisher has no name, type or logo, and drops the rich result or the author and
publisher information. It is a real defect of the producer: Yoast's author reference that does not
match the Person `@id` (Yoast#13094), a publisher that was never output because the knowledge graph
is half configured (Yoast#14668), a Page author that points to a missing node (Yoast#13224), a
WooCommerce seller that references an Organization that is not there (wpseo-woocommerce#399), or a
typo in a hand-written id.

**Severity.** warning: the graph loses what the reference stood for (a publisher's name, an author), but the
page and the rest of its structured data still work, and Google requires neither for an Article. error when
Google requires the property for the rich result of the node that holds it (a BreadcrumbList's
`itemListElement`, a Recipe's `image`): that rich result is lost. The "did you mean" hint names a node only
when the two ids differ in form (case, a slash before `#`) or by a slip of a character or two in the URL with
the same fragment, never a node with another fragment.

**Options.** None.

**Source.** Yoast developer schema spec: references to a node that is not output must be removed;
squirrelscan entity graph checks (PR #338, error); SDTT #21 (references not resolved);
peer-checks.md §7 row 71 (`graph/dangling-ref`); wordpress-ecosystem.md §5 check 17.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "publisher": {"@id": "https://example.com/#organization"}}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article",
              "publisher": {"@id": "https://example.com/#organization"}},
             {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example"}]}}}
```
"""

from seoaudit import urls
from seoaudit.derive.schema_types import google_requires
from seoaudit.model import AGGRAVATED, Violation

from ._shared import is_blank, node_label

ID = "schema/dangling-reference"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("graph",)  # passed in (registry.py)

# Properties whose value may be the address of a page rather than a node of this graph.
PAGE_ADDRESS_PROPERTIES = frozenset({"item", "mainEntityOfPage"})


def is_page_address(ref) -> bool:
    url = urls.parse(ref.id)
    return ref.property in PAGE_ADDRESS_PROPERTIES and url is not None and not url.fragment and "#" not in ref.id


def check(page, options, graph):
    view = page.schema_view.name
    for ref in graph.references:
        if is_blank(ref.id) or graph.resolve(ref):
            continue
        if isinstance(ref.id, str) and is_page_address(ref):
            continue
        near = same_in_form(ref.id, graph.by_id) if isinstance(ref.id, str) else []
        hint = f" (did you mean {near[0]}?)" if near else ""
        required = google_requires(ref.source, ref.property)
        yield Violation(f"{ref.property} reference {ref.id} in {node_label(ref.source)} resolves to no node in the "
                        f"graph{hint}" + (f": Google requires the {ref.property} of a {required}" if required else ""),
                        ref.location, value=ref.id, case=AGGRAVATED if required else None,
                        expected=near[0] if near else "the @id of a node on this page", view=view,
                        fix=(f"Point the reference at {near[0]}." if near else
                             "Output the node this @id names, or remove the reference (and the property) when "
                             "there is no such node."))


def same_in_form(ref: str, ids) -> list[str]:
    """The ids the reference surely meant: one that differs only in case or in a slash before the fragment
    (`site.com#org` for `site.com/#org`), else one with the same fragment whose URL differs by a slip of a
    character or two (`example.jp` for `example.jpg`). An id with another fragment (`#mainImage` for
    `#primaryimage`) names another node, so it is never suggested."""
    def form(value: str) -> str:
        return value.lower().replace("/#", "#").rstrip("/")

    wanted = form(ref)
    exact = [candidate for candidate in ids if form(candidate) == wanted]
    if exact:
        return exact
    import difflib

    page, _, fragment = ref.partition("#")
    same_fragment = {c.partition("#")[0]: c for c in ids if c.partition("#")[2].lower() == fragment.lower()}
    close = difflib.get_close_matches(page, list(same_fragment), n=1, cutoff=0.95)
    return [same_fragment[close[0]]] if close else []
