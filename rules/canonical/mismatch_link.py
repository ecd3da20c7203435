"""The canonical is not the post's own URL (the WordPress `link`).

**What it checks.** WordPress documents only (posts, pages, terms, users: anything with a `link`). The
canonical of each view must be the same URL as `link`. Host case and a default port do not matter; a
different scheme, host, port, path, trailing slash or query does, and the message says exactly what
differs. For a draft, pending or scheduled post whose canonical is not the `?p=` placeholder, the
canonical is compared with the permalink the post will get on publish when the edit context gives
`permalink_template` and a slug, and is accepted when it already equals it.

**Why it matters.** A canonical that names another URL tells Google to index *that* URL instead of this
post. When it is deliberate (syndicated content, a duplicate) that is the point, but most mismatches
are accidents: a stale Yoast indexable after a domain or permalink change (Yoast#15325), a headless
front end rewriting only some URLs (Yoast#16134), http vs https behind a proxy, or a missing trailing
slash that costs a redirect on every crawl.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (a self-referencing canonical is recommended);
squirrelscan `core/canonical` (not self-referencing); WordPress-ecosystem defects Yoast#15325,
Yoast#16134, web-stories-wp#4754.

**Fails:**

```json
{"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post"}}
```

**Passes:**

```json
{"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "https://Example.com:443/post/"}}
```
"""

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import canonical_url, future_permalink, once_per_value, what_differs

ID = "canonical/mismatch-link"
SEVERITY = "error"
REQUIRES = ("post",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options):
    link = page.link
    if link is None or urls.parse(link.value) is None:
        return
    future = future_permalink(page.post) if page.is_placeholder else None

    def disagreeing(view):
        field = canonical_url(view)
        if field is None or urls.same(field.value, link.value) or (future and urls.same(field.value, future)):
            return None
        return field.value

    for view in once_per_value(page, disagreeing):
        field = view.canonical
        if future and not urls.is_plain_permalink(field.value):
            # A custom canonical on a draft: what matters is the URL the post will have once published.
            yield Violation(f"canonical differs from the permalink this {page.post.status} post will get on "
                            f"publish: {what_differs(field.value, future)}", field.location,
                            value=field.value, expected=future, view=view.name, fix=FIX)
            continue
        yield Violation(f"canonical differs from the post link: {what_differs(field.value, link.value)}",
                        field.location, value=field.value, expected=link.value, view=view.name, fix=FIX)


FIX = ("Clear the custom canonical in the SEO plugin so it follows the permalink (if the canonical is meant to "
       "name another page, ignore this rule for this post); after a domain or permalink change, rebuild "
       "Yoast's indexables (Yoast SEO > Tools > Optimize SEO data, or `wp yoast index --reindex`).")
