"""`og:url` and the canonical name different URLs.

**What it checks.** In each view that has both, the first `og:url` must be the same URL as the
canonical. Host case and a default port do not matter; scheme, host, path, trailing slash and query do,
and the message says what differs. Pages without a canonical (Yoast drops it on noindex posts) are not
checked, nor an `og:url` that is the WordPress post `link` itself: then the canonical is the odd one out,
and `canonical/mismatch-link` reports it.

**Why it matters.** `og:url` is the "canonical URL" of the object in the Open Graph protocol: Facebook,
LinkedIn and others count shares and likes on it and follow it when scraping. When it differs from the
rel=canonical, social signals gather on one URL and search signals on another, and a share may show the
metadata of a different page. It drifts when a canonical is changed and `og:url` is not (Yoast#10837)
or on paginated archives (Yoast#15786).

**Severity.** warning: social signals and search signals gather on different URLs; both previews and indexing
still work. Not judged when the page has conflicting canonicals.

**Options.** None.

**Source.** ogp.me (og:url is "the canonical URL of your object that will be used as its permanent
ID in the graph"); Facebook webmasters ("undecorated URL"); squirrelscan `social/og-url-match`
(warning); Yoast#10837, Yoast#15786.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<meta property="og:url" content="https://example.com/post/?utm_source=feed"></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<meta property="og:url" content="https://example.com/post/"></head></html>
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import canonical_url
from seoaudit.model import Violation

from ._shared import og_url, once_per_value, what_differs

ID = "canonical/og-url-mismatch"
SEVERITY = "warning"


def check(page, options):
    link = page.link.value if page.link else None

    def disagreeing(view):
        canonical, og = canonical_url(view), og_url(view)
        if canonical is None or og is None or urls.same(canonical.value, og.value):
            return None
        if link and urls.same(og.value, link):
            return None  # og:url is the post's own URL: the canonical is the odd one out (canonical/mismatch-link)
        return canonical.value, og.value

    for view in once_per_value(page, disagreeing):
        canonical, og = view.canonical, view.first("og:url")
        yield Violation(f"og:url differs from the canonical: {what_differs(og.value, canonical.value)}",
                        og.location, value=og.value, expected=canonical.value, view=view.name,
                        fix="Make og:url exactly the canonical URL (the SEO plugin does this unless a theme, "
                            "a second plugin or a front end overrides og:url).")
