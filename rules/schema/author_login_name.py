"""The author is shown under a login name (`admin`, or the user's login slug).

**What it checks.** Every place the page shows an author's name: the schema Person nodes and the
article's `author`, Yoast's `author` and `twitter_misc` "Written by", `<meta name="author">`, X's
`twitter:label1`/`twitter:data1` "Written by", and `_embedded.author[].name`. A name is a login when it
is one of the `logins` (case-insensitive: `admin`, `administrator`, `root`…) or when it is exactly the
author's slug: the `slug` of `_embedded.author`, or the `<slug>` of an author archive URL
`…/author/<slug>/` (a Person's `url`). WordPress derives the slug from the login and shows the login as
the display name until the user picks another, so a display name equal to the slug is the login. One
finding per name, at its first place in the schema, listing every other place it appears.

**Why it matters.** The byline is what Google shows as the author and what E-E-A-T signals attach to:
"admin" is no one. It also publishes half of the administrator's credentials: the login is what
brute-force attacks on `wp-login.php` need, and security scanners collect it from exactly these fields.

**Severity.** warning: a real byline defect (and a small security leak), but the article is indexed and its
rich result shown; WordPress exposes author slugs in its own URLs anyway.

**Options.** `logins` (`["admin", "administrator", "root", "wpadmin", "wp-admin", "webmaster"]`).

**Source.** Google Search Central, "Article structured data" (author.name: the author's name only);
Yoast schema spec (a Person named "admin" is invalid); Yoast#12703, Yoast#16268 ("Written by" shows the
username); The SEO Framework#744 ("leaked admin login"); wpscan#1529; wordpress-ecosystem.md §5 check
23; peer-checks.md §7 row 88 (`article/author-name-clean`, "not admin").

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"author": "admin", "twitter_misc": {"Written by": "admin"},
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "admin",
    "url": "https://example.com/author/admin/"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"author": "Ada Lovelace", "twitter_misc": {"Written by": "Ada Lovelace"},
  "schema": {"@context": "https://schema.org", "@graph": [
   {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Ada Lovelace",
    "url": "https://example.com/author/ada/"}]}}}
```
"""

from seoaudit.model import Violation
from seoaudit.options import Option

from ._types import login_slugs, shown_authors

ID = "schema/author-login-name"
SEVERITY = "warning"
OPTIONS = {"logins": Option(list[str], ["admin", "administrator", "root", "wpadmin", "wp-admin", "webmaster"],
                         "Login names that must not be shown as an author's name (case aside).")}


def check(page, options):
    logins = {name.lower() for name in options["logins"]}
    shown = shown_authors(page)
    if not shown:
        return
    slugs = login_slugs(page)
    places: dict[str, list] = {}
    for item in shown:
        places.setdefault(item.name.strip(), []).append(item)
    for name, items in places.items():
        if name.lower() in logins:
            why = "a default administrator login"
        elif name in slugs:
            why = f"equals {slugs[name]}"
        else:
            continue
        first = items[0]
        others = list(dict.fromkeys(i.where for i in items[1:] if i.where != first.where))
        also = f"; also in {', '.join(others)}" if others else ""
        yield Violation(f'author shown as the login name "{name}" ({why}) in {first.where}{also}', first.location,
                        value=name, expected="the author's public name (First Last)", view=first.view,
                        fix="Set the user's first and last name and choose it under Users → Profile → 'Display "
                            "name publicly as'; Yoast then uses it in the schema, meta author and 'Written by'.")
