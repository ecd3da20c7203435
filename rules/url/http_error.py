"""The page (or a REST post's served page) answers an HTTP error (4xx or 5xx), or its served page cannot be fetched.

**What it checks.** In live mode (`seoaudit check URL`, `seoaudit site`), the status of the page after
redirects, and for a published REST post the status of its `link`: a 4xx or 5xx answer is reported with
the redirects that led to it, and nothing else is audited on that page (its body is an error page). 429 and
503 were retried first, honouring `Retry-After` once. A served page that gives no answer at all (its deadline
passed, a redirect loop, a redirect to an address live mode does not fetch, a body over the cap) is reported
with what happened. Offline runs have no status and are not checked. (A page given on the command line or
listed in a sitemap that gives no answer is unreadable input instead.)

**Why it matters.** Search engines drop 4xx pages from the index and slow their crawl on 5xx; a shared
link to a 404 shows no card. A published post whose permalink is a 404 (a permalink change, a cache, a
headless route that does not exist) is invisible however good its metadata is.

**Severity.** error: a page that answers an HTTP error is not indexed.

**Options.** None.

**Source.** Google Search Central, "How HTTP status codes affect Google's crawlers"; RFC 9110 §15.

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/gone/", "status": 404}, "body": "<html><title>Not found</title>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from http import HTTPStatus

from seoaudit.model import Violation
from seoaudit.wire import chain, reader_response

ID = "url/http-error"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def check(page, options, wire):
    for what, response in (("page", wire.response), ("served page", reader_response(wire, page))):
        if what == "served page" and response is not None and response.error is not None:
            yield Violation(f"served page {response.url} cannot be fetched: {response.error}", value=response.error,
                            expected="an HTTP answer",
                            fix="Make the post's permalink answer promptly with its page, and any redirect lead to a "
                                "public page of the site.")
            return
        if response is None or response.status is None or response.status < 400:
            continue
        if what == "page" and page.document.data is not None:
            continue  # a REST object that loaded is not an error page
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = "error"
        via = f" (via {chain(response)})" if response.redirects else ""
        yield Violation(f"{what} {response.url} answers HTTP {response.status} {reason}{via}",
                        value=response.status, expected="2xx",
                        fix="Restore the page, or redirect (301) its URL to the page that replaced it and "
                            "update the links and the sitemap.")
        return
