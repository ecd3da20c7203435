"""The page has more than one `<h1>`, or a WordPress post's content holds an `<h1>` of its own.

**What it checks.** An HTML page's `<body>` has at most one `<h1>` with text. For a WordPress post
(or page), `content.rendered` holds no `<h1>` at all: the theme already prints the post title as the
`<h1>` of the page (every default theme since Twenty Ten, block themes with the Post Title block set to
H1), so a heading 1 written in the editor is a second one. Themes or page builders that hide the title
and leave the heading to the content exist, hence information only.

**Why it matters.** One `<h1>` that states the topic is the clearest outline for search engines and
for screen-reader users navigating by headings; several `<h1>` (a logo marked up as `<h1>` on every
page, an editor's "Heading 1" inside the post) blur which heading is the page's title. Google says
several `<h1>` are not a problem for ranking, so this is not a warning.

**Severity.** info, and off by default (opt-in: `--select content/h1-multiple` or `--select content`): several
H1s are valid HTML and Google handles them; this is outline advice, not a defect.

**Options.** None.

**Source.** Screaming Frog "H1: Multiple"; Yoast "single title" assessment (an H1 in the post
content besides the title); Google Search Central (multiple H1 elements are fine for Search).

**Fails:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "title": {"rendered": "Launch notes"},
 "content": {"rendered": "<h1>Launch notes</h1> <p>What changed.</p>", "protected": false}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "title": {"rendered": "Launch notes"},
 "content": {"rendered": "<h2>What changed</h2> <p>Everything.</p>", "protected": false}}
```
"""

from seoaudit.model import Violation

from ._shared import content, has_text, text_of, where_list

ID = "content/h1-multiple"
SEVERITY = "info"
OPT_IN = True  # not a defect: runs only when selected by id or category


def check(page, options):
    found = content(page)
    if found is None:
        return
    headings = [h1 for h1 in found.h1 if has_text(h1)]
    items = [(text_of(h1)[:80], found.at(h1)) for h1 in headings]
    if found.is_post and headings:
        kind = page.post.type or "post"
        yield Violation(f"content.rendered has {len(headings)} <h1> ({where_list(items, 3)}); the theme already "
                        f"prints the {kind} title as the page's <h1>", items[0][1], value=[t for t, _ in items],
                        expected="no <h1> in the content (headings from <h2>)", view=found.view,
                        fix="Use Heading 2 and below in the editor; the title field is the page's heading 1.")
    elif not found.is_post and len(headings) > 1:
        yield Violation(f"the page has {len(headings)} <h1>: {where_list(items, 3)}", items[1][1],
                        value=[t for t, _ in items], expected="one <h1>", view=found.view,
                        fix="Keep one <h1> for the page's title (a logo or a sidebar title is not the page's "
                            "heading 1).")
