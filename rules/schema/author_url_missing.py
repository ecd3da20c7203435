"""An article's author has no `url` or `sameAs`.

**What it checks.** Every `author` of every Article-type node, followed through its `@id`, has a `url` or a
`sameAs` (a profile page, the author archive, a social profile), and each one is an absolute http(s) URL.
A plain-string author has neither. A reference that resolves to nothing is left to
`schema/dangling-reference`, and an author with an empty `@id` to `schema/empty-id`.

**Why it matters.** Google "strongly recommends" `url` or `sameAs` on each author: it is how Google tells
this Jane Doe from every other one and attaches the article to the author's profile (Yoast adds the
author archive as `url` only while author archives are enabled, and `sameAs` from the user's profile).

**Severity.** info: advice; Google's Rich Results Test does not flag it, and many news sites omit it.

**Options.** None.

**Source.** Google Search Central, "Article structured data" (author.url: "strongly recommend … url or
sameAs"); peer-checks.md §7 row 89 (`article/author-url`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "author": {"@type": "Person", "name": "Jane Doe"}}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "author": {"@type": "Person", "name": "Jane Doe",
 "url": "https://example.com/author/jane/"}}</script>
</head></html>
```
"""

from seoaudit import urls
from seoaudit.model import Violation

from ._shared import is_bare_reference, is_blank, node_label
from ._types import articles, entities, entity_name

ID = "schema/author-url-missing"
SEVERITY = "info"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)


def url_values(data: dict) -> list[tuple[str, object]]:
    found = []
    for key in ("url", "sameAs"):
        value = data.get(key)
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                found.append((key, item))
    return found


def check(page, options, graph):
    view, nodes = page.schema_view.name, articles(graph)
    reported = set()
    for node in nodes:
        for entity in entities(graph, node, "author"):
            if is_bare_reference(entity) or (isinstance(entity.data, dict) and is_blank(entity.data.get("@id"))):
                continue
            name, _ = entity_name(entity)
            key = entity.id or name
            if key in reported:
                continue
            label = f'"{name}"' if name else "(unnamed)"
            if isinstance(entity.data, str):
                reported.add(key)
                yield Violation(f"author {label} of {node_label(node)} is plain text, with no url or sameAs",
                                entity.location, value=entity.data, expected="a Person with url or sameAs",
                                view=view, fix='Write the author as {"@type": "Person", "name": …, "url": …}.')
                continue
            values = url_values(entity.data)
            bad = [v for _, v in values if not (isinstance(v, str) and urls.parse(v.strip()))]
            if values and not bad:
                continue
            reported.add(key)
            if not values:
                message = f"author {label} of {node_label(node)} has no url or sameAs"
            else:
                message = (f"author {label} of {node_label(node)} has a url/sameAs that is not an absolute URL: "
                           f"{bad[0]!r}")
            yield Violation(message, entity.location, value=bad[0] if bad else None,
                            expected="an absolute URL of the author's profile", view=view,
                            fix="Link the author to a profile: the author archive or an about page as `url`, "
                                "social profiles as `sameAs` (Yoast: Users → Profile → contact info).")
