"""The file is not valid JSON; the message gives the line and column of the error.

**What it checks.** A `.json` file, or a file that starts like JSON (`{` or `[`), that the JSON parser rejects.

**Why it matters.** A truncated download or a PHP warning printed before the JSON makes a REST export unreadable.

**Severity.** error: the file cannot be audited at all (exit 2).

**Options.** None.

**Source.** RFC 8259.

**Fails:**

```json
{"link": "https://example.com/a/", "title": {"rendered": "A"},
```

**Passes:**

```json
{"link": "https://example.com/a/", "title": {"rendered": "A"}}
```
"""

from seoaudit.model import InputCode, Violation

ID = "input/invalid-json"
SEVERITY = "error"
FIX = "Fix the JSON at the reported line and column, or fetch the response again."


def check(page, options):
    problem = page.document.problem
    if problem is not None and problem.code == InputCode.INVALID_JSON:
        yield Violation(f"{page.document.display_source}: {problem.message}", problem.location, fix=FIX)
