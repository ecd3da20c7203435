"""The post's author (from `_embedded`) is not the author the metadata names.

**What it checks.** On a WordPress object fetched with `?_embed`, the embedded author
(`_embedded.author[0].name`) is among the author names the SEO metadata gives: Yoast's `author`,
"Written by" in `twitter_misc` (or `twitter:data1` in HTML), `<meta name="author">`, and the `name` of
the schema Person that the Article (or the WebPage) names as `author`. Names are compared after
decoding entities and folding case and spaces. When the names agree, the Person's `url` should be the
author's archive (`_embedded.author[0].link`) if both are given. An embedded error object is
`wordpress/embed-error`'s.

**Why it matters.** Google uses the schema author for the article's byline and for author
disambiguation ("Author markup best practices": the name only, a URL that identifies the person). A
metadata author that is not the post's author comes from a co-author or guest-author plugin the SEO
plugin does not know about, a schema filter, or stale indexables after re-assigning posts: the page
then credits someone else than its visible byline.

**Severity.** info: advice; a guest author or a co-author plugin can be deliberate.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 15 (`_embedded` checked against the metadata) and check 23;
Google, "Article structured data: author markup best practices".

**Fails:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "author": 2,
 "title": {"rendered": "Post"},
 "yoast_head_json": {"author": "admin", "twitter_misc": {"Written by": "admin"}},
 "_embedded": {"author": [{"id": 2, "name": "Ann Smith", "link": "https://example.com/author/ann/"}]}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "author": 2,
 "title": {"rendered": "Post"},
 "yoast_head_json": {"author": "Ann Smith", "twitter_misc": {"Written by": "Ann Smith"}},
 "_embedded": {"author": [{"id": 2, "name": "Ann Smith", "link": "https://example.com/author/ann/"}]}}
```
"""

import html

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import embedded, is_error

ID = "wordpress/author-mismatch"
SEVERITY = "info"
AUTHOR_OWNERS = ("Article", "NewsArticle", "BlogPosting", "WebPage")


def check(page, options):
    author = next((item for item, _ in embedded(page, "author") if not is_error(item)), None)
    if author is None or not isinstance(author.get("name"), str) or not author["name"].strip():
        return
    name = author["name"]
    stated = metadata_names(page)
    if stated and not any(_fold(value) == _fold(name) for value, _, _, _ in stated):
        value, _, where, view = stated[0]
        others = ", ".join(dict.fromkeys(f"{v!r} ({lab})" for v, lab, _, _ in stated))
        yield Violation(f"the post's author is {name!r} (_embedded author) but the metadata names {others}", where,
                        value=value, expected=name, view=view,
                        fix="Make the SEO plugin's author the post's author (co-author plugins need their Yoast "
                            "integration), or rebuild the indexables after re-assigning posts.")
        return
    link = author.get("link")
    for person, view in persons(page):
        url = person.get("url")
        if (isinstance(url, str) and isinstance(link, str) and urls.parse(url) and urls.parse(link)
                and _fold(str(person.get("name", ""))) == _fold(name) and not urls.same(url, link)):
            yield Violation(f"schema Person {name!r} has url {url!r}, not the author archive {link!r}",
                            person.location.child("url"), value=url, expected=link, view=view,
                            fix="Point the Person's url at the author archive (or set the user's website field "
                                "on purpose).")


def metadata_names(page) -> list[tuple[str, str, object, str]]:
    """(name, where it is said, location, view) for every author name in the SEO metadata."""
    found = []
    data = page.document.data if isinstance(page.document.data, dict) else {}
    head = data.get("yoast_head_json") if isinstance(data.get("yoast_head_json"), dict) else {}
    base = page.views["yoast_head_json"].location if "yoast_head_json" in page.views else None
    if isinstance(head.get("author"), str) and head["author"].strip() and base is not None:
        found.append((head["author"], "yoast_head_json author", base.child("author"), "yoast_head_json"))
    misc = head.get("twitter_misc") if isinstance(head.get("twitter_misc"), dict) else {}
    written = misc.get("Written by")
    if isinstance(written, str) and written.strip() and base is not None:
        found.append((written, "twitter_misc Written by", base.child("twitter_misc", "Written by"), "yoast_head_json"))
    for view in page.views.values():
        field = view.first("author")
        if field is not None and field.value:
            found.append((field.value, f"meta author in {view.name}", field.location, view.name))
    for person, view in persons(page):
        if isinstance(person.get("name"), str) and person.get("name").strip():
            found.append((person.get("name"), "schema Person name", person.location.child("name"), view))
    return found


def persons(page):
    """The Person nodes the page's Article or WebPage names as its author, with the view they are in."""
    view = page.schema_view
    if view is None:
        return
    graph = page.graph
    seen = []
    for node in graph.nodes:
        if not node.top_level or not node.is_a(*AUTHOR_OWNERS):
            continue
        for person in graph.targets(node, "author"):
            if person.is_a("Person") and all(person is not s for s in seen):
                seen.append(person)
                yield person, view.name


def _fold(text: str) -> str:
    return " ".join(html.unescape(text).split()).casefold()
