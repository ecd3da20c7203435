"""A node has a property that schema.org does not define, or does not define for its type.

**What it checks.** Every property of every typed node of the page's graph (nested nodes too), for
nodes whose context is schema.org and whose types are all schema.org types, is a schema.org property
whose `domainIncludes` holds one of the node's types or one of their ancestors (so `headline` fits a
BlogPosting because it fits every CreativeWork; a property of a subtype does not fit its parent). A
node with several types (`["Organization", "Brand"]`) may use the properties of any of them.
Accepted as they are: `@`-keywords and their aliases in schema.org's context (`id`, `type`), terms the
block's own `@context` defines, terms of other vocabularies (`dc:title`, full IRIs) and schema.org's
action annotations (`query-input`, `<property>-output`).

**Why it matters.** Consumers drop what they do not understand: a misspelt `datepublished` or an
`author` placed on the WebSite is as good as absent, and Google's Rich Results Test reports it. A
property that exists but belongs to another type (`headline` on a Person) is usually a value put on
the wrong node of a graph.

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

from seoaudit.model import Violation

from ._shared import schema_graph
from ._types import judged_nodes, node_types, schema_term, vocabulary

ID = "schema/unknown-property"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)
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


def check(page, options):
    graph, view = schema_graph(page)
    if graph is None:
        return
    for node, defined in judged_nodes(graph):
        types = node_types(node)
        if types is None:
            continue
        for key, message, expected in _problems(node.types, types, tuple(node.data), defined):
            yield Violation(message, node.location.child(key), value=key, expected=expected, view=view,
                            fix="Spell the property as schema.org does, or move it to the node it describes; "
                                "consumers drop properties they do not know.")


@lru_cache(maxsize=4096)  # a pure function of names: the same few node shapes on every page are judged once
def _problems(shown: tuple[str, ...], types: tuple[str, ...], keys: tuple[str, ...],
              defined: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    """(key, message, expected) for each key of a node of these types that schema.org does not allow."""
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
        elif not vocab.allows(name, types):
            domains = sorted(vocab.properties[name])
            listed = ", ".join(domains[:4]) + (", …" if len(domains) > 4 else "")
            message = f'"{key}" is not a property of {"/".join(shown)} (schema.org defines it on {listed})'
            expected = f"a property of {'/'.join(types)}"
        else:
            continue
        found.append((key, message, expected))
    return tuple(found)
