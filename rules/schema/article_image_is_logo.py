"""An article's image is the site's logo.

**What it checks.** The `image` of every Article-type node (resolved through `@id`, as a URL string, an
ImageObject `url`/`contentUrl`, or a list of them) is not the same URL as the `logo` of an Organization
(or other node with a logo) in the page's graph, such as the article's publisher. URLs are compared as
search engines compare them (host case and default ports ignored).

**Why it matters.** Google asks for article images that represent the content, "rather than logos";
Discover likewise says to avoid generic images such as the site logo. WordPress falls back to the logo
when a post has no featured image (a theme or Yoast's default image set to the logo), so every post of
the site shows the same picture and none of them is eligible for the large image card.

**Severity.** warning: the article's image in Top stories and Discover is the logo; a real defect of limited
impact.

**Options.** None.

**Source.** Google Search Central, "Article structured data" (image guidelines); Google Discover
("Avoid using generic images (for example, your site logo)"); peer-checks.md §7 row 81
(`article/image-not-logo`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Article", "headline": "Hello", "image": "https://example.com/logo.png",
  "publisher": {"@id": "https://example.com/#organization"}},
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example",
  "logo": "https://example.com/logo.png"}]}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Article", "headline": "Hello", "image": "https://example.com/uploads/harbour.jpg",
  "publisher": {"@id": "https://example.com/#organization"}},
 {"@type": "Organization", "@id": "https://example.com/#organization", "name": "Example",
  "logo": "https://example.com/logo.png"}]}</script>
</head></html>
```
"""

from seoaudit.derive.images import url_key
from seoaudit.model import Violation

from ._shared import node_label
from ._types import articles, entities, first_url

ID = "schema/article-image-is-logo"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)


def logo_urls(graph) -> dict:
    found = {}
    for node in graph.nodes:
        if "logo" in node.data:
            for entity in entities(graph, node, "logo"):
                url = first_url(entity.data)
                if url:
                    found.setdefault(url_key(url), url)
    return found


def check(page, options, graph):
    view, nodes = page.schema_view.name, articles(graph)
    if not nodes:
        return
    logos = logo_urls(graph)
    if not logos:
        return
    for node in nodes:
        for entity in entities(graph, node, "image"):
            url = first_url(entity.data)
            if url and url_key(url) in logos:
                yield Violation(f"the image of {node_label(node)} is the site logo {url}", entity.location,
                                value=url, expected="an image of the article's own content", view=view,
                                fix="Give the post a featured image of its own; do not use the logo as the "
                                    "default article image.")
                break
