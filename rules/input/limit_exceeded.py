r"""A limit on what seoaudit reads was reached: part of the document (or all of it) was not audited.

**What it checks.** Every limit of `[tool.seoaudit.limits]` (docs/limits.md): a file over
`max-input-bytes` (after gzip decompression) or JSON nested deeper than `max-json-depth` is not audited
at all; a JSON-LD block nested deeper than `max-json-depth` is left out of the graph; a graph with more
than `max-jsonld-nodes` nodes and references keeps the first ones; nodes nested deeper than
`max-graph-depth` are left out; past `max-elements` `<meta>`, `<link>`, `<script>` or `<title>` elements
of one kind in one view, the rest are not read; and a document whose rules run past `document-timeout`
seconds has its remaining rules skipped (the engine checks the deadline between rules and reports it
under this rule). The message names the limit, what was found, and what was left out.

**Why it matters.** seoaudit reads what other people's servers produce: a 50 MB page, a graph nested
ten thousand deep, a theme that prints a `<meta>` per product. Auditing all of it would hang a CI gate;
leaving part of it out silently would pass a page nobody checked. A document cut short is reported, so
the gate fails and says which limit to raise.

**Severity.** error: part of the document was not audited, so the gate cannot vouch for it.

**Options.** None here: the limits are set under `[tool.seoaudit.limits]` (`max-input-bytes`,
`max-json-depth`, `max-jsonld-nodes`, `max-graph-depth`, `max-elements`, `document-timeout`).

**Source.** seoaudit's own defaults, far above real pages: Yoast graphs hold about ten nodes nested five
deep; the largest page of the test corpus is under 2 MB. The graph depth of 64 was seoaudit's bound on
its graph walk from the start (`seoaudit.graph.MAX_DEPTH`).

**Fails:**

```html
<html><head><title>Deep</title><script type="application/ld+json">
[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
</script></head></html>
```

**Passes:**

```html
<html><head><title>Shallow</title><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "WebPage", "name": "Shallow"}
</script></head></html>
```
"""

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode, Violation

ID = "input/limit-exceeded"
SEVERITY = "error"
FIX = "Raise the limit under [tool.seoaudit.limits] if this document is legitimate (docs/limits.md)."


def limits_reached(page, options):
    """What the extraction and the graph left out of a document that was read."""
    for view in page.views.values():
        for hit in view.limit_hits:
            yield Violation(hit.message, hit.location, value=hit.value, expected=hit.expected, view=view.name,
                            fix=FIX)
        if not view.jsonld:
            continue
        graph = page.graph_of(view)
        if graph.too_many:
            yield Violation(f"JSON-LD graph in {view.name} has more than {graph.max_nodes:,} nodes and references; "
                            f"{graph.too_many:,} more were left out (max-jsonld-nodes)", view.location,
                            value=graph.max_nodes + graph.too_many, expected=graph.max_nodes, view=view.name, fix=FIX)
        if graph.too_deep is not None:
            yield Violation(f"JSON-LD graph in {view.name} nests nodes more than {graph.max_depth} deep; the deeper "
                            "nodes were left out (max-graph-depth)", graph.too_deep, expected=graph.max_depth,
                            view=view.name, fix=FIX)


check = reports_problem(InputCode.LIMIT_EXCEEDED, fix=FIX, readable=limits_reached)
