"""The `Link: <…>; rel="canonical"` HTTP header disagrees with the HTML canonical.

**What it checks.** In live mode, the `Link` headers of the page (or of a REST post's served page):
every `rel="canonical"` target must be the same URL as the `<link rel="canonical">` in the HTML head, and
two header canonicals must not disagree with each other. A header canonical with no HTML canonical is fine.

**Why it matters.** Google reads both and, when they conflict, may ignore both. A header canonical is
usually set by a CDN, a caching plugin or a server rule that nobody remembers, so it survives a change of
permalinks or a domain move while the HTML canonical follows the CMS.

**Severity.** error: the page names two canonicals (header and HTML), a contradiction that makes Google ignore
both.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (rel=canonical HTTP header; "don't specify different
URLs as canonical" across methods); RFC 8288 (Web Linking); RFC 6596 (the canonical link relation).

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
                   "headers": {"link": "<https://example.com/other/>; rel=canonical"}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
                   "headers": {"link": "<https://example.com/post/>; rel=canonical"}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from urllib.parse import urljoin

from seoaudit import urls
from seoaudit.model import Violation
from seoaudit.wire import link_canonicals, reader_response

ID = "canonical/header-mismatch"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def check(page, options, wire):
    response = reader_response(wire, page)
    if response is None or not response.ok:
        return
    base = response.final_url or response.url
    targets = list(dict.fromkeys(urljoin(base, t) for t in link_canonicals(response.header_values("link"))))
    if not targets:
        return
    if len(targets) > 1 and any(not urls.same(targets[0], t) for t in targets[1:]):
        yield Violation(f"the Link headers name {len(targets)} different canonicals: {', '.join(targets)}",
                        value=targets, fix="Send one rel=canonical Link header, or none.")
        return
    view = wire.served_view() if page.document.data is not None else page.views.get("html")
    html = view.canonical if view is not None else None
    if html is None or urls.same(urljoin(base, html.value), targets[0]):
        return
    yield Violation(f"the Link header says the canonical is {targets[0]} but the HTML says {html.value}",
                    html.location if page.document.data is None else None, value=targets[0], expected=html.value,
                    view=view.name,
                    fix="Remove the header rule (server, CDN or caching plugin) or make it send the HTML canonical.")
