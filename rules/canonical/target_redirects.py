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
from seoaudit.wire import chain, wire_of

ID = "canonical/target-redirects"
SEVERITY = "error"
REQUIRES = ("wire",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options):
    wire = wire_of(page)
    target = wire.canonical if wire is not None else None
    if target is None or page.canonical is None or not target.redirects or target.error is not None:
        return
    if target.status is not None and target.status >= 400:
        return
    yield Violation(f"the canonical {target.url} redirects: {chain(target)}", page.canonical.location,
                    value=target.url, expected=target.final_url,
                    fix=f"Use the final URL {target.final_url} as the canonical.")
