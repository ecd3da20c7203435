"""A title, description or schema text still holds an HTML entity after one decode: it was encoded twice.

**What it checks.** The texts of every producer, decoded once as a consumer decodes them (the HTML
parser for `<title>` and `<meta content>`, one `html.unescape` for plugin JSON, which may carry entities):
the title, meta description, `og:title`, `og:description`, `og:site_name`, `og:image:alt`,
`twitter:title`, `twitter:description`, `twitter:image:alt`, `article:section` and `article:tag`; the
WordPress object's own title (`title.rendered`, `name`); and the `name`, `headline`,
`alternativeHeadline`, `description`, `caption` and `alternateName` of every schema node, decoded once
too. It fires when a named entity (`&amp;`, `&hellip;`) or a numeric one (`&#8217;`) is left after that
decode: `&amp;amp;`, `&amp;#8217;`, `&amp;hellip;`, `&amp;quot;` in the source. Each text is reported
once.

**Why it matters.** A double-encoded entity is shown as code: "Women&#8217;s", "Fish &amp; Chips" in
the result title, the share card and the rich result. It comes from escaping an already escaped value
(`esc_attr` over `wptexturize` output, a headless front end escaping Yoast's JSON, a feed importer).

**Severity.** warning: readers see `&amp;` in the title or the snippet (a visible defect of small impact).

**Options.** None.

**Source.** wordpress-ecosystem.md §4 (HTML entities double-encoded: Yoast#9274,
awesomemotive/all-in-one-seo-pack#968 `&amp;apos;`, wp-graphql/wp-graphql#882, insideout10/wordlift-plugin#793)
and §5 check 25 (entities decoded once).

**Fails:**

```json
{"id": 3, "link": "https://example.org/fish-chips/", "status": "publish", "type": "post",
 "title": {"rendered": "Fish &amp; Chips"},
 "yoast_head_json": {"title": "Fish &amp; Chips - Example", "og_title": "Fish &amp;amp; Chips - Example"}}
```

**Passes:**

```json
{"id": 3, "link": "https://example.org/fish-chips/", "status": "publish", "type": "post",
 "title": {"rendered": "Fish &amp; Chips"},
 "yoast_head_json": {"title": "Fish &amp; Chips - Example", "og_title": "Fish & Chips - Example"}}
```
"""

import html
import re
from html.entities import html5

from seoaudit.model import Violation

ID = "wordpress/double-encoded-entity"
SEVERITY = "warning"

TEXT_META = ("og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title", "twitter:description",
             "twitter:image:alt", "article:section", "article:tag")
SCHEMA_TEXT = ("name", "headline", "alternativeHeadline", "description", "caption", "alternateName")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def entities(text: str) -> list[str]:
    """The character references left in a decoded text: numeric ones, and names HTML5 knows ('&T;' is not)."""
    if "&" not in text:
        return []
    found = (m.group(0) for m in _ENTITY.finditer(text))
    return list(dict.fromkeys(e for e in found if e[1] == "#" or e[1:] in html5))


def check(page, options):
    seen: set[str] = set()
    for where, view_name, label, value in _texts(page):
        if value in seen:
            continue
        seen.add(value)
        left = entities(value)
        if left:
            shown = html.unescape(value)
            start = value.index(left[0])
            yield Violation(f"{label} is double-encoded: {', '.join(left[:3])} is left after decoding once "
                            f"({excerpt(value, start)!r}, meant {excerpt(shown, start)!r})", where, value=value,
                            expected=shown,
                            view=view_name,
                            fix="Escape the text once: decode it before it is escaped again (the theme, plugin "
                                "or front end that adds the second &amp;).")


def excerpt(text: str, at: int, around: int = 30) -> str:
    """The part of `text` around index `at` (where the leftover entity starts): what the reader must see."""
    start, end = max(0, at - around), at + around
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _texts(page):
    """(location, view name, label, text decoded once) for every metadata text of the page that holds a `&`
    (only those can hold an entity: the label is not even built for the others)."""
    for view in page.views.values():
        for field in view.titles:
            if "&" in field.value:
                yield field.location, view.name, f"title in {view.name}", field.value
        for field in view.descriptions:
            if "&" in field.value:
                yield field.location, view.name, f"meta description in {view.name}", field.value
        for key in TEXT_META:
            for field in view.meta.get(key, ()):
                if "&" in field.value:
                    yield field.location, view.name, f"{key} in {view.name}", field.value
        for image in view.og_images:  # plugin JSON keeps the alt inside og_image only
            if image.alt is not None and "&" in image.alt.value:
                yield image.alt.location, view.name, f"og:image:alt in {view.name}", image.alt.value
    post = page.post
    if post is not None and post.title is not None and "&" in post.title.value:
        yield post.title.location, None, "the post title", post.title.value
    if page.schema_view is not None:
        for node in page.graph.nodes:
            data = node.data
            for key in SCHEMA_TEXT:
                values = data.get(key)
                if values is None:  # most keys on most nodes
                    continue
                for index, value in enumerate(values if isinstance(values, list) else [values]):
                    if isinstance(value, str) and "&" in value:
                        where = node.location.child(key, index) if isinstance(values, list) else \
                            node.location.child(key)
                        kind = "/".join(node.types) or "schema node"
                        yield where, page.schema_view.name, f"{kind} {key}", html.unescape(value)
