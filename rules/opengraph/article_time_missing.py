"""An article's Open Graph has no article:published_time, although its schema gives the date.

**What it checks.** When the primary producer says `og:type` `article` and the page's schema has a
top-level Article (any Article type, BlogPosting, NewsArticle…) with a `datePublished`, an
`article:published_time` is present. WordPress pages are not Articles in Yoast's graph (they are only
WebPages), so Yoast's pages, which carry only `article:modified_time`, are not reported. Drafts and
scheduled posts are not checked.

**Why it matters.** Facebook, LinkedIn and news aggregators read the date of a shared article from
`article:published_time`; without it the share carries no date, while Google sees one in the schema.

**Severity.** info: advice; consumers that show a date take it from elsewhere or show none.

**Options.** None.

**Source.** ogp.me (the `article` type: `article:published_time`); peer-checks catalogue
`og/article-times`.

**Fails:**

```html
<html><head><title>Post</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Post", "datePublished": "2024-09-10T09:59:25+00:00"}</script>
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-09-10T09:59:25+00:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting",
 "headline": "Post", "datePublished": "2024-09-10T09:59:25+00:00"}</script>
</head><body></body></html>
```
"""

from seoaudit.derive.dates import schema_dates
from seoaudit.derive.og import prop
from seoaudit.derive.schema_types import ARTICLE
from seoaudit.model import Violation

ID = "opengraph/article-time-missing"
SEVERITY = "info"


def check(page, options):
    view = page.primary
    if view is None or page.is_placeholder or not view.states("article:published_time"):
        return
    og_type = prop(view, "og:type")
    if og_type is None or og_type.value.lower() != "article" or prop(view, "article:published_time") is not None:
        return
    dates = [(label, f) for label, f in schema_dates(page, "datePublished")
             if any(kind in label.split() for kind in ARTICLE)]
    if dates:
        label, field = dates[0]
        yield Violation(f"og:type article has no article:published_time in {view.name}, though {label} is "
                        f"{field.value}", og_type.location, expected=field.value, view=view.name,
                        fix="Output <meta property=\"article:published_time\" content=\"…\"> with the schema's "
                            "datePublished.")
