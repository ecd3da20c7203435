"""The page is reached through more than one redirect.

**What it checks.** In live mode, the redirects between the URL asked for (a sitemap `<loc>`, a URL
on the command line, a REST post's `link`) and the page that answered: more than `max_hops` redirects
(default 1) are reported, with the whole chain. Redirect loops and chains longer than 5 are not audited
at all: they are input errors.

**Why it matters.** Each hop costs a round trip for readers and crawl budget for search engines; Google
follows up to 10 hops and then gives up. A sitemap or a REST `link` should name the final URL, so a
chain means the links (http→https→www→trailing slash) were not updated.

**Severity.** warning: each hop costs crawl time and some signal; the page is still reached.

**Options.** `max_hops` (default `1`): redirects allowed before the chain is reported.

**Source.** Google Search Central, "Redirects and Google Search" (Googlebot follows up to 10 hops);
Screaming Frog "Redirect Chains"; Lighthouse `redirects`.

**Fails:**

```json
{"seoaudit_http": {"url": "http://example.com/post", "status": 200, "final_url": "https://www.example.com/post/",
  "redirects": [{"url": "http://example.com/post", "status": 301},
                {"url": "https://example.com/post", "status": 301},
                {"url": "https://www.example.com/post", "status": 301}]},
 "body": "<html><head><title>Post</title></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "http://example.com/post/", "status": 200, "final_url": "https://example.com/post/",
  "redirects": [{"url": "http://example.com/post/", "status": 301}]},
 "body": "<html><head><title>Post</title></head></html>"}
```
"""

from seoaudit.model import Violation
from seoaudit.options import Option
from seoaudit.wire import chain, reader_response

ID = "url/redirect-chain"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)
OPTIONS = {"max_hops": Option(int, 1, "The redirects allowed before the chain is reported.", minimum=0)}


def check(page, options, wire):
    limit = options["max_hops"]
    seen = set()
    for response in (wire.response, reader_response(wire, page)):
        if response is None or id(response) in seen or len(response.redirects) <= limit:
            continue
        seen.add(id(response))
        yield Violation(f"{len(response.redirects)} redirects (more than {limit}): {chain(response)}",
                        value=len(response.redirects), expected=f"at most {limit}",
                        fix=f"Link straight to {response.final_url}, or make the first URL redirect there in one "
                            "hop.")
