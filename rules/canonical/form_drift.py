"""The canonicals of one site disagree on scheme, `www.` or trailing slash across the run.

**What it checks.** Across every document of the run, the canonical URLs on the same site (the host
without `www.`) are compared on three points of form: the scheme (`http` or `https`), the `www.`
prefix, and whether paths end in a slash (paths that name a file, such as `.html`, are left out). A
document whose canonical uses the minority form on any point gets a finding that says how the rest of
the run writes it.

**Why it matters.** A site should have one URL form. Mixed forms in canonicals mean some pages point
search engines at a redirecting or duplicate variant, and internal links and signals split between
`http`/`https`, `www`/bare and slash/no-slash versions of the same page.

**Severity.** warning: mixed URL forms split signals between variants; each page still has a canonical.

**Options.** None.

**Source.** squirrelscan `core/canonical-form-drift`; Google Search Central, "Consolidate duplicate
URLs" (pick one form and use it consistently). peer-checks.md rows 25–26.

**Fails:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"canonical": "https://example.com/a/"}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"canonical": "https://example.com/b/"}},
 {"link": "https://example.com/c/", "title": {"rendered": "C"},
  "yoast_head_json": {"canonical": "https://example.com/c"}}]
```

**Passes:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"canonical": "https://example.com/a/"}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"canonical": "https://example.com/b/"}}]
```
"""

from seoaudit import urls
from seoaudit.batch import Occurrence, by_name, first_readings
from seoaudit.model import Violation

ID = "canonical/form-drift"
SEVERITY = "warning"

# Grouped by site (the host without `www.`); `extra` holds the canonical's variant on each point of form, in
# this order (None: the point does not apply, as the slash of a path that names a file).
ASPECTS = ("scheme", "www", "trailing slash")


def signature(page, options):
    view, key = page.primary, page.cross_document_key
    field = view.canonical if view is not None and key is not None else None
    url = urls.parse(field.value) if field is not None else None
    if url is None:
        return None
    last = (url.path or "/").rsplit("/", 1)[-1]
    slash = None
    if url.path not in ("", "/") and "." not in last:
        slash = "no trailing slash" if last else "a trailing slash"
    forms = (url.scheme, "www." if url.host.startswith("www.") else "no www.", slash)
    return {url.host.removeprefix("www."): Occurrence(field.value, field.location, view.name, forms)}


def check_group(site, members, options):
    for index, aspect in enumerate(ASPECTS):
        variants: dict[str, list] = {}
        for member in members:
            if member.extra[index] is not None:
                variants.setdefault(member.extra[index], []).append(member)
        if len(variants) < 2:
            continue
        counts = {variant: len({m.cross_key for m in found}) for variant, found in variants.items()}
        usual, usual_count = max(sorted(counts.items()), key=lambda item: item[1])
        total = sum(counts.values())
        usual_pages = {m.cross_key for m in variants[usual]}
        for variant, found in sorted(variants.items()):
            if variant == usual:
                continue
            # a post read twice is one page: its first reading speaks, and two readings of one post that
            # disagree are no drift across the site
            for member in by_name(first_readings(m for m in found if m.cross_key not in usual_pages)):
                yield member.key, Violation(
                    f"canonical {member.value!r} uses {variant} on {site}, while {usual_count} of {total} "
                    f"canonicals of this run use {usual}", member.location, value=member.value,
                    expected=f"{aspect}: {usual}", view=member.view,
                    fix=f"Use one URL form site-wide ({usual}); set it in WordPress Settings → General "
                        "and the permalink structure, then redirect the other form.")
