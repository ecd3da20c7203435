"""An article's author name is not a name only ("By Jane Doe", "Jane Doe, John Roe", "Dr. Jane Doe").

**What it checks.** The name of every `author` of every Article-type node (resolved through `@id`, or a
plain string) is the name alone: no leading "By", "Posted by" or "Written by"; no several people merged
into one name with a comma, "and", "&", "/" or ";" (each author is its own Person); no honorific
(Dr., Mr., Mrs., Ms., Prof.) or job title after a comma; and, for a Person, not the name of the publishing Organization.
Organization authors may contain "&" and "and".

**Why it matters.** Google's author guidelines: the name field holds "only the author's name", without
"posted by", job titles, honorifics or the publisher's name, and several authors are listed as several
entries, never merged into one `name`; otherwise Google cannot match the author to a known entity, and
the byline shown in Search is wrong.

**Severity.** warning: the byline shows extra words or several names as one author.

**Options.** None.

**Source.** Google Search Central, "Article structured data", author best practices; peer-checks.md
§7 row 88 (`article/author-name-clean`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "author": {"@type": "Person", "name": "By Jane Doe"}}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]}</script>
</head></html>
```
"""

import re

from seoaudit.derive.schema_types import vocabulary
from seoaudit.model import Violation

from ._types import articles, entities, entity_name

ID = "schema/author-name-not-clean"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)

BYLINE = re.compile(r"^\s*(?:(?:posted|written|published)\s+)?by\b[\s:]*", re.IGNORECASE)
HONORIFIC = re.compile(r"^\s*(?:dr|mr|mrs|ms|mx|prof|sir)\b\.?\s", re.IGNORECASE)
SEPARATOR = re.compile(r",|;|\s/\s|\s&\s|(?<!\s)\s+and\s+", re.IGNORECASE)  # (?<!\s): linear on long spaces


def is_organization(types) -> bool:
    vocab = vocabulary()
    return any(t in vocab.types and vocab.is_a(t, "Organization") for t in types)


def problem(name: str, types, publisher_names: set[str]) -> str | None:
    if BYLINE.match(name):
        return 'starts with "By"'
    if HONORIFIC.match(name):
        return "has an honorific"
    if is_organization(types):
        return None
    if SEPARATOR.search(name):
        return "merges several names, or adds a title after the name"
    if name.casefold() in publisher_names:
        return "is the publisher's name"
    return None


def check(page, options, graph):
    view, nodes = page.schema_view.name, articles(graph)
    reported = set()
    for node in nodes:
        publisher_names = {n.casefold() for e in entities(graph, node, "publisher")
                           if is_organization(e.types) and (n := entity_name(e)[0])}
        for entity in entities(graph, node, "author"):
            name, where = entity_name(entity)
            if not name or name in reported:
                continue
            why = problem(name, entity.types, publisher_names)
            if why is None:
                continue
            reported.add(name)
            yield Violation(f'author name "{name}" {why}', where, value=name,
                            expected="the author's name only, one Person per author", view=view,
                            fix="Put only the person's name in `name`; list several authors as several Person "
                                "entries; put a job title in `jobTitle`.")
