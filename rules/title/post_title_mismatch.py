"""The SEO title or og:title does not contain the WordPress post title.

**What it checks.** For a WordPress object (post, page, term, user), the title and `og:title` of every
producer (each distinct text once) against the object's own title (`title.rendered` of a post, `name`
of a term or user), both decoded once: it fires when the post title is not contained in the SEO title.
Containment, not equality: Yoast's default title is the post title plus a separator and the site name
(" - Site Name"). Compared case-insensitively with typographic quotes and dashes folded
(`wptexturize` curls the quotes of `title.rendered`, Yoast keeps them straight).

**Why it matters.** A custom SEO title is a choice, but a title that no longer names the post is often
stale: Yoast caches titles in its indexables and an old one survives a rename, an import or a migration.
Consumers that do not decode entities (headless front ends) also show `&#8217;` where the title had ’.

**Severity.** info: advice; an SEO title may differ from the post title on purpose.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 27 (og_title or title equals the decoded `title.rendered`
plus the site suffix; Yoast#9274, gatsbyjs/gatsby#4543); peer-checks.md row 9.

**Fails:**

```json
{"id": 9, "link": "https://example.org/grinders/", "status": "publish", "type": "post",
 "title": {"rendered": "Choosing a coffee grinder"},
 "yoast_head_json": {"title": "Old draft name - Example", "og_title": "Old draft name - Example"}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.org/grinders/", "status": "publish", "type": "post",
 "title": {"rendered": "Choosing a coffee grinder &#8211; burr or blade?"},
 "yoast_head_json": {"title": "Choosing a coffee grinder - burr or blade? - Example"}}
```
"""

from seoaudit.derive.text import contains, fields_once
from seoaudit.model import Violation

ID = "title/post-title-mismatch"
SEVERITY = "info"
REQUIRES = ("post",)  # passed in (registry.py)


def _seo_titles(view):
    return view.titles[:1] + view.meta.get("og:title", [])[:1]


def check(page, options, post):
    if post.title is None or not post.title.value:
        return
    for view, field in fields_once(page, _seo_titles):
        if field.value and not contains(field.value, post.title.value):
            what = "og:title" if field in view.meta.get("og:title", ()) else "title"
            yield Violation(f"{what} {field.value!r} in {view.name} does not contain the post title "
                            f"{post.title.value!r}", field.location, value=field.value,
                            expected=f"a title containing {post.title.value!r}", view=view.name,
                            fix="Update the SEO title (Yoast: the post's SEO title field), or re-save the post "
                                "so that the plugin rebuilds its stored title.")
