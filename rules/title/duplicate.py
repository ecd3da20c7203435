"""Several documents of one run share the same title.

**What it checks.** The title of every document of the run (the primary producer's `<title>` or
`yoast_head_json.title`), compared case-insensitively with collapsed whitespace. Each document whose
title another document also uses gets a finding that names the others.

**Why it matters.** Google rewrites or ignores titles that are "repeated or boilerplate" across a site,
and two pages with one title compete for the same query. On WordPress the usual causes are a title
template without `%%title%%`, paginated archives, and copies of a post left as drafts.

**Severity.** warning: Google may rewrite or ignore repeated titles, and the pages compete; both stay indexed.

**Options.** None.

**Source.** Screaming Frog "Page Titles: Duplicate"; Google Search Central, "Influencing title links"
(avoid repeated or boilerplate text). peer-checks.md row 6.

**Fails:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"title": "Our services - Example"}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"title": "Our Services - Example"}}]
```

**Passes:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"title": "Web design - Example"}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"title": "Hosting - Example"}}]
```
"""

from seoaudit.checks.head_text import duplicate

ID = "title/duplicate"
SEVERITY = "warning"

signature, check_group = duplicate(lambda view: view.title, "title",
                                   fix="Give each page a title that says what is unique about it.")
