"""The meta description is just the first words of the post content.

**What it checks.** For a WordPress object with `content.rendered`, the meta description of every
producer (each distinct text once): it fires when the description, without a trailing "…" or "[…]", is
the start of the post's visible text (tags dropped, entities decoded, compared case-insensitively with
typographic quotes and spacing folded) and at least `min_chars` long.

**Why it matters.** A description copied from the first 155 characters of the post was generated, not
written: it repeats what the snippet could show anyway, often starts mid-introduction and is cut
mid-sentence. Google may show it, but it rarely sells the click.

**Severity.** info: advice; Google often shows the opening words anyway.

**Options.** `min_chars` (default 50): shorter descriptions are not compared (a one-line post is its
own summary).

**Source.** wordpress-ecosystem.md §5 check 26 (different from the first 155 characters of the
content; Yoast#8661, Yoast#9549).

**Fails:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "content": {"rendered": "<p>Every morning we grind twenty grams of beans, boil the kettle and wait.</p>"},
 "yoast_head_json": {"title": "Coffee - Example",
                     "description": "Every morning we grind twenty grams of beans, boil the kettle and&hellip;"}}
```

**Passes:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "content": {"rendered": "<p>Every morning we grind twenty grams of beans, boil the kettle and wait.</p>"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "Our French press routine: grind, ratio and time."}}
```
"""

from seoaudit.derive.text import comparable, fields_once
from seoaudit.model import Violation
from seoaudit.options import Option

from ._shared import content_text, without_truncation

ID = "description/same-as-content"
SEVERITY = "info"
REQUIRES = ("post",)  # passed in (registry.py)
OPTIONS = {"min_chars": Option(int, 50, "Shorter descriptions are not compared with the content.", minimum=0)}


def check(page, options, post):
    if not post.content_html:
        return
    candidates = [(v, f) for v, f in fields_once(page, lambda v: v.descriptions[:1])
                  if len(without_truncation(f.value)) >= options["min_chars"]]
    if not candidates:
        return
    text = comparable(content_text(post) or "")
    for view, field in candidates:
        start = comparable(without_truncation(field.value))
        if text.startswith(start):
            yield Violation(f"meta description is the first {len(start)} characters of the post content: "
                            f"{field.value[:60]!r}…", field.location, value=field.value,
                            expected="a description written for the result page", view=view.name,
                            fix="Write a description that says what the post offers, instead of its first "
                                "sentence.")
