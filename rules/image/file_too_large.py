"""A social image is larger (in bytes) than Facebook (8 MB) or X (5 MB) accept.

**What it checks.** In live mode, every declared og:image, `twitter:image` and schema image is fetched
far enough to learn its size in bytes (`Content-Range` of a Range request, else `Content-Length`): more
than `x_bytes` (default 5 MB) is reported for X, more than `facebook_bytes` (default 8 MB) also for
Facebook.

**Why it matters.** X rejects card images over 5 MB and Facebook over 8 MB: the share then shows no
image at all. Such files are usually an unresized camera original set as the featured image.

**Severity.** warning: the network that rejects it shows the link without the image; the others still show it.

**Options.** `facebook_bytes` (default `8388608`), `x_bytes` (default `5242880`).

**Source.** Facebook "Sharing: Best practices / Images" (8 MB); X "Cards markup" (`twitter:image`:
"Images must be less than 5MB in size").

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/raw.jpg": {"status": 206, "format": "jpeg", "size": 9000000}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/raw.jpg'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/cover.jpg": {"status": 206, "format": "jpeg", "size": 240000}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/cover.jpg'></head></html>"}
```
"""

from seoaudit.model import Violation
from seoaudit.options import Option

from ._probes import probe_check

ID = "image/file-too-large"
SEVERITY = "warning"
REQUIRES = ("wire",)  # passed in (registry.py)
OPTIONS = {"facebook_bytes": Option(int, 8 * 1024 * 1024, "The bytes an `og:image` file may have (Facebook).",
                                 minimum=1),
           "x_bytes": Option(int, 5 * 1024 * 1024, "The bytes an X card image file may have.", minimum=1)}


def too_large(url, probe, social, options):
    facebook, x = options["facebook_bytes"], options["x_bytes"]
    if probe.size is None or probe.size <= min(facebook, x):
        return None
    rejected = [name for name, limit in (("X", x), ("Facebook", facebook)) if probe.size > limit]
    return Violation(f"image {url} is {probe.size / 1024 / 1024:.1f} MB: too large for {' and '.join(rejected)} "
                     f"(X {x / 1024 / 1024:g} MB, Facebook {facebook / 1024 / 1024:g} MB)", value=probe.size,
                     expected=f"at most {min(facebook, x)} bytes",
                     fix="Serve a resized, compressed social image (1200×630 JPEG or WebP is a few hundred KB).")


check = probe_check(too_large)
