r"""The file cannot be read: missing, a directory with nothing to audit, binary, or not UTF-8.

**What it checks.** seoaudit reads JSON (WordPress REST objects, collections, Yoast `get_head`
responses) and HTML. A path that does not exist, a binary file, or JSON that is not UTF-8 cannot be audited at all.

**Why it matters.** A batch that silently skips a file would pass a CI gate it should have failed.
The CLI prints one line naming the file and the cause, exits 2, and still audits every other document.

**Severity.** error: the file cannot be audited at all (exit 2).

**Options.** None.

**Source.** Files are read as given; JSON must be UTF-8 (RFC 8259 §8.1) or carry a UTF-16 byte-order mark.

**Fails:**

```text
\x00\x01 binary bytes
```

**Passes:**

```html
<html><head><title>Readable</title></head></html>
```
"""

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode

ID = "input/unreadable"
SEVERITY = "error"
FIX = "Point seoaudit at the JSON or HTML file itself, saved as UTF-8."

check = reports_problem(InputCode.UNREADABLE, fix=FIX)
