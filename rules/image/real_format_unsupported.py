"""A social image is served in a format social networks do not show (SVG, AVIF, HEIC, …).

**What it checks.** In live mode, every declared og:image, `twitter:image` and schema image is fetched
far enough to read its first bytes. The real format (from the bytes, not the URL or the declared type) of
an og:image or `twitter:image` must be JPEG, PNG, GIF or WebP (a schema image may be SVG or AVIF: Google
reads them). An image whose bytes are an HTML page (a login wall, a soft 404) is reported wherever it is
declared. The URL-based check that needs no fetch is `twitter/image-unsupported-format`.

**Why it matters.** X supports "JPG, PNG, WEBP and GIF … SVG is not supported"; Facebook and LinkedIn
reject SVG too, and AVIF/HEIC are not shown everywhere. A `.png` URL that a CDN answers with AVIF, or an
SVG logo set as the default social image, gives cards with no image.

**Severity.** error: the share preview shows no image, or the image is no image at all.

**Options.** None.

**Source.** X "Cards markup" (`twitter:image` formats); Facebook "Sharing: Images"; peer-checks catalogue
`og/image-bytes-format`.

**Fails:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/logo.png": {"status": 200, "format": "svg", "content_type": "image/svg+xml"}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/logo.png'></head></html>"}
```

**Passes:**

```json
{"seoaudit_http": {"url": "https://example.com/post/", "status": 200,
   "images": {"https://example.com/cover.png": {"status": 200, "format": "png", "width": 1200, "height": 630}}},
 "body": "<html><head><title>Post</title><meta property='og:image' content='https://example.com/cover.png'></head></html>"}
```
"""

from seoaudit.model import Violation

from ._probes import probe_check, unfetched

ID = "image/real-format-unsupported"
SEVERITY = "error"
REQUIRES = ("wire",)  # passed in (registry.py)
SUPPORTED = ("jpeg", "png", "gif", "webp")


def unsupported(url, probe, social, options):
    if probe.format is None or probe.format in SUPPORTED or unfetched(probe) is not None:
        return None  # a failed fetch is image/fetch-failed's
    if probe.format != "html" and url not in social:
        return None  # Google reads SVG, AVIF… in structured data: only social networks refuse them
    what = "an HTML page, not an image" if probe.format == "html" else f"{probe.format.upper()}"
    return Violation(f"image {url} is served as {what}"
                     + (f" (Content-Type {probe.content_type})" if probe.content_type else "")
                     + ": social networks show JPEG, PNG, GIF and WebP only", value=probe.format,
                     expected="jpeg, png, gif or webp",
                     fix="Use a JPEG or PNG (1200×630) as the social image.")


check = probe_check(unsupported)
