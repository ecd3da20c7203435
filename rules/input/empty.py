"""The file is empty, or holds only whitespace.

**What it checks.** A file of zero bytes or of whitespace only (after gzip decompression). A file holding an empty
REST collection `[]` is not a finding: `/wp/v2/posts?status=draft` legitimately answers `[]`, so it is zero
documents and a note on stderr. (Live mode still reports a REST URL that answers `[]`.)

**Why it matters.** An empty export usually means the fetch or the build step that produced it failed; a gate that
passed on it would hide that failure.

**Severity.** error: there is nothing to audit, so the gate cannot vouch for the input (exit 2).

**Options.** None.

**Source.** —

**Fails:**

```text
\x20\x20\x0a
```

**Passes:**

```json
[{"link": "https://example.com/a/", "title": {"rendered": "A"}}]
```
"""

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode

ID = "input/empty"
SEVERITY = "error"
FIX = "Check the step that produced the file (a fetch that failed, or a redirect to nothing)."

check = reports_problem(InputCode.EMPTY, fix=FIX)
