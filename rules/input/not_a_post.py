"""The JSON is not a WordPress REST object, collection or Yoast get_head response.

**What it checks.** A JSON value that has no `link` (a WordPress REST object always has one), or an item of a collection
that is not an object, or a top-level number, string or `null`.

**Why it matters.** Most often the wrong file was passed (a config, a lock file, a report). Saying so beats reporting a
page with no metadata.

**Severity.** error: the file cannot be audited as a page or a post (exit 2).

**Options.** None.

**Source.** WordPress REST API reference: every post, term and user object carries `link`.

**Fails:**

```json
{"name": "my-theme", "version": "1.0.0"}
```

**Passes:**

```json
{"html": "<title>A</title>", "json": {"title": "A"}, "status": 200}
```
"""

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode

ID = "input/not-a-post"
SEVERITY = "error"
FIX = "Pass a REST response (`/wp-json/wp/v2/posts/ID`), a collection, a get_head response or an HTML page."

check = reports_problem(InputCode.NOT_A_POST, fix=FIX)
