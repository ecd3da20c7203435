"""The canonical URL is itself noindex (meta robots or X-Robots-Tag).

**What it checks.** In live mode, when a page's canonical is another URL than the page's own, that URL
is fetched and its `X-Robots-Tag` headers and `<meta name="robots">` / `googlebot` are read: `noindex` or
`none` there is reported.

**Why it matters.** The page says "index that URL instead of me" and that URL says "do not index me":
Google resolves the contradiction by indexing neither, or by ignoring the canonical. It happens when a
staging noindex is left on the canonical host, or when a canonical points at a noindexed archive.

**Severity.** error: the page and its canonical contradict each other ("index that URL" / "do not index me").

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" and "Block indexing with noindex"; Screaming Frog
"Canonicals: Non-Indexable Canonical".

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/?ref=x", "status": 200,
                   "canonical": {"url": "https://example.com/post/", "status": 200, "robots": "noindex, follow"}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/?ref=x", "status": 200,
                   "canonical": {"url": "https://example.com/post/", "status": 200, "robots": "index, follow"}},
 "body": "<html><head><title>Post</title><link rel='canonical' href='https://example.com/post/'></head></html>"}
```
"""

from seoaudit.model import Violation
from seoaudit.wire import noindex_bots

from ._target import target_check

ID = "canonical/target-noindex"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def not_indexable(target, wire, where):
    if not target.ok:
        return None
    header = noindex_bots(target.header_values("x-robots-tag"))
    meta = wire.canonical_robots or ""
    in_meta = {"noindex", "none"} & {d.strip().lower() for d in meta.split(",")}
    if not header and not in_meta:
        return None
    said = []
    if header:
        said.append("X-Robots-Tag noindex" + ("" if header == ["*"] else f" for {', '.join(header)}"))
    if in_meta:
        said.append(f"meta robots {meta!r}")
    return Violation(f"the canonical {target.final_url or target.url} is not indexable: {' and '.join(said)}",
                     where, value=target.url,
                     fix="Remove the noindex from the canonical URL, or point the canonical at an indexable page.")


check = target_check(not_indexable)
