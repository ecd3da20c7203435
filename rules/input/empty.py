"""The file is empty, or the collection holds no posts.

**What it checks.** An empty file, a file of whitespace, or a REST collection that is an empty array `[]`.

**Why it matters.** An empty export usually means the fetch or the build step that produced it failed; a gate that
passed on it would hide that failure.

**Severity.** error: there is nothing to audit, so the gate cannot vouch for the input (exit 2).

**Options.** None.

**Source.** —

**Fails:**

```json
[]
```

**Passes:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"}}]
```
"""

from seoaudit.model import Violation

ID = "input/empty"
SEVERITY = "error"
FIX = "Check the step that produced the file (a REST call past the last page answers `[]`)."


def check(page, options):
    problem = page.document.problem
    if problem is not None and problem.code == "empty":
        yield Violation(f"{page.document.display_source}: {problem.message}", problem.location, fix=FIX)
