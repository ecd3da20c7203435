"""The URL the page is served at (after redirects) is not its canonical.

**What it checks.** In live mode, on a published, indexable page (a fetched HTML page, or the served
`link` of a REST post): the final URL after redirects is the same URL as the canonical the page declares
(host case and default ports aside; scheme, path, trailing slash and query count). Pages that are reached
under a tracking or pagination query string are the usual legitimate exception: select this rule off for
such URL lists.

**Why it matters.** A sitemap, a REST `link` or internal links that lead to a URL which names another
canonical send crawlers to a duplicate: the signals are split, and Google may keep the served URL and
ignore the hint. When the canonical is not the served URL after a site move, the canonical is usually stale
(Yoast#15325).

**Severity.** warning: the page is reached under a URL that names another canonical; signals split, but search
engines still index the canonical.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (sitemaps and links should use canonical URLs);
Screaming Frog "Canonicals: Canonicalised".

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/old-post/'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from seoaudit import urls
from seoaudit.model import Violation
from seoaudit.wire import chain, reader_response

ID = "canonical/final-url-mismatch"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)


def check(page, options, wire):
    response = reader_response(wire, page)
    if response is None or not response.ok or not response.final_url:
        return
    if not page.is_published or not page.is_indexable:
        return
    canonical = page.canonical
    if canonical is None or urls.parse(canonical.value) is None or urls.same(canonical.value, response.final_url):
        return
    via = f" (after {chain(response)})" if response.redirects else ""
    yield Violation(f"served at {response.final_url}{via} but the canonical is {canonical.value} "
                    f"({', '.join(urls.differences(response.final_url, canonical.value))})", canonical.location,
                    value=response.final_url, expected=canonical.value,
                    fix="Link (sitemap, REST link, menus) to the canonical URL, or fix the canonical if it is stale.")
