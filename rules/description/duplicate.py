"""Several documents of one run share the same meta description.

**What it checks.** The meta description of every document of the run (the primary producer's
`<meta name="description">` or `yoast_head_json.description`), compared case-insensitively with
collapsed whitespace. Each document whose description another document also uses gets a finding.

**Why it matters.** A description shared by many pages tells searchers nothing about each one, and
Google tends to replace it with a snippet of its own choosing. On WordPress it usually comes from a
site-wide default description template.

**Severity.** warning: Google tends to replace a shared description with its own snippet; the pages still
rank.

**Options.** None.

**Source.** Screaming Frog "Meta Description: Duplicate"; Google Search Central, "Control your snippets"
(create unique descriptions for each page). peer-checks.md row 15.

**Fails:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"description": "Welcome to our site."}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"description": "Welcome to our site."}}]
```

**Passes:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"},
  "yoast_head_json": {"description": "How we design sites."}},
 {"link": "https://example.com/b/", "title": {"rendered": "B"},
  "yoast_head_json": {"description": "What hosting costs."}}]
```
"""

from seoaudit.checks.head_text import duplicate

ID = "description/duplicate"
SEVERITY = "warning"

signature, check_group = duplicate(lambda view: view.description, "meta description",
                                   fix="Write a description that summarises this page alone.")
