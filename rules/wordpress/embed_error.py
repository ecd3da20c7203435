"""An embedded resource of a WordPress object is an error instead of the resource.

**What it checks.** Every item of `_embedded` (`author`, `wp:featuredmedia`, `wp:term`, `replies`, …)
is the resource, not a REST error object `{code, message, data: {status}}`. The rules that compare
`_embedded` with the metadata skip error items; this rule says why they did.

**Why it matters.** WordPress embeds a relation it cannot read as an error: the users endpoint
disabled by a security plugin (`rest_user_invalid_id`, `rest_forbidden`), a featured image that is
private or deleted (`rest_post_invalid_id`). A headless front end that reads the author's name or the
featured image from `_embedded` then renders nothing, and the post's own metadata cannot be checked
against them.

**Severity.** info: the REST response is missing a related resource; other checks may lack data.

**Options.** None.

**Source.** wordpress-ecosystem.md §1 (`?_embed`: "A relation that fails is embedded as an error
object `{code,message,data{status}}`") and §5 check 15.

**Fails:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "author": 2,
 "title": {"rendered": "Post"},
 "_embedded": {"author": [{"code": "rest_user_invalid_id", "message": "Invalid user ID.",
                           "data": {"status": 404}}]}}
```

**Passes:**

```json
{"id": 9, "link": "https://example.com/post/", "status": "publish", "type": "post", "author": 2,
 "title": {"rendered": "Post"},
 "_embedded": {"author": [{"id": 2, "name": "Ann Smith", "link": "https://example.com/author/ann/"}]}}
```
"""

from seoaudit.model import Violation

from ._shared import is_error

ID = "wordpress/embed-error"
SEVERITY = "info"
REQUIRES = ("post",)  # passed in (registry.py)


def check(page, options, post):
    if not post.embedded:
        return
    for relation, items in post.embedded.items():
        groups = items if isinstance(items, list) else []
        for index, item in enumerate(groups):
            # wp:term is a list of lists (one per taxonomy)
            members = [(item, (index,))] if isinstance(item, dict) else [
                (sub, (index, j)) for j, sub in enumerate(item) if isinstance(sub, dict)] if isinstance(
                item, list) else []
            for member, tokens in members:
                if not is_error(member):
                    continue
                data = member.get("data") if isinstance(member.get("data"), dict) else {}
                status = f" (HTTP {data['status']})" if "status" in data else ""
                yield Violation(f"embedded {relation} is an error: {member['code']}{status}: "
                                f"{' '.join(str(member.get('message')).split())}",
                                post.location.child("_embedded", relation, *tokens), value=member["code"],
                                expected=f"the {relation} resource",
                                fix="Make the resource readable to the requester (a security plugin may block "
                                    "/wp/v2/users; a private or deleted attachment cannot be embedded).")
