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

from collections import Counter

from seoaudit import urls
from seoaudit.model import Violation

ID = "canonical/form-drift"
SEVERITY = "warning"

# state: site → point of form → variant → [(document key, canonical, location, view)]
ASPECTS = ("scheme", "www", "trailing slash")


def signature(page, options):
    view, key = page.primary, page.cross_document_key
    field = view.canonical if view is not None and key is not None else None
    url = urls.parse(field.value) if field is not None else None
    if url is None:
        return None
    site = url.host.removeprefix("www.")
    entry = [(key, field.value, field.location, view.name)]
    forms = {"scheme": url.scheme, "www": "www." if url.host.startswith("www.") else "no www."}
    last = (url.path or "/").rsplit("/", 1)[-1]
    if url.path not in ("", "/") and "." not in last:
        forms["trailing slash"] = "no trailing slash" if last else "a trailing slash"
    return {site: {aspect: {variant: entry} for aspect, variant in forms.items()}}


def merge(a, b):
    merged = {site: {aspect: {v: list(e) for v, e in variants.items()} for aspect, variants in by_aspect.items()}
              for site, by_aspect in a.items()}
    for site, by_aspect in b.items():
        for aspect, variants in by_aspect.items():
            for variant, entries in variants.items():
                merged.setdefault(site, {}).setdefault(aspect, {}).setdefault(variant, []).extend(entries)
    return merged


def check_batch(state, options):
    for site in sorted(state):
        for aspect in ASPECTS:
            variants = state[site].get(aspect, {})
            if len(variants) < 2:
                continue
            counts = Counter({variant: len({doc for doc, *_ in entries}) for variant, entries in variants.items()})
            usual, usual_count = max(sorted(counts.items()), key=lambda item: item[1])
            total = sum(counts.values())
            usual_docs = {doc for doc, *_ in variants[usual]}
            for variant, entries in sorted(variants.items()):
                if variant == usual:
                    continue
                # a post read twice (same key) is one document: its first reading speaks, and two readings of one
                # post that disagree are no drift across the site
                first = {doc: entry for doc, *entry in reversed(entries) if doc not in usual_docs}
                for doc in sorted(first):
                    canonical, location, view = first[doc]
                    yield doc, Violation(
                        f"canonical {canonical!r} uses {variant} on {site}, while {usual_count} of {total} "
                        f"canonicals of this run use {usual}", location, value=canonical,
                        expected=f"{aspect}: {usual}", view=view,
                        fix=f"Use one URL form site-wide ({usual}); set it in WordPress Settings → General "
                            "and the permalink structure, then redirect the other form.")
