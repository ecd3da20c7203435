"""The canonical URL redirects to another URL.

**What it checks.** In live mode, when a page's canonical is another URL than the page's own, that URL
is fetched: if it redirects (even once) the finding names the chain and where it ends. A canonical that
ends in an error is `canonical/target-error`'s.

**Why it matters.** A canonical must name the final URL. A canonical that redirects sends mixed signals
(the page says "index X", X says "go to Y"), so Google may pick either or neither; it usually means the
canonical was written before an http→https, www or slug change.

**Severity.** error: the page names as canonical a URL that is not a final page, so it contradicts itself
(the canonical says "index X", X says "go to Y"); never what the editor meant.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs"; Screaming Frog "Canonicals: Canonical Is Redirect";
Ahrefs "Canonical points to redirect".

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
                   "canonical": {"url": "http://example.com/post/", "status": 200, "final_url": "https://example.com/post/",
                                 "redirects": [{"url": "http://example.com/post/", "status": 301}]}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='http://example.com/post/'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/?ref=x", "status": 200,
                   "canonical": {"url": "https://example.com/post/", "status": 200}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from seoaudit.model import Violation
from seoaudit.wire import chain

from ._target import failure, target_check

ID = "canonical/target-redirects"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def redirected(target, wire, where):
    if not target.redirects or failure(target) is not None:  # a redirect to an error is canonical/target-error's
        return None
    return Violation(f"the canonical {target.url} redirects: {chain(target)}", where,
                     value=target.url, expected=target.final_url,
                     fix=f"Use the final URL {target.final_url} as the canonical.")


check = target_check(redirected)
