"""The page WordPress serves says something else than the REST API's SEO head.

**What it checks.** In live mode, for a published REST post with SEO plugin output (`yoast_head_json`,
`aioseo_head_json` or `yoast_head`; or a WPGraphQL node's `seo.fullHead`), its `link` is fetched and the
served `<head>` is compared with the REST head, field by field: title, meta description, canonical, robots
`noindex`, `og:title`, `og:description`, `og:url`, the first `og:image` and `twitter:card`. A field the REST
head declares that the served page lacks or changes is reported (one finding per field). URLs are compared
as URLs; with `site-url` set (headless), the REST head's CMS origin is replaced by the front end's before
comparing.

**Why it matters.** Headless front ends render `yoast_head_json` themselves, and classic sites may have a
page cache, a theme or a second plugin printing its own tags: what readers and crawlers get is then not
what the editor set (AxeWP/wp-graphql-rank-math#101, vercel/next.js#22188, Yoast#10837). Only the wire shows it.

**Severity.** warning: what readers and crawlers get is not what the REST API says; a real defect whose impact
depends on what differs.

**Options.** None.

**Source.** wordpress-ecosystem.md §3 (headless consumers) and §4 (stale or duplicated heads);
10up/headstartwp#558.

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/wp-json/wp/v2/posts/7", "status": 200,
   "served": {"url": "https://example.com/post/", "status": 200,
              "body": "<html><head><title>Old title</title><link rel='canonical' href='https://example.com/post/'></head></html>"}},
 "json": {"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
          "yoast_head_json": {"title": "Post - Site", "canonical": "https://example.com/post/"}}}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/wp-json/wp/v2/posts/7", "status": 200,
   "served": {"url": "https://example.com/post/", "status": 200,
              "body": "<html><head><title>Post - Site</title><link rel='canonical' href='https://example.com/post/'></head></html>"}},
 "json": {"id": 7, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
          "yoast_head_json": {"title": "Post - Site", "canonical": "https://example.com/post/"}}}
```
"""

from seoaudit import urls
from seoaudit.model import Violation

ID = "wordpress/rest-head-differs"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)
TEXT_META = ("og:title", "og:description", "twitter:card")
URL_META = ("og:url",)


def check(page, options, wire):
    rest = page.primary
    if page.document.data is None or rest is None or rest.name in ("html", "served"):
        return
    served = wire.served_view()
    if served is None:
        return
    site = urls.parse(page.site_url) if page.site_url else None
    api = "GraphQL" if page.kind.startswith("graphql-") else "REST"
    pairs = [("title", rest.title, served.title, False), ("description", rest.description, served.description, False),
             ("canonical", rest.canonical, served.canonical, True)]
    pairs += [(key, rest.first(key), served.first(key), False) for key in TEXT_META]
    pairs += [(key, rest.first(key), served.first(key), True) for key in URL_META]
    first_rest = rest.og_images[0].url if rest.og_images else None
    first_served = served.og_images[0].url if served.og_images else None
    pairs.append(("og:image", first_rest, first_served, True))
    for name, declared, actual, is_url in pairs:
        if declared is None or not declared.value.strip():
            continue
        expected = _on_site(declared.value, site) if is_url else _squash(declared.value)
        if actual is None or not actual.value.strip():
            yield Violation(f"{api} {rest.name} declares {name} {expected!r} but the served page has none",
                            declared.location, expected=expected, view=rest.name, fix=FIX)
            continue
        value = actual.value if is_url else _squash(actual.value)
        if (urls.same(value, expected) if is_url else value == expected):
            continue
        yield Violation(f"{name} differs: the served page says {value!r}, {api} {rest.name} says {expected!r}",
                        declared.location, value=value, expected=expected, view=rest.name, fix=FIX)
    rest_noindex = not page.is_indexable
    served_noindex = bool({"noindex", "none"} & set(served.robots_directives("robots")))
    if rest_noindex != served_noindex:
        yield Violation(f"robots differ: the served page is {'noindex' if served_noindex else 'indexable'}, "
                        f"{api} {rest.name} says {'noindex' if rest_noindex else 'indexable'}", rest.location,
                        view=rest.name, fix=FIX)


FIX = ("Purge the page cache, and make the front end or theme print the SEO plugin's head (and nothing else "
       "for these tags).")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _on_site(raw: str, site) -> str:
    parsed = urls.parse(raw)
    if site is None or parsed is None:
        return raw
    return site.origin + raw[len(parsed.origin):] if raw.lower().startswith(parsed.origin.lower()) else raw
