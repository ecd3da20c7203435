"""The page's URL redirects to another host.

**What it checks.** In live mode, the redirects between the URL asked for (a REST post's `link`, a sitemap
`<loc>`, a URL on the command line) and the page that answered: a chain that ends on another host than the
one it started on (`www.` aside, so `example.com` → `www.example.com` passes, as does a scheme upgrade) is
reported with the whole chain. The final host passes when it is the configured `site-url` or an
`allowed-hosts` entry (a headless WordPress whose permalinks redirect to its front end). A chain that ends
without an answer is left to `url/http-error`.

**Why it matters.** A post's permalink is where WordPress, its sitemap, its feeds and every internal link
send readers and crawlers. When it leaves for another host, the post is not on the site any more: search
engines index the other host's page (or nothing), shares carry the other host's card, and the cause is
often a hacked redirect, a redirection plugin rule gone wrong or a domain move half done.

**Severity.** warning: the post is still reached, but on a host that may not be the site's; whether the move
is wanted (a domain move) or not (a hacked redirect) only the site's owner can say.

**Options.** None.

**Source.** Google Search Central, "Redirects and Google Search" (a redirect names the new canonical URL);
Google, "Site moves with URL changes".

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200, "final_url": "https://elsewhere.example.net/offer/",
  "redirects": [{"url": "https://example.com/post/", "status": 301, "location": "https://elsewhere.example.net/offer/"}]},
 "body": "<html><head><title>Offer</title></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "http://example.com/post/", "status": 200, "final_url": "https://www.example.com/post/",
  "redirects": [{"url": "http://example.com/post/", "status": 301, "location": "https://www.example.com/post/"}]},
 "body": "<html><head><title>Post</title></head></html>"}
```
"""

from seoaudit import urls
from seoaudit.model import NOWHERE, Violation
from seoaudit.wire import chain, reader_response

from ._shared import allowed, bare

ID = "url/redirects-off-site"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)


def check(page, options, wire):
    response = reader_response(wire, page)
    if response is None or response.error is not None or not response.redirects or not response.final_url:
        return
    start, end = urls.parse(response.redirects[0].url), urls.parse(response.final_url)
    if start is None or end is None or bare(start.host) == bare(end.host) or allowed(page, end):
        return
    link = page.link if page.document.data is not None else None
    what = "the post's link" if page.document.data is not None else "the page"
    yield Violation(f"{what} {response.redirects[0].url} redirects to another host, {end.host}: {chain(response)}",
                    link.location if link is not None else NOWHERE,
                    value=response.final_url, expected=f"a page on {start.host}",
                    fix="Remove the redirect (a redirection plugin rule, a hacked .htaccess, a stale domain setting) "
                        "so the permalink serves the post; after a domain move, update WordPress's Site Address so "
                        "links name the new host; for a headless front end, set site-url.")
