"""An Article, NewsArticle or BlogPosting lacks a property Google recommends or the peers require.

**What it checks.** Every node of type Article, NewsArticle or BlogPosting (and their subtypes, such as
OpinionNewsArticle or LiveBlogPosting) is validated against `seoaudit/schemas/types/Article.json`: it
has a non-blank `headline`, `datePublished` and `dateModified`, and an `image`, an `author` and a
`publisher` (a reference `{"@id": …}` counts: where it leads is checked by `schema/dangling-reference`,
`schema/author-name-missing` and `schema/publisher-incomplete`). One finding per node lists what is
missing or blank. TechArticle, ScholarlyArticle, Report and the other article types outside Google's
Article documentation are not checked.

**Why it matters.** Google's Article rich results and Top stories read these properties: without a
headline, an image or the dates, Google guesses them from the page or shows the result without them;
without an author the byline and author signals are lost. WordPress plugins drop them silently when the
post has no featured image, the site has no publisher configured, or a template overrides the piece.

**Severity.** warning: Google guesses the missing property from the page or shows the result without it;
Google requires none of them for an Article, so never an error.

**Options.** None.

**Source.** Google Search Central, "Article structured data" (recommended: author, dateModified,
datePublished, headline, image); structured-data-testing-tool Google preset (fails without author,
datePublished, headline, image, publisher; warns without dateModified); Yoast schema spec (Article
requires headline, dates, author, publisher); peer-checks.md §7 rows 77, 78, 83, 87, 90;
wordpress-ecosystem.md §5 check 24.

**Fails:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "datePublished": "2024-05-01T09:00:00+00:00"}]}}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.com/post/", "status": "publish", "type": "post",
 "yoast_head_json": {"canonical": "https://example.com/post/", "schema": {"@context": "https://schema.org",
  "@graph": [{"@type": "Article", "@id": "https://example.com/post/#article", "headline": "Hello",
   "datePublished": "2024-05-01T09:00:00+00:00", "dateModified": "2024-05-02T09:00:00+00:00",
   "image": {"@id": "https://example.com/post/#primaryimage"},
   "author": {"@id": "https://example.com/#/schema/person/1"},
   "publisher": {"@id": "https://example.com/#organization"}}]}}}
```
"""

from seoaudit.derive.schema_types import is_google_article
from seoaudit.model import Violation

from ._shared import node_label
from ._types import articles, missing_and_invalid

ID = "schema/article-missing-property"
SEVERITY = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options, graph):
    view, nodes = page.schema_view.name, articles(graph)
    for node in nodes:
        if not is_google_article(node):
            continue
        missing, invalid = missing_and_invalid("Article", node.data)
        blank = list(dict.fromkeys(path.split("/")[0] for path, _ in invalid))
        if not missing and not blank:
            continue
        parts = []
        if missing:
            parts.append("no " + ", ".join(missing))
        if blank:
            parts.append("empty " + ", ".join(blank))
        where = node.location.child(blank[0]) if blank and not missing else node.location
        yield Violation(f"{node_label(node)} has {' and '.join(parts)}", where, value=missing + blank,
                        expected="headline, image, datePublished, dateModified, author, publisher", view=view,
                        fix="Give the article every property Google reads (in WordPress: a featured image, an "
                            "author, and the site's publisher under Yoast → Settings → Site representation).")
