"""The pages of this run describe one Organization, Person or WebSite `@id` with different names or logos.

**What it checks.** Across the documents of a run, every Organization, Person and WebSite node with an absolute
`@id` (the site's publisher, an author, the site itself; `#organization` is relative to each page's URL), compared
on its `name` (case and spacing aside) and, for an Organization, its `logo` URL (the logo's `url` or `contentUrl`
when it is an ImageObject). When the pages of the run give one `@id` different values, the pages that give the
same value other than the one most pages give share one finding (a stale cache or one template is one cause), on
the first of them, naming the others, what most pages say and how many pages say it. A page that leaves the
property out (a bare reference) is not compared.

**Why it matters.** An `@id` names one entity across the site: Google's knowledge graph and the Article rich
result's publisher and author read its name and logo from whichever page it crawled. Two names for one publisher
(an old brand left in a cached page, a Person renamed in one plugin and not another) mean search shows either,
and the entity may be split. On WordPress the causes are a changed site name with a stale page cache or static
export, and two SEO plugins each printing the Organization.

**Severity.** warning: search engines may show either name or logo, or split the entity; every page keeps its
rich results.

**Options.** None.

**Source.** W3C JSON-LD 1.1 (`@id` identifies one node across documents); Google Search Central, "Organization
structured data" (one name and logo per organization); squirrelscan entity-conflicts, peer-checks.md row 72.

**Fails** (one run of these files):

`public/a.html`:

```html
<html><head><title>A</title><link rel="canonical" href="https://example.com/a/">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "@id": "https://example.com/#organization", "name": "Acme"}</script></head><body></body></html>
```

`public/b.html`:

```html
<html><head><title>B</title><link rel="canonical" href="https://example.com/b/">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "@id": "https://example.com/#organization", "name": "Acme"}</script></head><body></body></html>
```

`public/c.html`:

```html
<html><head><title>C</title><link rel="canonical" href="https://example.com/c/">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "@id": "https://example.com/#organization", "name": "Acme Widgets Ltd"}</script></head><body></body></html>
```

**Passes** (one run of these files):

`public/a.html`:

```html
<html><head><title>A</title><link rel="canonical" href="https://example.com/a/">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "@id": "https://example.com/#organization", "name": "Acme"}</script></head><body></body></html>
```

`public/b.html`:

```html
<html><head><title>B</title><link rel="canonical" href="https://example.com/b/">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
 "@id": "https://example.com/#organization", "name": "ACME "}</script></head><body></body></html>
```
"""

from collections import Counter

from seoaudit import urls
from seoaudit.batch import Occurrence, by_name, names
from seoaudit.derive.schema_types import ORGANIZATION, PERSON, WEBSITE
from seoaudit.model import Violation

from ._shared import schema_graph

ID = "schema/entity-conflict"
SEVERITY = "warning"
ENTITY_TYPES = tuple(ORGANIZATION | PERSON | WEBSITE)
ASPECTS = ("name", "logo")  # the order of `extra`


def _absolute(node_id) -> bool:
    """Only an absolute `@id` names one thing across pages: `#organization` is relative to each page's URL."""
    return isinstance(node_id, str) and urls.parse(node_id.strip()) is not None


def _logo(graph, node) -> str | None:
    raw = node.get("logo")
    if isinstance(raw, str):
        return raw.strip() or None
    for target in graph.targets(node, "logo"):
        for key in ("url", "contentUrl"):
            value = target.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def signature(page, options):
    graph, view = schema_graph(page)
    if graph is None or page.is_fragment:
        return None
    found = {}
    for node in graph.nodes:
        if not (_absolute(node.id) and node.is_a(*ENTITY_TYPES)):
            continue
        name = node.get("name")
        name = " ".join(name.split()) if isinstance(name, str) and name.strip() else None
        logo = _logo(graph, node) if node.is_a(*ORGANIZATION) else None
        if name or logo:
            kind = next(t for t in node.types if t in ENTITY_TYPES)
            found.setdefault(node.id.strip(), Occurrence(node.id, node.location, view, (kind, name, logo)))
    return found or None


def _page(member) -> str:
    return member.cross_key or member.document.display_source  # a post read twice is one page


def check_group(node_id, members, options):
    firsts: dict[str, object] = {}
    for member in by_name(members):
        firsts.setdefault(_page(member), member)  # the first reading of each page speaks for it
    wrong: dict = {}  # member key → (member, [(aspect, its value, usual value, pages saying it, pages)])
    for index, aspect in enumerate(ASPECTS, start=1):
        pages = {page: m.extra[index] for page, m in firsts.items() if m.extra[index] is not None}
        counts = Counter(value.casefold() if aspect == "name" else value for value in pages.values())
        if len(counts) < 2:
            continue
        usual, usual_count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        shown = next(v for v in pages.values() if (v.casefold() if aspect == "name" else v) == usual)
        for member in firsts.values():
            value = member.extra[index]
            if value is not None and (value.casefold() if aspect == "name" else value) != usual:
                wrong.setdefault(member.key, (member, []))[1].append((aspect, value, shown, usual_count, len(pages)))
    # Pages that describe the entity the same wrong way share one cause (a cache from before a rename, one
    # template): one finding, on the first of them, naming the others.
    alike: dict[tuple, list] = {}
    for member, differences in sorted(wrong.values(), key=lambda item: (item[0].document.display_source, item[0].key)):
        alike.setdefault(tuple((aspect, value) for aspect, value, *_ in differences), [differences]).append(member)
    for differences, *members in alike.values():
        member = members[0]
        said = "; ".join(f"its {aspect} is {value!r}, while {count} of {total} pages of this run give {usual!r}"
                         for aspect, value, usual, count, total in differences)
        where = "across the run" if len(members) == 1 else \
            f"on this page and {len(members) - 1} other{'s' if len(members) > 2 else ''} ({names(members, but=member)})"
        yield member.key, Violation(
            f"{member.extra[0]} {member.value} is described differently {where}: {said}",
            member.location, value=[value for _, value, *_ in differences],
            expected=[usual for _, _, usual, *_ in differences], view=member.view,
            fix="Describe the entity the same way on every page (one name and logo in the SEO plugin's settings), "
                "then rebuild or purge the cached pages that still carry the old values.")
