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

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode

ID = "input/invalid-json"
SEVERITY = "error"
FIX = "Fix the JSON at the reported line and column, or fetch the response again."

check = reports_problem(InputCode.INVALID_JSON, fix=FIX)
