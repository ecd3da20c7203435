"""The canonical or `og:url` carries a tracking or session parameter.

**What it checks.** The query string of every canonical and `og:url` (all producers) holds no campaign,
click or session parameter: `utm_*`, `mc_*` (Mailchimp), `gclid`, `gclsrc`, `dclid`, `gbraid`, `wbraid`,
`fbclid`, `msclkid`, `yclid`, `ttclid`, `twclid`, `igshid`, `li_fat_id`, `mkt_tok`, `_hsenc`, `_hsmi`,
`_ga`, `_gl`, `srsltid`, and the session ids `sessionid`, `session_id`, `phpsessid`, `jsessionid`,
`aspsessionid…`, `cfid`, `cftoken`, `zenid`, `oscsid`. Parameter names are compared case-insensitively.
Ordinary parameters (`?page=2`, `?lang=de`) pass.

**Why it matters.** The canonical names the URL to index and the `og:url` the URL every share counts
for. A tracking parameter there splits links and share counts between the tracked and the clean URL,
and a session id creates a new "canonical" per visitor. It happens when a page cache stores the page
as first requested from a campaign link, or when a theme builds the canonical from the request URI.

**Severity.** warning: shares and signals split between the URL with and without parameters.

**Options.** None.

**Source.** peer-checks.md §7 row 26 (`canonical/tracking-params`); squirrelscan
`core/canonical-form-drift` (tracking parameter list); Facebook Sharing ("use the undecorated URL" for
`og:url`); Google, "Consolidate duplicate URLs".

**Fails:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/?utm_source=newsletter&amp;utm_medium=email">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<link rel="canonical" href="https://example.com/post/?page=2">
</head><body></body></html>
```
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from seoaudit import urls
from seoaudit.derive.declared_urls import declared_urls
from seoaudit.model import Violation

ID = "url/tracking-params"
SEVERITY = "warning"

PREFIXES = ("utm_", "mc_", "aspsessionid")
NAMES = frozenset({"gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "ttclid", "twclid",
                   "igshid", "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "_ga", "_gl", "srsltid", "sessionid",
                   "session_id", "phpsessid", "jsessionid", "cfid", "cftoken", "zenid", "oscsid"})


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in NAMES or name.startswith(PREFIXES)


def check(page, options):
    for item in declared_urls(page):
        if item.label not in ("canonical", "og:url"):
            continue
        url = urls.parse(item.value)
        if url is None or not url.query:
            continue
        pairs = parse_qsl(url.query, keep_blank_values=True)
        found = [name for name, _ in pairs if is_tracking(name)]
        if not found:
            continue
        yield Violation(f"{item.label} carries tracking parameter{'s' if len(found) > 1 else ''} "
                        f"{', '.join(dict.fromkeys(found))}: {item.value!r}", item.location, value=item.value,
                        expected=clean(item.value), view=item.view,
                        fix="Build the canonical and og:url from the permalink, not from the request URL, and "
                            "purge the page cache entries stored under campaign URLs.")


def clean(raw: str) -> str:
    parts = urlsplit(raw)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))
