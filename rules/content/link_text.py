"""Links in the content have non-descriptive text ("click here", "read more") or a bare URL as text.

**What it checks.** Every `<a href>` of the content (`content.rendered` for a WordPress post, the
`<body>` of an HTML page), as Lighthouse's `link-text` audit defines it: links with `rel="nofollow"`,
`javascript:` and `mailto:` links and links to the same page (`#…`, or the page's own URL) are skipped;
a link fails when its trimmed, lower-cased text is in Lighthouse's list of generic texts for the
language of the link (its closest `lang`, else the page's; every list when none is known: English,
Japanese, Spanish, Portuguese, Korean, Swedish, German, Tamil, Persian), or when the text is itself a
full http(s) URL. One finding per page, listing the links.

**Why it matters.** Search engines use a link's text to understand the page it points to; "click here"
or "read more" says nothing about it (and a page of "read more" links gives each target the same
anchor text). Screen-reader users who list a page's links hear a column of identical, meaningless
entries.

**Severity.** warning: a real but small defect (Lighthouse's SEO audit): "click here" describes nothing of the
target. info when the only such links show a bare URL, which at least names the target.

**Options.** None.

**Source.** Lighthouse `link-text` (`core/audits/seo/link-text.js`: the term lists, the skipped links
and the full-URL check); Screaming Frog "Links: Non-Descriptive Anchor Text"; peer-checks.md §7 row 95.

**Fails:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><p>Our pricing changed. <a href="/pricing/">Click here</a>.</p></body></html>
```

**Passes:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><p>Our pricing changed: <a href="/pricing/">see the new plans</a>.
<a href="#top">here</a></p></body></html>
```
"""

from urllib.parse import urlsplit

from seoaudit.model import MILD, Violation

from ._shared import ANY, GENERIC, content, lang_of, same_page, text_of, where_list

ID = "content/link-text"
SEVERITY = "warning"
SEVERITY_MILD = "info"

def check(page, options):
    found = content(page)
    if found is None:
        return
    failing = []
    for anchor in found.suspect_links()[0]:  # links whose text may be generic (one screen for both link rules)
        reason = _why(anchor, found)
        if reason is not None:
            failing.append((reason, found.at(anchor), anchor.get("href")))
    if not failing:
        return
    items = [(text, where) for text, where, _ in failing]
    urls_only = all(text.lower().startswith(("http://", "https://")) for text, _, _ in failing)
    yield Violation(f"{len(failing)} link{'s' if len(failing) > 1 else ''} in {found.source} "
                    f"{'have' if len(failing) > 1 else 'has'} non-descriptive text: {where_list(items)}",
                    failing[0][1], value=[f"{text} → {href}" for text, _, href in failing[:20]],
                    expected="link text that says where the link goes", view=found.view,
                    case=MILD if urls_only else None,
                    fix="Write link text that names the target (\"read the 2024 pricing guide\") instead of "
                        "\"click here\", \"read more\" or a bare URL.")


def _why(anchor, found) -> str | None:
    text = text_of(anchor)
    term = text.lower()
    is_url = term.startswith(("http://", "https://"))
    if not is_url and term not in ANY:
        return None  # the cheap test first: most links are not generic
    href = anchor.get("href")
    if not href or "nofollow" in (anchor.get("rel") or "").lower().split():
        return None
    if href.strip().lower().startswith(("javascript:", "mailto:")) or same_page(href.strip(), found.page_url):
        return None
    if is_url:
        return text if _full_url(text) else None
    lang = lang_of(anchor, found.lang)
    terms = GENERIC.get(lang.split("-")[0].lower()) if lang else None
    if lang and terms is None:
        return None  # a language Lighthouse has no list for
    return text if terms is None or term in terms else None


def _full_url(text: str) -> bool:
    try:
        return bool(urlsplit(text).hostname)
    except ValueError:
        return False
