"""Links in the content cannot be followed by a crawler.

**What it checks.** Every `<a>` of the content (`content.rendered` for a WordPress post, the `<body>`
of an HTML page) that is meant as a link to a page but that a crawler cannot follow:
- a `file:` href, or an href that does not parse as a URL (a broken port or IPv6 literal, `http://` with no
  host);
- an `<a>` with no `href`, or a `javascript:` href, that still names a URL: in its click handler
  (`onclick="location.href='/cart/'"`, `window.open('https://…')`) or in a `data-href` / `data-url` /
  `data-link` attribute.
Not links, and so never reported: UI controls (`role="button"` or any other role, `aria-haspopup`,
`aria-controls`, `aria-expanded`: menu toggles, tabs, share buttons), anchors with no text, `<a id>` /
`<a name>` targets, `mailto:` links, an `<a>` or `javascript:` link that names no URL at all (a script
action), and one whose URL is not another page of this site (a share dialog, a sign-in on another host, the
page itself, whatever its query). One finding per page, listing the links.

**Why it matters.** Google follows only `<a href>` with a resolvable URL: "Google can follow your links
only if they are an `<a>` tag with an `href` attribute". A link to a page that works through a click handler
or a local `file:` path is a dead end for the crawler, so the page it leads to is not discovered through it.

**Severity.** warning: the target page may still be found through other links or the sitemap, so the impact
is real but uncertain.

**Options.** None.

**Source.** Lighthouse `crawlable-anchors` (`core/audits/seo/crawlable-anchors.js`; narrowed here to
anchors that name a URL, since its no-href and `javascript:` cases are mostly UI controls); Google, "Make
your links crawlable"; peer-checks.md §7 row 96; precision review (809 of 810 anchors listed were controls).

**Fails:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><a href="javascript:void(0)" onclick="location.href='/cart/'">Cart</a></body></html>
```

**Passes:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><a href="/cart/">Cart</a> <a href="mailto:hi@example.com">Mail us</a>
<a id="top"></a> <a href="javascript:void(0)" role="button" aria-controls="menu">Menu</a></body></html>
```
"""

import re

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import content, parses, resolve, text_of, where_list

ID = "content/uncrawlable-link"
SEVERITY = "warning"

_WHITESPACE = re.compile(r"\s")
# A URL a script navigates to: a quoted absolute URL, or a path after location / window.open / href.
_SCRIPTED_URL = re.compile(r"""(?:location(?:\.href)?\s*=|\.assign\(|\.replace\(|window\.open\(|href\s*=)\s*"""
                           r"""(["'])(?P<path>[^"']+)\1|(["'])(?P<url>(?:https?:)?//[^"'\s]+)\3""", re.IGNORECASE)
URL_ATTRIBUTES = ("data-href", "data-url", "data-link")
CONTROL_ATTRIBUTES = ("role", "aria-haspopup", "aria-controls", "aria-expanded")


def check(page, options):
    found = content(page)
    if found is None:
        return
    failing = []
    for anchor in found.suspect_links()[1]:  # links whose href may fail (one screen for both link rules)
        reason = _why(anchor, found.page_url)
        if reason is not None:
            label = (text_of(anchor) or anchor.get("href") or "<a>")[:60]
            failing.append((f"{label}: {reason}", found.at(anchor)))
    if not failing:
        return
    yield Violation(f"{len(failing)} link{'s' if len(failing) > 1 else ''} in {found.source} cannot be crawled: "
                    f"{where_list(failing, 4)}", failing[0][1], value=[text for text, _ in failing[:20]],
                    expected="<a href> with a resolvable URL", view=found.view,
                    fix="Give every link a real URL in href (keep the click handler if needed), or use a <button> "
                        "for actions that are not navigation.")


def _could_fail(raw: str) -> bool:
    """A cheap screen: only these hrefs can be file:, javascript: or unparseable (a port or an IPv6
    literal after `//`, or `//` with no host)."""
    if "script:" in raw or "file:" in raw or "[" in raw:
        return True
    _, slashes, rest = raw.partition("//")
    return bool(slashes) and (":" in rest.split("/", 1)[0] or not rest.strip())


def _why(anchor, base) -> str | None:
    raw = anchor.get("href")
    if raw is not None and not _could_fail(raw):
        return None
    href = _WHITESPACE.sub("", raw or "")
    if href.startswith("mailto:") or any(anchor.get(name) is not None for name in CONTROL_ATTRIBUTES):
        return None  # a UI control (a menu toggle, a tab, a share button), not a link to a page
    if href.startswith("file:"):
        return "a file: URL"
    if raw is not None and not href.lower().startswith("javascript:"):
        return None if parses(href, base) else f"href {raw.strip()!r} does not parse"
    if (anchor.get("name") or anchor.get("id") or "").strip() and raw is None:
        return None  # a fragment target
    if not text_of(anchor):
        return None  # an icon control: nothing says it is navigation
    target = hidden_url(anchor)
    if target is None or not on_site(target, base):
        return None  # a script action, a share dialog or a sign-in on another host: not a page of this site
    return f"{'javascript: href' if raw is not None else 'no href'}, the URL {target!r} is only in a script"


def on_site(target: str, base: str | None) -> bool:
    """A page of this site other than this page: a relative URL, or one on the page's host (`www.` aside)."""
    url = urls.parse(resolve(target, base)) if base else urls.parse(target)
    if base is None:
        return url is None  # relative: on this site
    own = urls.parse(base)
    if url is None or own is None:
        return False
    return url.host.removeprefix("www.") == own.host.removeprefix("www.") and url.path != own.path


def hidden_url(anchor) -> str | None:
    """The URL an href-less or javascript: anchor navigates to, from its data attributes or click handler."""
    for name in URL_ATTRIBUTES:
        value = (anchor.get(name) or "").strip()
        if value:
            return value
    match = _SCRIPTED_URL.search(anchor.get("onclick") or anchor.get("href") or "")
    return (match.group("path") or match.group("url")) if match else None
