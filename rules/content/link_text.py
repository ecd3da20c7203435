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

from seoaudit.model import Violation

from ._shared import content, lang_of, same_page, text_of, where_list

ID = "content/link-text"
SEVERITY = "warning"

# Lighthouse core/audits/seo/link-text.js, nonDescriptiveLinkTexts.
GENERIC = {
    "en": {"click here", "click this", "go", "here", "information", "learn more", "more", "more info",
           "more information", "right here", "read more", "see more", "start", "this"},
    "ja": {"ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く", "全文表示"},
    "es": {"click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "aquí", "aqui",
           "más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este",
           "enlace", "este enlace", "empezar"},
    "pt": {"clique aqui", "ir", "mais informação", "mais informações", "mais", "veja mais"},
    "ko": {"여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기"},
    "sv": {"här", "klicka här", "läs mer", "mer", "mer info", "mer information"},
    "de": {"klicke hier", "hier klicken", "hier", "mehr", "siehe", "dies", "das", "weiterlesen"},
    "ta": {"அடுத்த பக்கம்", "மறுபக்கம்", "முந்தைய பக்கம்", "முன்பக்கம்", "மேலும் அறிக", "மேலும் தகவலுக்கு",
           "மேலும் தரவுகளுக்கு", "தயவுசெய்து இங்கே அழுத்தவும்", "இங்கே கிளிக் செய்யவும்"},
    "fa": {"اطلاعات بیشتر", "اطلاعات", "این", "اینجا بزنید", "اینجا کلیک کنید", "اینجا", "برو", "بیشتر بخوانید",
           "بیشتر بدانید", "بیشتر", "شروع"},
}
ANY = frozenset().union(*GENERIC.values())
LONGEST = max(len(term) for term in ANY)


def check(page, options):
    found = content(page)
    if found is None:
        return
    failing = []
    for anchor in found.anchors:
        if not len(anchor) and not _may_fail(anchor.text):
            continue  # the common case, tested inline: a plain-text link whose text is not generic
        reason = _why(anchor, found)
        if reason is not None:
            failing.append((reason, found.at(anchor), anchor.get("href")))
    if not failing:
        return
    items = [(text, where) for text, where, _ in failing]
    yield Violation(f"{len(failing)} link{'s' if len(failing) > 1 else ''} in {found.source} "
                    f"{'have' if len(failing) > 1 else 'has'} non-descriptive text: {where_list(items)}",
                    failing[0][1], value=[f"{text} → {href}" for text, _, href in failing[:20]],
                    expected="link text that says where the link goes", view=found.view,
                    fix="Write link text that names the target (\"read the 2024 pricing guide\") instead of "
                        "\"click here\", \"read more\" or a bare URL.")


def _may_fail(text: str | None) -> bool:
    """A cheap screen of a link's own text: generic, URL-like, or spaced oddly enough to need a closer look."""
    if not text:
        return False
    term = text.strip().lower()
    return term in ANY or term.startswith("http") or "  " in term or "\n" in term or "\t" in term


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
