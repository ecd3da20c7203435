"""A published post still carries the `?p=` placeholder URL in its SEO metadata.

**What it checks.** On a published WordPress post, page or custom post type whose `link` is a pretty
permalink, the canonical, `og:url`, `twitter:url` and the schema page URLs (WebPage, Article, breadcrumb
`item`, action `target`) of every producer are not plain permalinks (`/?p=123`, `/?page_id=7`,
`/?post_type=x&p=9`, `/?attachment_id=5`). On an HTML page (status unknown) the same URLs must not be
plain while the page's canonical is pretty. A site that uses plain permalinks everywhere (the `link`
itself is `?p=`) passes: that is a setting, not stale data. Drafts are `canonical/draft-placeholder`'s.
One finding per post, listing every field.

**Why it matters.** WordPress gives a post the plain `?p=` URL until it is public, and Yoast builds the
canonical, `og:url` and every schema `@id` from it. When the indexable is not rebuilt on publish (a
scheduled post going live, an import, an object cache), the live post keeps telling Google that its
canonical URL is `?p=123`: Google crawls and indexes the `?p=` URLs (Yoast#16266, Yoast#20329) and
shares point at a redirect.

**Severity.** error: the live post names its `?p=` placeholder, which redirects, as its canonical URL, so it
contradicts its own permalink (Google indexes the `?p=` URL).

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 9 (`plain-permalink-on-published`) and §1 (drafts and
`wp_force_plain_post_permalink()`); Yoast#16266; Yoast#20329.

**Fails:**

```json
{"id": 12, "link": "https://example.com/2024/05/launch/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/?p=12", "og_url": "https://example.com/?p=12"}}
```

**Passes:**

```json
{"id": 12, "link": "https://example.com/2024/05/launch/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/2024/05/launch/",
                     "og_url": "https://example.com/2024/05/launch/"}}
```
"""

from seoaudit import urls
from seoaudit.derive.declared_urls import declared_urls
from seoaudit.model import Violation

from ._shared import listing

ID = "url/plain-permalink"
SEVERITY = "error"
CHECKED = ("canonical", "page")


def check(page, options):
    if page.post is not None:
        if page.post.status != "publish" or page.link is None or urls.is_plain_permalink(page.link.value):
            return
        reference = f"the post link is {page.link.value!r}"
    else:
        canonical = page.canonical
        if canonical is None or urls.parse(canonical.value) is None or urls.is_plain_permalink(canonical.value):
            return
        reference = f"the canonical is {canonical.value!r}"
    plain = [item for item in declared_urls(page)
             if item.kind in CHECKED and urls.is_plain_permalink(item.value)]
    if not plain:
        return
    first = plain[0]
    values = list(dict.fromkeys(item.value for item in plain))
    yield Violation(f"published, but {listing(plain)} still {'is' if len(plain) == 1 else 'are'} the plain "
                    f"permalink {' / '.join(values[:2])} ({reference})", first.location, value=first.value,
                    expected=page.link.value if page.link else page.canonical.value, view=first.view,
                    fix="Re-save the post or rebuild Yoast's indexables (Yoast SEO > Tools > Optimize SEO data, "
                        "or `wp yoast index --reindex`) so the SEO URLs follow the permalink.")
