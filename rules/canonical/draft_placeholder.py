"""A draft, pending or scheduled post whose URLs are the `?p=` placeholder WordPress gives it until publish.

**What it checks.** A post whose status is `draft`, `pending` or `future` (scheduled) and whose `link`,
canonical, `og:url` or schema WebPage `url` is a plain permalink (`/?p=123`, `/?page_id=7`). This is
WordPress's design (`wp_force_plain_post_permalink()`), not a defect, so it is reported as information:
these URLs will change on publish. When the response comes from the edit context (`permalink_template`
and `slug` or `generated_slug`), the message shows the permalink the post will get. The other canonical
rules still require the placeholder URLs to agree with each other.

**Why it matters.** Nothing should be built on a placeholder: a front end that caches the draft's
canonical, or a scheduled post whose `?p=` canonical survives publishing (Yoast#16266, Yoast#20329),
sends Google to `?p=` URLs. Knowing the future permalink lets a pre-publish check compare a custom
canonical with the URL the post will really have.

**Severity.** info, and off by default (opt-in: `--select canonical/draft-placeholder` or
`--select canonical`): the placeholder is WordPress's design, not a defect; select it to see the permalink a
draft will get.

**Options.** None.

**Source.** WordPress `wp_force_plain_post_permalink()` (`link-template.php`); Gutenberg's permalink
preview from `permalink_template` (WordPress/gutenberg#21410); Yoast#16266, Yoast#20329.

**Fails:**

```json
{"id": 9, "status": "draft", "link": "https://example.com/?p=9", "slug": "", "generated_slug": "my-draft",
 "permalink_template": "https://example.com/%postname%/", "title": {"rendered": "My draft"},
 "yoast_head_json": {"title": "My draft", "canonical": "https://example.com/?p=9",
                     "og_url": "https://example.com/?p=9"}}
```

**Passes:**

```json
{"id": 9, "status": "publish", "link": "https://example.com/my-draft/", "slug": "my-draft",
 "title": {"rendered": "My draft"},
 "yoast_head_json": {"title": "My draft", "canonical": "https://example.com/my-draft/",
                     "og_url": "https://example.com/my-draft/"}}
```
"""

from seoaudit import urls
from seoaudit.derive.canonical import webpage_nodes
from seoaudit.model import Violation

from ._shared import future_permalink, views_in_order

ID = "canonical/draft-placeholder"
SEVERITY = "info"
OPT_IN = True  # not a defect: runs only when selected by id or category
REQUIRES = ("post",)  # passed in (registry.py)


def check(page, options, post):
    if not post.is_placeholder:
        return
    placeholders = plain_urls(page)
    if not placeholders:
        return
    names = list(dict.fromkeys(name for name, _, _ in placeholders))
    values = list(dict.fromkeys(value for _, value, _ in placeholders))
    future = future_permalink(post)
    then = f"on publish it becomes {future}" if future else "the final URL is known only on publish"
    yield Violation(f"{post.status} post: {', '.join(names)} "
                    f"{'is' if len(names) == 1 else 'are'} the placeholder {' / '.join(values)}, which WordPress "
                    f"replaces on publish; {then}", placeholders[0][2], value=values[0], expected=future,
                    fix="Nothing to fix before publishing; check the published post again (scheduled posts can "
                        "keep a ?p= canonical after they go live, Yoast#16266).")


def plain_urls(page) -> list[tuple[str, str, object]]:
    """(what, URL, location) for every plain-permalink URL of the post, the link first."""
    found = []
    if page.link and urls.is_plain_permalink(page.link.value):
        found.append(("link", page.link.value, page.link.location))
    for view in views_in_order(page):
        fields = [("canonical", view.canonical), ("og:url", view.first("og:url"))]
        for name, field in fields:
            if field is not None and urls.is_plain_permalink(field.value):
                found.append((name, field.value, field.location))
        for node in webpage_nodes(page.graph_of(view)) if view.jsonld else ():
            url = node.get("url")
            if isinstance(url, str) and urls.is_plain_permalink(url):
                found.append(("schema WebPage url", url, node.location.child("url")))
    return found
