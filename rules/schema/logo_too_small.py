"""A declared logo is smaller than 112×112 pixels.

**What it checks.** Every `logo` of every node of the page's graph (an Organization's, a publisher's,
followed through `@id` to its ImageObject) whose `width` and `height` are declared: both are at least
`min_size` pixels. Logos without a declared size are not judged (nothing is fetched), nor are SVG logos
(a vector has no pixel size: what it declares is a placeholder, WordPress's 1×1 for an SVG upload) and any
logo that declares 1×1 (a placeholder, not a size). Each logo URL is reported once; the message says what
the logo *declares*.

**Why it matters.** Google's Organization documentation: the logo must be "112x112px, at minimum";
a smaller one is not used for the knowledge panel or as the publisher logo in Search. A small declared
logo is usually the site icon or a header thumbnail chosen in "Site representation".

Wide header logos (600×60) are reported too: Google's Organization logo needs both sides at 112 px.

**Severity.** warning: Google does not use the logo, but the page and its other rich results are unaffected.

**Options.** `min_size` (112).

**Source.** Google Search Central, "Organization structured data" (logo: 112×112 px at minimum);
peer-checks.md §7 row 91 (`org/logo-size`).

**Fails:**

```html
<html><head><title>Home</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "name": "Example", "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png",
 "width": 96, "height": 96}}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Home</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "name": "Example", "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png",
 "width": 512, "height": 512}}</script>
</head></html>
```
"""

from seoaudit.derive.images import schema_pixels, url_key
from seoaudit.derive.og import is_svg
from seoaudit.model import Violation
from seoaudit.options import Option

from ._shared import node_label
from ._types import entities, first_url

ID = "schema/logo-too-small"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)
OPTIONS = {"min_size": Option(int, 112, "The width and height in pixels a logo must reach.", minimum=1)}


def check(page, options, graph):
    view = page.schema_view.name
    minimum = options["min_size"]
    reported = set()
    for node in graph.nodes:
        if "logo" not in node.data:
            continue
        for entity in entities(graph, node, "logo"):
            if not isinstance(entity.data, dict):
                continue
            width, height = schema_pixels(entity.data.get("width")), schema_pixels(entity.data.get("height"))
            url = first_url(entity.data)
            if not width or not height or min(width, height) >= minimum or url_key(url or "") in reported:
                continue
            kind = entity.data.get("encodingFormat")
            if (width, height) == (1, 1) or is_svg(url or "", kind if isinstance(kind, str) else None):
                continue  # a placeholder, not a size
            reported.add(url_key(url or ""))
            yield Violation(f"logo of {node_label(node)} declares {width}×{height} px, under {minimum}×{minimum}: "
                            f"{url}",
                            entity.location.child("width") if "width" in entity.data else entity.location,
                            value=f"{width}×{height}", expected=f"≥ {minimum}×{minimum}", view=view,
                            fix=f"Use a logo of at least {minimum}×{minimum} px (square works everywhere) that "
                                "looks right on a white background.")
