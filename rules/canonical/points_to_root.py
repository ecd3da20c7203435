"""The canonical of an inner page points to the site's home page.

**What it checks.** The canonical (of each view) is the root of the page's own origin (`https://example.com/`,
no query) while the page itself is not the home page. The page's address is the WordPress `link`, else
`og:url`; a page whose address is unknown is not checked. A `?p=123` or `?page_id=7` address is an inner
page even though its path is `/`.

**Why it matters.** A canonical to the home page tells Google that this page is a duplicate of the home
page, so the page drops out of the index. It is almost always a template bug (a theme printing
`home_url('/')` on every page, a front end with a hard-coded canonical). It is a warning rather than an
error because a few setups do it on purpose: an AMP home page at `/amp`, or `/page/1/` pointing to `/`.

**Severity.** warning: the page asks to be dropped for the home page, which is almost always a template bug,
but a few setups do it on purpose.

**Options.** None.

**Source.** Lighthouse `canonical` audit, "Points to the domain's root URL" (same origin, canonical path
`/`, page path not `/`); Lighthouse users asked for a warning instead of a failure (GoogleChrome/lighthouse#4295).

**Fails:**

```json
{"id": 11, "status": "publish", "link": "https://example.com/about/", "title": {"rendered": "About"},
 "yoast_head_json": {"title": "About", "canonical": "https://example.com/"}}
```

**Passes:**

```json
{"id": 2, "status": "publish", "link": "https://example.com/", "title": {"rendered": "Home"},
 "yoast_head_json": {"title": "Home", "canonical": "https://example.com/"}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import canonical_url
from seoaudit.model import Violation

from ._shared import once_per_value

ID = "canonical/points-to-root"
SEVERITY = "warning"


def check(page, options):
    address = page_address(page)
    if address is None or is_root(address):
        return

    def to_root(view):
        field = canonical_url(view)
        if field is None or not is_root(urls.parse(field.value)):
            return None
        return field.value if urls.parse(field.value).origin == address.origin else None

    for view in once_per_value(page, to_root):
        field = view.canonical
        yield Violation(f"canonical {field.value!r} points to the home page, but this page is {address.raw}",
                        field.location, value=field.value, expected=address.raw, view=view.name,
                        fix="Make the canonical this page's own URL (look for a template that prints the home "
                            "URL as canonical on every page).")


def page_address(page):
    """The page's own URL: the WP link, else the og:url of the view that speaks for the page."""
    if page.link is not None and (url := urls.parse(page.link.value)) is not None:
        return url
    og = page.primary.first("og:url") if page.primary is not None else None
    return urls.parse(og.value) if og is not None else None


def is_root(url) -> bool:
    return url.path in ("", "/") and not url.query
