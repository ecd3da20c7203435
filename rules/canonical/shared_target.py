"""Several distinct pages of this run declare the same canonical, which is none of them.

**What it checks.** Across the documents of a run, the published, indexable pages whose canonical names
another URL than their own (their WordPress `link`, else `og:url`, or the URL they were served at; scheme, `www.`,
a trailing slash aside), grouped by that canonical. When two or more distinct pages (one post read twice, in a
collection and its own file, is one page) declare the same one, each gets a finding that names the others: the
first few and a count. The page at that URL, canonical to itself, is never reported.

**Why it matters.** Every page of the group asks to be dropped from search in favour of one URL. That is right
for the variants of one page, but distinct posts rarely are: the usual cause is a custom canonical copied along
with a duplicated post (Yoast Duplicate Post copies the SEO fields), a theme or plugin that writes one URL into
every canonical, or posts merged long ago whose content has since diverged. Each such post is out of the index.

**Severity.** warning: each page is dropped from search in favour of the shared canonical; right for variants of
one page, a mistake for distinct posts, and the rule cannot tell which.

**Options.** None.

**Source.** Screaming Frog "Canonicals: Canonicalised" (pages that name another URL), grouped by target;
Google Search Central, "Consolidate duplicate URLs" (a canonical is for duplicates of one page).

**Fails** (one run of these files):

`content/post-a.json`:

```json
{"link": "https://example.com/post-a/", "status": "publish", "title": {"rendered": "Post A"},
 "yoast_head_json": {"title": "Post A", "canonical": "https://partner.example.org/original/"}}
```

`content/post-b.json`:

```json
{"link": "https://example.com/post-b/", "status": "publish", "title": {"rendered": "Post B"},
 "yoast_head_json": {"title": "Post B", "canonical": "https://partner.example.org/original/"}}
```

**Passes** (one run of these files):

`content/post-a.json`:

```json
{"link": "https://example.com/post-a/", "status": "publish", "title": {"rendered": "Post A"},
 "yoast_head_json": {"title": "Post A", "canonical": "https://partner.example.org/original/"}}
```

`content/post-b.json`:

```json
{"link": "https://example.com/post-b/", "status": "publish", "title": {"rendered": "Post B"},
 "yoast_head_json": {"title": "Post B", "canonical": "https://example.com/post-b/"}}
```
"""

from seoaudit.batch import names
from seoaudit.derive.canonical_graph import graph_members, pointers
from seoaudit.model import Violation

ID = "canonical/shared-target"
SEVERITY = "warning"


def signature(page, options):
    return graph_members(page)


def check_group(url, members, options):
    pages = pointers(members)
    if len(pages) < 2:
        return
    others = len(pages) - 1
    for page in pages:
        yield page.key, Violation(
            f"the canonical {page.value} is also declared by {others} other page{'s' if others > 1 else ''} of "
            f"this run: {names(pages, but=page)}", page.location, value=page.value,
            expected="a canonical shared only by variants of one page", view=page.view,
            fix="Give each distinct post its own canonical (clear a custom canonical copied from another post); "
                "keep a shared canonical only for true duplicates of that page.")
