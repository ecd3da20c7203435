"""A declared image cannot be fetched: it answers 4xx/5xx, redirects in a loop or does not answer.

**What it checks.** In live mode, every declared og:image, `twitter:image` and schema image URL is
requested (a Range request for its first bytes): an HTTP error status, a timeout or a connection error is
reported with the URL.

**Why it matters.** A share card with a broken image URL is shown without an image, and Google cannot
use a schema image it cannot fetch for rich results. Images break when media are moved to a CDN or
deleted from the library while the SEO plugin keeps the old URL.

**Severity.** warning for an image only the structured data names: the image is lost to rich results, but
the page and its previews work. error for an `og:image` or `twitter:image`: the share preview has no image
(an og:image no consumer can resolve).

**Options.** None.

**Source.** Facebook Sharing Debugger ("Could not retrieve data from URL"); Google, "Image SEO best
practices" (crawlable images).

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/gone.jpg": {"status": 404}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/gone.jpg'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/cover.jpg": {"status": 206, "format": "jpeg", "width": 1200, "height": 630}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/cover.jpg'></head></html>"}
```
"""

from seoaudit.model import AGGRAVATED, Violation

from ._probes import probe_check, unfetched

ID = "image/fetch-failed"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
REQUIRES = ("wire",)  # passed in (registry.py)


def failed(url, probe, social, options):
    if (problem := unfetched(probe)) is None:
        return None
    shown = url in social
    return Violation(f"{'share image' if shown else 'image'} {url} cannot be fetched: {problem}",
                     value=probe.status or probe.error, case=AGGRAVATED if shown else None,
                     expected="200 or 206",
                     fix="Fix the image URL in the SEO plugin or media library, or restore the file.")


check = probe_check(failed)
