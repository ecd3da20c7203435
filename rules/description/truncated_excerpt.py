"""The description is a truncated excerpt: it ends in "[…]", "…" or "Continue reading".

**What it checks.** The meta description, `og:description` and `twitter:description` of every producer
(each distinct text once), after one entity decode: it fires when the text ends in WordPress's
auto-excerpt marker (`[&hellip;]`, `[…]`, `[...]`), in an ellipsis (`…`, `...`), or in an excerpt's
link text ("Continue reading …", "Read more"). Yoast's `og_description` falls back to the excerpt when a
post has no meta description, and WordPress's automatic excerpt is the first 55 words of the post plus
` [&hellip;]`.

**Why it matters.** A snippet or a share card that stops mid-sentence with "[…]" reads as a machine cut,
and a "Continue reading" with no link is noise. The description should be written as a whole; Google
and the social networks cut it where they need to themselves.

**Severity.** warning: a snippet cut mid-sentence is a visible defect of small impact.

**Options.** None.

**Source.** wordpress-ecosystem.md §4 (Fixture A's `og_description` ends in `[&hellip;]`; Yoast#9549,
Yoast#3421 "Read more" inside og:description) and §5 check 26 (no trailing `…`/`[&hellip;]`/`[…]`, no
"Read more").

**Fails:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "How we brew coffee at home.",
                     "og_description": "Every morning we grind twenty grams of beans and then [&hellip;]"}}
```

**Passes:**

```json
{"id": 5, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "How we brew coffee at home.",
                     "og_description": "How we brew coffee at home."}}
```
"""

from seoaudit.derive.text import fields_once
from seoaudit.model import Violation

from ._shared import all_descriptions, label, truncation

ID = "description/truncated-excerpt"
SEVERITY = "warning"


def check(page, options):
    for view, field in fields_once(page, all_descriptions):
        how = truncation(field.value)
        if how is None:
            continue
        what = label(view, field)
        yield Violation(f"{what} is a truncated excerpt: it {how}: {_tail(field.value)!r}", field.location,
                        value=field.value, expected="a description written as a whole", view=view.name,
                        fix="Write a description (Yoast: the meta description field, which og:description "
                            "also uses) or a hand-written excerpt, instead of the automatic excerpt.")


def _tail(text: str, limit: int = 80) -> str:
    """The end of the text as a reader sees it (non-breaking spaces and line breaks as spaces)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else "…" + text[-limit:]
