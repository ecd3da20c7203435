"""The file is a WordPress REST error response, not a post.

**What it checks.** A JSON object of the shape `{code, message, data: {status}}`: what WordPress answers instead of a
post when the request fails (401 `rest_forbidden` for a draft without credentials, 404
`rest_post_invalid_id`, 400 `rest_post_invalid_page_number` past the last page). Likewise each entry of a
GraphQL answer's `errors` (`Cannot query field "seo"` when no SEO extension of WPGraphQL is active; a
partial answer's other nodes are still audited) and a plugin route's `{"success": false}`.

**Why it matters.** The request that should have produced a post failed; auditing nothing must not look like a pass.

**Severity.** error: the file holds no post to audit (exit 2).

**Options.** None.

**Source.** WordPress REST API handbook, error responses (`WP_Error` → `{code, message, data}`); GraphQL spec
§7.1.2 (errors).

**Fails:**

```json
{"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that.", "data": {"status": 401}}
```

**Passes:**

```json
{"link": "https://example.com/a/", "title": {"rendered": "A"}, "status": "publish"}
```
"""

from seoaudit.checks.input_problem import reports_problem
from seoaudit.model import InputCode

ID = "input/rest-error"
SEVERITY = "error"
FIX = "Fix the request (credentials, post id, page number, the GraphQL query's fields) and save what it returns."

check = reports_problem(InputCode.REST_ERROR, fix=FIX)
