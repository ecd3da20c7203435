"""An `http://` canonical on a site that is served over https.

**What it checks.** The canonical of each view is `http://` while the site is https: the configured
`site_url` (which decides alone when set), else the post `link` or the page's `og:url`, is `https://` on
the canonical's own host (`www.` aside). A canonical to another site (syndicated content) is not judged
by this site's scheme.

**Why it matters.** The canonical is the URL Google should index and show. Declaring the `http://`
variant on an https site asks Google to prefer the insecure URL (Google otherwise prefers https unless
"the HTTPS page has a rel=canonical link to the HTTP page"), which costs a redirect on every visit and
can split signals. It usually comes from WordPress `home` still on http, or a TLS-terminating proxy
the site does not know about (Yoast#1626, Yoast#3758).

**Severity.** warning: the http URL redirects to the https page, so Google still consolidates on the right
page; the cost is a redirect per crawl and a weaker hint.

**Options.** None.

**Source.** Google, "Consolidate duplicate URLs" (https preferred, except when the https page names the
http URL as canonical); squirrelscan `core/canonical-form-drift` (scheme); Yoast#1626.

**Fails:**

```json
{"id": 5, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "http://example.com/post/",
                     "og_url": "https://example.com/post/"}}
```

**Passes:**

```json
{"id": 5, "status": "publish", "link": "https://example.com/post/", "title": {"rendered": "Post"},
 "yoast_head_json": {"title": "Post", "canonical": "https://example.com/post/",
                     "og_url": "https://example.com/post/"}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import canonical_url
from seoaudit.model import Violation

from ._shared import once_per_value

ID = "canonical/insecure"
SEVERITY = "warning"


def check(page, options):
    def http_canonical(view):
        field = canonical_url(view)
        return field.value if field is not None and urls.parse(field.value).scheme == "http" else None

    for view in once_per_value(page, http_canonical):
        field = view.canonical
        evidence = https_evidence(page, urls.parse(field.value).host)
        if evidence is None:
            continue
        secure = "https" + field.value[len("http"):]
        yield Violation(f"canonical {field.value!r} is http:// but {evidence} is https://", field.location,
                        value=field.value, expected=secure, view=view.name,
                        fix="Set the WordPress Site Address (home) to https:// and make the proxy pass "
                            "X-Forwarded-Proto, or fix the custom canonical.")


def https_evidence(page, host: str) -> str | None:
    """What says the canonical's site is https: the configured site URL (which decides alone), the post link
    or an og:url, on the canonical's host (www. aside). A cross-site canonical (syndication) says nothing
    about this site's scheme."""
    configured = urls.parse(page.site_url) if page.site_url else None
    if configured is not None:
        same_site = bare(configured.host) == bare(host)
        return f"the configured site URL {page.site_url!r}" if configured.scheme == "https" and same_site else None
    candidates = [("the post link", page.link.value if page.link else None)]
    candidates += [(f"og:url in {v.name}", f.value) for v in page.views.values() for f in v.meta.get("og:url", ())[:1]]
    for label, raw in candidates:
        url = urls.parse(raw) if raw else None
        if url is not None and url.scheme == "https" and bare(url.host) == bare(host):
            return f"{label} {raw!r}"
    return None


def bare(host: str) -> str:
    return host.removeprefix("www.")
