"""The canonical URL itself answers an HTTP error (4xx, 5xx) or cannot be fetched.

**What it checks.** In live mode, when a page's canonical (the primary producer's: the HTML head, or
`yoast_head_json` of a REST post) is another URL than the page's own, that URL is fetched: a 4xx or 5xx
answer, a timeout, a redirect loop or a refused connection is reported.

**Why it matters.** A canonical that points at a missing page asks search engines to index nothing:
Google ignores it, and the page it sits on loses the consolidation it was meant to get. It happens after
a slug change, when a custom canonical points at a deleted post, and on headless sites whose front end has
no route for the CMS path.

**Severity.** error: a canonical to a page that is missing or failing asks search engines to index nothing.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (the canonical must be a working page); Screaming Frog
"Canonicals: Non-Indexable Canonical"; Ahrefs "Canonical points to 4XX".

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/?ref=x", "status": 200,
                   "canonical": {"url": "https://example.com/post/", "status": 404}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/?ref=x", "status": 200,
                   "canonical": {"url": "https://example.com/post/", "status": 200}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from seoaudit.model import Violation

from ._target import failure, target_check

ID = "canonical/target-error"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def failed(target, wire, where):
    if (problem := failure(target)) is None:
        return None
    return Violation(f"the canonical {target.url} cannot be indexed: {problem}", where,
                     value=target.status or target.error, expected="200",
                     fix="Point the canonical at a live page (usually this page's own URL).")


check = target_check(failed)
