"""A node has a property that schema.org does not define, or does not define for its type.

**What it checks.** Every property of every typed node of the page's graph (nested nodes too), for
nodes whose context is schema.org and whose types are all schema.org types, is a schema.org property
whose `domainIncludes` holds one of the node's types or one of their ancestors (so `headline` fits a
BlogPosting because it fits every CreativeWork; a property of a subtype does not fit its parent). A
node with several types (`["Organization", "Brand"]`) may use the properties of any of them.
Accepted as they are: `@`-keywords and their aliases in schema.org's context (`id`, `type`), terms the
block's own `@context` defines, terms of other vocabularies (`dc:title`, full IRIs) and schema.org's
action annotations (`query-input`, `<property>-output`). One finding per page, listing each unknown
property once (with how many nodes carry it).

**Why it matters.** Consumers drop what they do not understand: a misspelt `datepublished` or an
`author` placed on the WebSite is as good as absent, and Google's Rich Results Test reports it. A
property that exists but belongs to another type (`headline` on a Person) is usually a value put on
the wrong node of a graph.

**Severity.** warning when a property looks misspelt (a schema.org property is one letter-case or edit away)
or belongs to another type: a value the author meant is lost. info when the keys are simply not schema.org
(a site's own data fields): consumers ignore them and nothing is lost.

**Options.** None.

**Source.** Lighthouse structured-data `schema-validator.js` (error); structured-data-testing-tool
"is not a valid schema property" (top level only, #19: nested properties are checked here);
peer-checks.md §7 row 69 (`schema/unknown-property`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datepublished": "2024-05-01T09:00:00+00:00"}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Hello", "datePublished": "2024-05-01T09:00:00+00:00"}</script>
</head></html>
```
"""

from functools import lru_cache

from seoaudit.derive.schema_types import schema_term, vocabulary
from seoaudit.model import MILD, Violation

from ._types import judged_nodes, node_types

ID = "schema/unknown-property"
SEVERITY = "warning"
SEVERITY_MILD = "info"
REQUIRES = ("graph",)  # passed in (registry.py)
ACTION_ANNOTATIONS = ("-input", "-output")
KEYWORD_ALIASES = frozenset({"id", "type"})  # schema.org's own context maps them to @id and @type


def property_name(key: str, vocab) -> str | None:
    """The schema.org property a key names (None when it is not ours to judge)."""
    return _property_name(key) if vocab is vocabulary() else _name_of(key, vocab)


@lru_cache(maxsize=4096)  # the same few hundred keys on every page
def _property_name(key: str) -> str | None:
    return _name_of(key, vocabulary())


def _name_of(key: str, vocab) -> str | None:
    name = schema_term(key)
    if name is None:
        return None
    for suffix in ACTION_ANNOTATIONS:  # schema.org "Potential Actions": query-input, url-output…
        if name.endswith(suffix) and name[: -len(suffix)] in vocab.properties:
            return None
    return name


def check(page, options, graph):
    view = page.schema_view.name
    found: dict[str, list] = {}  # message → [(node, key, expected, meant)]: one template typo, one line
    for node, defined in judged_nodes(graph):
        types = node_types(node)
        if types is not None:
            for key, message, expected, meant in _problems(node.types, types, tuple(node.data), defined):
                found.setdefault(message, []).append((node, key, expected, meant))
    if not found:
        return
    first_node, key, expected, _ = next(iter(found.values()))[0]
    lines = [message + (f" ({len(items)} nodes)" if len(items) > 1 else "") for message, items in found.items()]
    keys = list(dict.fromkeys(item[1] for items in found.values() for item in items))
    meant = any(item[3] for items in found.values() for item in items)
    count = f"{len(keys)} propert{'y is' if len(keys) == 1 else 'ies are'}"
    yield Violation(lines[0] if len(lines) == 1 else f"{count} not schema.org's for their nodes: " + "; ".join(lines),
                    first_node.location.child(key),
                    value=keys[0] if len(keys) == 1 else keys, expected=expected, view=view,
                    case=None if meant else MILD,
                    fix="Spell the property as schema.org does, or move it to the node it describes; consumers drop "
                        "properties they do not know.")


@lru_cache(maxsize=4096)  # a pure function of names: the same few node shapes on every page are judged once
def _problems(shown: tuple[str, ...], types: tuple[str, ...], keys: tuple[str, ...],
              defined: frozenset[str]) -> tuple[tuple[str, str, str, bool], ...]:
    """(key, message, expected, a value was meant: misspelt or on the wrong type) for each key of a node of these
    types that schema.org does not allow."""
    vocab = vocabulary()
    found = []
    for key in keys:
        if key.startswith("@") or key in defined or key in KEYWORD_ALIASES:
            continue
        name = property_name(key, vocab)
        if name is None:
            continue
        if name not in vocab.properties:
            guess = vocab.suggest(name, "property")
            hint = f' (did you mean "{guess}"?)' if guess else ""
            message = f'"{key}" on {"/".join(shown)} is not a schema.org property{hint}'
            expected = guess or "a schema.org property"
            meant = guess is not None
        elif not vocab.allows(name, types):
            domains = sorted(vocab.properties[name])
            listed = ", ".join(domains[:4]) + (", …" if len(domains) > 4 else "")
            message = f'"{key}" is not a property of {"/".join(shown)} (schema.org defines it on {listed})'
            expected = f"a property of {'/'.join(types)}"
            meant = True
        else:
            continue
        found.append((key, message, expected, meant))
    return tuple(found)
