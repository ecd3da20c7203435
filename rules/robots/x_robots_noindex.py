"""The page is served with an `X-Robots-Tag` header that keeps it out of the index.

**What it checks.** In live mode, the `X-Robots-Tag` headers of a published page (a fetched HTML page, or
a published REST post's served `link`; never the REST response itself, which WordPress always marks
`noindex`): `noindex` or `none`, for every crawler or in a bot-specific form (`googlebot: noindex`,
`bingbot: none`). The finding names the bots and the header.

**Why it matters.** The header is invisible in the page source and in the CMS, so a `noindex` added by a
staging server rule, a CDN or a security plugin survives the launch (Yoast#13619, Yoast#11096) and
silently removes the site from search.

**Severity.** warning: a header can be deliberate (a staging server, files kept out of search). error when
the document contradicts it: its own robots meta (or its SEO plugin's robots, for a REST post) says index, so
the page says one thing and the server another, and the noindex wins.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag, data-nosnippet, and X-Robots-Tag specifications";
Yoast#13619.

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
                   "headers": {"x-robots-tag": "googlebot: noindex, nofollow"}},
 "body": "<html><head><title>Post</title></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
                   "headers": {"x-robots-tag": "max-image-preview:large"}},
 "body": "<html><head><title>Post</title></head></html>"}
```
"""

from seoaudit.model import AGGRAVATED, Violation
from seoaudit.wire import noindex_bots, reader_response

from ._shared import blocking

ID = "robots/x-robots-noindex"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("wire",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options, wire):
    response = reader_response(wire, page)
    if response is None or not response.ok or not page.is_published:
        return
    headers = response.header_values("x-robots-tag")
    bots = noindex_bots(headers)
    if not bots:
        return
    who = "every crawler" if bots[0] == "*" else ", ".join(bots)
    view = page.primary
    says_index = view is not None and bool(view.robots) and not blocking(view)
    yield Violation(f"X-Robots-Tag keeps {response.final_url or response.url} out of the index for {who}: "
                    + "; ".join(repr(h) for h in headers)
                    + (f", while the robots of {view.name} say index" if says_index else ""), value=headers,
                    case=AGGRAVATED if says_index else None,
                    fix="Remove the header where it is set (web server, CDN, security or SEO plugin).")
