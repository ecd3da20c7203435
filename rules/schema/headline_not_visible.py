"""An HTML page's article headline does not appear in the page's text.

**What it checks.** On an HTML page, the `headline` of every Article-type node appears in the visible
text of `<body>` (scripts, styles and templates left out), compared case-insensitively, entities decoded
once, with whitespace, quotes, apostrophes and dashes normalised. A headline of a few words (fewer
than `min_words`) is not judged. WordPress REST objects are not checked: the post's body is not the rendered page.

**Why it matters.** Google's structured data policy: markup must be "a true representation of the page
content" and must not describe content readers cannot see; a headline that is nowhere on the page is
usually stale markup (a renamed post served from a cache), the SEO title placed in `headline`, or
markup copied from another page. A manual action removes rich-result eligibility.

**Severity.** info: advice; Google prefers a headline the reader sees.

**Options.** `min_words` (3).

**Source.** Google Search Central, "General structured data guidelines" (content visible to users);
peer-checks.md §7 row 94 (`sd/visible-content`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour reopens after the storm"}</script>
</head><body><h1>Council approves the new budget</h1><p>The vote was close.</p></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour reopens after the storm"}</script>
</head><body><h1>Harbour reopens after the <em>storm</em></h1><p>Boats are back.</p></body></html>
```
"""

import copy
import html

from lxml import etree

from seoaudit.model import Violation
from seoaudit.options import Option

from ._shared import node_label
from ._types import articles

ID = "schema/headline-not-visible"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
OPTIONS = {"min_words": Option(int, 3, "Headlines of fewer words are not checked.", minimum=1)}
_FOLD = {"’": "'", "‘": "'", "‚": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
         "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "…": "..."}


def normalise(text: str) -> str:
    # str.replace per character, not str.translate: translate looks every character of a page's text up in a
    # dict (ten times slower); no replacement holds a character that is replaced, so the order does not matter.
    for char, replacement in _FOLD.items():
        if char in text:
            text = text.replace(char, replacement)
    return " ".join(text.split()).casefold()  # split() and \s are the same whitespace


# Plain strings, not lxml's "smart" ones that remember their parent (a third of the time).
_VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::template or ancestor::noscript)]",
    smart_strings=False)


_HEADINGS = "//body//*[self::h1 or self::h2 or self::h3]//text()"


_TEXT = etree.XPath("//text()", smart_strings=False)
_INVISIBLE = ("script", "style", "template", "noscript")


def body_text(view) -> str:
    """The text nodes of `_VISIBLE_TEXT`, joined. With one <body>: from a copy of it without the invisible
    elements (copying and stripping in C is two and a half times faster than XPath's ancestor tests)."""
    body = view.tree.find("body")
    if body is None or not _one_body(view.tree):
        return normalise(" ".join(_VISIBLE_TEXT(view.tree)))
    body = copy.deepcopy(body)
    body.tail = None  # a copy takes the element's tail along; //body//text() has not
    etree.strip_elements(body, *_INVISIBLE, with_tail=False)
    return normalise(" ".join(_TEXT(body)))


def headings_text(view) -> str:
    """The text nodes of `_HEADINGS`, joined: from the headings extraction collected, when the page has one
    <body> (the XPath would walk the whole page again); nested headings give their text once."""
    found = view.body_elements
    if found is None or not _one_body(view.tree):
        return " ".join(view.tree.xpath(_HEADINGS))
    texts: list[str] = []
    for heading in found["headings"]:
        if next(heading.iterancestors("h1", "h2", "h3"), None) is None:
            texts.extend(heading.itertext())  # the parser merges adjacent text: one piece per text node
    return " ".join(texts)


def _one_body(root) -> bool:
    """`//body` is `root.find("body")` alone: no other root (a stray </html> can start one) and no other <body>
    under the root's other children (a <body> tag after </body> lands in whatever is open)."""
    if any(isinstance(s.tag, str) for s in (*root.itersiblings(), *root.itersiblings(preceding=True))):
        return False
    body = root.find("body")
    return all(child is body or not isinstance(child.tag, str) or next(child.iter("body"), None) is None
               for child in root)


def check(page, options, graph):
    view = page.views.get("html")
    if view is None or view.tree is None or page.schema_view is not view:
        return
    name, nodes = view.name, articles(graph)
    headlines = [(n, n.get("headline")) for n in nodes if isinstance(n.get("headline"), str)]
    minimum = options["min_words"]
    headlines = [(n, h) for n, h in headlines if len(h.split()) >= minimum]
    if not headlines:
        return
    headings = normalise(headings_text(view))  # where a headline usually is: cheap
    text = None
    reported = set()
    for node, headline in headlines:
        wanted = normalise(html.unescape(headline))  # entities in JSON are their own defect
        if wanted in headings or wanted in reported:
            continue
        text = body_text(view) if text is None else text
        if wanted in text:
            continue
        reported.add(wanted)
        yield Violation(f'headline of {node_label(node)} does not appear in the page text: "{headline.strip()}"',
                        node.location.child("headline"), value=headline.strip(),
                        expected="the article's visible title", view=name,
                        fix="Make the headline the article's visible title (the H1), and purge caches after "
                            "renaming a post.")
