"""Links in the content cannot be followed by a crawler.

**What it checks.** Every `<a>` of the content (`content.rendered` for a WordPress post, the `<body>`
of an HTML page), as Lighthouse's `crawlable-anchors` audit defines it (whitespace in `href` removed
first). Skipped: anchors with a `role`, `mailto:` links, and `<a id>` / `<a name>` targets. Failing: a
`file:` href; a `javascript:void(0)` href; an href that does not parse as a URL (a broken port or IPv6
literal, `http://` with no host); and an `<a>` with no `href` at all, unless it carries
`aria-current="page"` or `"location"` and none of the attributes that need an href (`target`,
`download`, `ping`, `rel`, `hreflang`, `type`, `referrerpolicy`). One finding per page, listing the
links.

**Why it matters.** Google follows only `<a href>` with a resolvable URL: "Google can follow your links
only if they are an `<a>` tag with an `href` attribute". A link that works through a click handler,
`javascript:void(0)` or a local `file:` path is a dead end for the crawler, so the page it leads to is
not discovered through it.

**Options.** None.

**Source.** Lighthouse `crawlable-anchors` (`core/audits/seo/crawlable-anchors.js`); Google, "Make
your links crawlable"; peer-checks.md §7 row 96.

**Fails:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><a href="javascript:void(0)" onclick="openCart()">Cart</a></body></html>
```

**Passes:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><a href="/cart/">Cart</a> <a href="mailto:hi@example.com">Mail us</a>
<a id="top"></a></body></html>
```
"""

import re

from seoaudit.model import Violation

from ._shared import content, parses, text_of, where_list

ID = "content/uncrawlable-link"
SEVERITY = "warning"

_VOID = re.compile(r"javascript:void(\(|)0(\)|)")
_WHITESPACE = re.compile(r"\s")
HREF_ATTRIBUTES = ("target", "download", "ping", "rel", "hreflang", "type", "referrerpolicy")


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
    """A cheap screen: only these hrefs can be file:, javascript:void(0) or unparseable (a port or an IPv6
    literal after `//`, or `//` with no host)."""
    if "void" in raw or "file:" in raw or "[" in raw:
        return True
    _, slashes, rest = raw.partition("//")
    return bool(slashes) and (":" in rest.split("/", 1)[0] or not rest.strip())


def _why(anchor, base) -> str | None:
    raw = anchor.get("href")
    if raw is not None and not _could_fail(raw):
        return None
    href = _WHITESPACE.sub("", raw or "")
    if (anchor.get("role") or "").strip() or href.startswith("mailto:"):
        return None
    if href == "" and anchor.get("id"):
        return None
    if href.startswith("file:"):
        return "a file: URL"
    if (anchor.get("name") or "").strip():
        return None
    if raw is None:
        bare = not any(anchor.get(name) is not None for name in HREF_ATTRIBUTES)
        if bare and (anchor.get("aria-current") or "") in ("page", "location"):
            return None
        return "no href"
    if _VOID.search(href):
        return "javascript:void(0)"
    if not parses(href, base):
        return f"href {raw.strip()!r} does not parse"
    return None
