"""The page is served with an `X-Robots-Tag` header that keeps it out of the index.

**What it checks.** In live mode, the `X-Robots-Tag` headers of a published page (a fetched HTML page, or
a published REST post's served `link`; never the REST response itself, which WordPress always marks
`noindex`): `noindex` or `none`, for every crawler or in a bot-specific form (`googlebot: noindex`,
`bingbot: none`). The finding names the bots and the header.

**Why it matters.** The header is invisible in the page source and in the CMS, so a `noindex` added by a
staging server rule, a CDN or a security plugin survives the launch (Yoast#13619, Yoast#11096) and
silently removes the site from search.

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

from seoaudit.live.wire import noindex_bots, page_response
from seoaudit.model import Violation

ID = "robots/x-robots-noindex"
SEVERITY = "error"
REQUIRES = ("wire",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options):
    response = page_response(page)
    if response is None or not response.ok or not page.is_published:
        return
    headers = response.header_values("x-robots-tag")
    bots = noindex_bots(headers)
    if not bots:
        return
    who = "every crawler" if bots[0] == "*" else ", ".join(bots)
    yield Violation(f"X-Robots-Tag keeps {response.final_url or response.url} out of the index for {who}: "
                    + "; ".join(repr(h) for h in headers), value=headers,
                    fix="Remove the header where it is set (web server, CDN, security or SEO plugin).")
