"""The canonical is not the post's own URL (the WordPress `link`).

**What it checks.** WordPress documents only (posts, pages, terms, users: anything with a `link`). The
canonical of each view must be the same URL as `link`. Host case and a default port do not matter; a
different scheme, host, port, path, trailing slash or query does, and the message says exactly what
differs. For a draft, pending or scheduled post whose canonical is not the `?p=` placeholder, the
canonical is compared with the permalink the post will get on publish when the edit context gives
`permalink_template` and a slug, and is accepted when it already equals it.

**Why it matters.** A canonical that names another URL tells Google to index *that* URL instead of this
post. When it is deliberate (syndicated content, a duplicate kept for readers: Yoast's "Canonical URL" field)
that is the point, and the finding says the post will not be indexed; when the canonical is the post's own
URL in another form (http for https, another host, a missing trailing slash) it is an accident: a stale Yoast
indexable after a domain or permalink change (Yoast#15325), a headless front end rewriting only some URLs
(Yoast#16134), http vs https behind a proxy. A canonical on the configured `site_url` host (the front end of
a headless site) with the post's path is the front end's own URL and not reported.

**Severity.** warning when the canonical names another page: the post is canonicalised elsewhere and will
not be indexed, usually on purpose (a custom canonical), so it is a warning to confirm; warning too when it is
the post's URL in another form (`www.`, a trailing slash, the port), which redirects to the post. error when it
is the post's path on another host (an old domain, a staging or CMS host): search engines are sent to a site
that is not this one, never what the editor meant. An http canonical of an https post is
`canonical/insecure`'s alone.

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
from seoaudit.derive.canonical import canonical_url
from seoaudit.model import AGGRAVATED, Violation

from ._shared import future_permalink, once_per_value, what_differs

ID = "canonical/mismatch-link"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("post",)  # passed in (registry.py)


def check(page, options, post):
    link = page.link
    if link is None or urls.parse(link.value) is None:
        return
    future = future_permalink(post) if post.is_placeholder else None

    def disagreeing(view):
        field = canonical_url(view)
        if field is None or urls.same(field.value, link.value) or (future and urls.same(field.value, future)):
            return None
        if _front_end_url(page, field.value, link.value):
            return None
        return field.value

    for view in once_per_value(page, disagreeing):
        field = view.canonical
        if future and not urls.is_plain_permalink(field.value):
            # A custom canonical on a draft: what matters is the URL the post will have once published.
            yield Violation(f"canonical differs from the permalink this {post.status} post will get on "
                            f"publish: {what_differs(field.value, future)}", field.location,
                            value=field.value, expected=future, view=view.name, fix=FIX,
                            case=AGGRAVATED if _same_path_elsewhere(field.value, future)
                            and not urls.same_page(field.value, future) else None)
            continue
        if urls.same_page(field.value, link.value):
            if urls.differences(field.value, link.value) == ["scheme http vs https"]:
                continue  # canonical/insecure's
            yield Violation(f"canonical is this post's URL in another form: {what_differs(field.value, link.value)}",
                            field.location, value=field.value, expected=link.value, view=view.name, fix=FIX)
        elif _same_path_elsewhere(field.value, link.value):
            yield Violation(f"canonical is this post's path on another host: {what_differs(field.value, link.value)}",
                            field.location, value=field.value, expected=link.value, view=view.name, fix=FIX,
                            case=AGGRAVATED)
        else:
            yield Violation(f"this post is canonicalised to {field.value} and will not be indexed itself (its link "
                            f"is {link.value})", field.location, value=field.value, expected=link.value,
                            view=view.name, fix=FIX)


def _same_path_elsewhere(canonical: str, link: str) -> bool:
    url, own = urls.parse(canonical), urls.parse(link)
    return (url.path.rstrip("/"), url.query) == (own.path.rstrip("/"), own.query)


def _front_end_url(page, canonical: str, link: str) -> bool:
    """The canonical is the post's path on the configured site URL (a headless front end), the link the CMS's."""
    site = urls.parse(page.site_url) if page.site_url else None
    url, own = urls.parse(canonical), urls.parse(link)
    return site is not None and url.host == site.host and (url.path, url.query) == (own.path, own.query)


FIX = ("If the post should be indexed itself, clear the custom canonical in the SEO plugin so it follows the "
       "permalink (if it is meant to name another page, ignore this rule for this post); after a domain or "
       "permalink change, rebuild Yoast's indexables (Yoast SEO > Tools > Optimize SEO data, or "
       "`wp yoast index --reindex`).")
