"""A schema.org ImageObject has neither a `url` nor a `contentUrl`.

**What it checks.** Every node typed `ImageObject` in the page's schema graph (top-level, in `@graph`
or inline, such as an Article `image` or an Organization `logo`) has a non-empty `url` or `contentUrl`.
A reference (`{"@id": …}` with no `@type`) is not an ImageObject node and is not checked here.

**Why it matters.** An ImageObject without a URL points at no image: Google ignores it, so the
Article, logo or primary image it stands for is missing from rich results. Yoast's schema spec drops
such a node ("if any of the required fields are missing or invalid, the node should not be output"),
yet real Yoast output has shipped `#primaryimage` with `"url": ""` (wordpress-ecosystem.md Fixture A),
and other generators emit empty logo objects.

**Severity.** warning: the image is lost, but the page and its other structured data still work. error when
Google requires the image for the rich result of the node that holds it (a Recipe's `image`): the rich result
is then lost. An empty ImageObject written twice (a logo repeated on several nodes) is one finding.

**Options.** None.

**Source.** Yoast developer spec, ImageObject piece (required `url` and `contentUrl`); Google
Organization guidance ("An ImageObject logo needs a valid `contentUrl` or `url`"); peer-checks
catalogue `image/object`.

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "image": {"@type": "ImageObject", "url": "", "width": 1200, "height": 630}}
</script></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Article", "headline": "Post",
 "image": {"@type": "ImageObject", "url": "https://example.com/cover.jpg", "width": 1200, "height": 630}}
</script></head><body></body></html>
```
"""

from seoaudit.derive.images import object_url
from seoaudit.derive.schema_types import google_requires
from seoaudit.model import AGGRAVATED, Violation

ID = "image/object-url-missing"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"


def _name(node) -> str:
    where = f"{node.parent.types[0] if node.parent and node.parent.types else 'graph'} {node.property}"
    return node.id or (where if node.property else "ImageObject")


def check(page, options):
    view = page.schema_view
    if view is None:
        return
    seen = set()
    for node in page.graph.of_type("ImageObject"):
        if object_url(node) is not None:
            continue
        present = {k: node.get(k) for k in ("url", "contentUrl") if k in node.data}
        if (_name(node), repr(present)) in seen:
            continue  # the same empty object repeated on another node
        seen.add((_name(node), repr(present)))
        required = google_requires(node.parent, node.property) if node.parent and node.property else None
        where = node.location.child(next(iter(present))) if present else node.location
        yield Violation(f"ImageObject {_name(node)} has no url or contentUrl"
                        + (f" (found {present})" if present else "")
                        + (f": Google requires the {node.property} of a {required}" if required else ""), where,
                        case=AGGRAVATED if required else None,
                        value=present or None, expected="a non-empty absolute image URL in url/contentUrl",
                        view=view.name,
                        fix="Give the ImageObject the image's absolute URL in both url and contentUrl, or "
                            "remove the node and every reference to it.")
