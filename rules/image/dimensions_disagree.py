"""The same image URL is declared with different sizes by different producers.

**What it checks.** For every image URL, the sizes declared for it must agree across the `og:image`
tags of `yoast_head` (`og:image:width/height`), the `og_image` entries of `yoast_head_json`, the HTML
head, and every schema.org ImageObject whose `url` or `contentUrl` is that URL (in the page's graph
and in each producer's graph). A size that one declaration leaves out is not compared. The first
declaration (the primary producer's og:image, then its ImageObjects) is the reference; each differing
size is reported once, with both values and both locations.

**Why it matters.** A URL is one file with one pixel size, so two different sizes mean at least one is
wrong: a resized or replaced upload whose metadata was not regenerated, a CDN that serves another
rendition, or a headless front end that rewrote one copy. Facebook lays out the share from the
declared size, and Google reads the ImageObject's; a wrong one crops or distorts the preview
(bettergov#720: declared 768, real 1080).

**Severity.** warning: at least one declared size is wrong, so a preview may be cropped or distorted.

**Options.** None.

**Source.** Facebook "Images in Link Shares" (declared `og:image:width/height` are used before the
image is fetched); Yoast developer spec, ImageObject piece (`width`/`height` of the attachment);
peer-checks catalogue `og/image-dims-match` (bettergov#720).

**Fails:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"og_url": "https://example.com/hello/",
   "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg", "width": 1200, "height": 630}],
   "schema": {"@context": "https://schema.org", "@graph": [
     {"@type": "ImageObject", "@id": "https://example.com/hello/#primaryimage",
      "url": "https://example.com/wp-content/uploads/hello.jpg",
      "contentUrl": "https://example.com/wp-content/uploads/hello.jpg", "width": 768, "height": 403}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/hello/", "status": "publish", "title": {"rendered": "Hello"},
 "yoast_head_json": {"og_url": "https://example.com/hello/",
   "og_image": [{"url": "https://example.com/wp-content/uploads/hello.jpg", "width": 1200, "height": 630}],
   "schema": {"@context": "https://schema.org", "@graph": [
     {"@type": "ImageObject", "@id": "https://example.com/hello/#primaryimage",
      "url": "https://example.com/wp-content/uploads/hello.jpg",
      "contentUrl": "https://example.com/wp-content/uploads/hello.jpg", "width": 1200, "height": 630}]}}}
```
"""

from seoaudit.derive.images import Declared, object_declared, og_declared, url_key
from seoaudit.model import Violation

ID = "image/dimensions-disagree"
SEVERITY = "warning"
FIX = ("Declare the image's real pixel size everywhere (regenerate the attachment metadata or thumbnails "
       "in WordPress, and make the front end copy the plugin's values unchanged).")


def _declarations(page) -> list[Declared]:
    views = [page.primary] + [v for v in page.views.values() if v is not page.primary]
    found: list[Declared] = []
    for view in (v for v in views if v is not None):
        found.extend(og_declared(view))
        for node in page.graph_of(view).of_type("ImageObject"):
            declared = object_declared(node, view)
            if declared is not None:
                found.append(declared)
    return [d for d in found if d.width or d.height]


def _differing(reference: Declared, other: Declared) -> list[str]:
    return [name for name in ("width", "height")
            if getattr(reference, name) and getattr(other, name)
            and getattr(reference, name) != getattr(other, name)]


def check(page, options):
    groups: dict = {}
    for declared in _declarations(page):
        groups.setdefault(url_key(declared.url), []).append(declared)
    for declarations in groups.values():
        reference, reported = declarations[0], set()
        for other in declarations[1:]:
            differing = _differing(reference, other)
            if not differing or (other.width, other.height) in reported:
                continue
            reported.add((other.width, other.height))
            where = other.height_where if differing == ["height"] and other.height_where else other.where
            yield Violation(
                f"{other.url} is declared {other.size} in {other.source} but {reference.size} in {reference.source} "
                f"({reference.where.describe()}): {' and '.join(differing)} differ",
                where, value=other.size, expected=reference.size, view=other.view, fix=FIX)
