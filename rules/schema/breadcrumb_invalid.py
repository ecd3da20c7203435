"""A BreadcrumbList is not a trail Google can use.

**What it checks.** Every BreadcrumbList of the page's graph, its ListItems followed through `@id`, is
validated against `seoaudit/schemas/types/BreadcrumbList.json` and then in order:

- at least two ListItems;
- every ListItem has a `position`, a positive integer, and the positions run 1, 2, … n with no gap or
  repeat (Google orders the trail by position, 1 being its start);
- every ListItem has a `name` (on the item or on the node its `item` holds);
- every ListItem but the last has an `item` (its URL, or a node with an `@id` or `url`).

The last crumb without an `item` is not reported: Google then uses the page's own URL, and Yoast omits
it on purpose (Search Console's "Missing field item" on it is informational, Yoast#17567). One finding
per problem.

**Why it matters.** Google shows the trail instead of the URL in results only when the BreadcrumbList is
valid; a crumb without a URL, a missing name or a broken order makes the whole trail ineligible, and
Search Console reports it as an error.

**Severity.** warning: Google drops a breadcrumb trail it cannot use; the page stays indexed with its URL
instead.

**Options.** None.

**Source.** Google Search Central, "Breadcrumb (BreadcrumbList) structured data" (at least two
ListItems; `item`, `name`, `position` required, `item` optional on the last); Yoast
`src/generators/schema/breadcrumb.php`; Yoast#17567, Yoast#17632; wordpress-ecosystem.md §5 check 22;
peer-checks.md §7 row 92 (`breadcrumb/valid`).

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "BreadcrumbList", "@id": "https://example.com/post/#breadcrumb", "itemListElement": [
   {"@type": "ListItem", "position": 1, "name": "Home"},
   {"@type": "ListItem", "position": 2, "name": "Post"}]}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"schema": {"@context": "https://schema.org", "@graph": [
  {"@type": "BreadcrumbList", "@id": "https://example.com/post/#breadcrumb", "itemListElement": [
   {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://example.com/"},
   {"@type": "ListItem", "position": 2, "name": "Post"}]}]}}}
```
"""

from seoaudit.model import Violation

from ._shared import node_label
from ._types import schema_errors

ID = "schema/breadcrumb-invalid"
SEVERITY = "warning"
REQUIRES = ("graph",)  # passed in (registry.py)
FIX = ("List the trail as ListItems with position 1…n, a name on each and the crumb's URL as `item` on all but the "
       "last (Yoast: every crumb needs a title and a URL, or Yoast drops the list).")


def crumbs(graph, node) -> list[tuple[dict, object]]:
    """(ListItem data, its location), references followed."""
    value = node.get("itemListElement")
    if isinstance(value, dict) and isinstance(value.get("@list"), list):
        value = value["@list"]
    if not isinstance(value, list):
        return []
    found = []
    for index, item in enumerate(value):
        at = node.location.child("itemListElement", index)
        if isinstance(item, dict) and set(item) == {"@id"} and (targets := graph.resolve(item["@id"])):
            item, at = targets[0].data, targets[0].location
        found.append((item, at))
    return found


def position(item) -> int | None:
    raw = item.get("position") if isinstance(item, dict) else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    return int(raw) if isinstance(raw, str) and raw.strip().isdecimal() else None


def has_item(item: dict) -> bool:
    inner = item.get("item")
    if isinstance(inner, str):
        return bool(inner.strip())
    return isinstance(inner, dict) and any(isinstance(inner.get(k), str) and inner[k].strip() for k in ("@id", "url"))


def schema_problems(items):
    """What `BreadcrumbList.json` says is wrong: too few items, a bad position, a crumb without a name,
    an `item` that is neither a URL nor a node."""
    document = {"itemListElement": [item for item, _ in items]}
    for error in schema_errors("BreadcrumbList", document):
        path = list(error.path)
        if path == ["itemListElement"] and error.validator == "minItems":
            yield None, f"has {len(items)} ListItem{'s' if len(items) != 1 else ''}, fewer than 2"
        elif len(path) >= 2 and isinstance(path[1], int):
            item, at = items[path[1]]
            label = f"ListItem {path[1] + 1}"
            if not isinstance(item, dict):
                yield at, f"has a {label} that is not an object"
            elif path[2:] == ["position"] or (error.validator == "required" and "position" in error.validator_value):
                yield at.child("position") if "position" in item else at, \
                    f"has a {label} with position {item.get('position')!r}, not a positive integer"
            elif path[2:] == ["item"]:
                yield at.child("item"), f"has a {label} whose item is neither a URL nor a node with @id or url"
            elif not path[2:] and error.validator == "anyOf":
                yield at, f"has a {label} without a name"


def order_problems(items):
    """What JSON Schema cannot say: positions run 1…n, and every crumb but the last has an `item`."""
    dicts = [(item, at) for item, at in items if isinstance(item, dict)]
    positions = [position(item) for item, _ in dicts]
    numbered = [p for p in positions if p is not None and p >= 1]
    if numbered and sorted(numbered) != list(range(1, len(numbered) + 1)):
        yield None, f"has positions {numbered}, not 1…{len(numbered)}"
    order = sorted(range(len(dicts)), key=lambda i: (positions[i] is None, positions[i] or 0, i))
    for _rank, index in enumerate(order[:-1]):
        item, at = dicts[index]
        if not has_item(item):
            label = f"ListItem {positions[index] if positions[index] is not None else index + 1}"
            yield at, f"has a {label} without an item (its URL), and it is not the last crumb"


def check(page, options, graph):
    view = page.schema_view.name
    for node in graph.of_type("BreadcrumbList"):
        items = crumbs(graph, node)
        found = dict.fromkeys([*schema_problems(items), *order_problems(items)])
        for where, message in found:
            yield Violation(f"{node_label(node)} {message}", where or node.location.child("itemListElement")
                            if "itemListElement" in node.data else node.location, value=len(items),
                            expected="≥ 2 ListItems, positions 1…n, name on each, item on all but the last",
                            view=view, fix=FIX)
