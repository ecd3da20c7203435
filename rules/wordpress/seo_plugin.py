"""Which SEO plugin produced the metadata (information).

**What it checks.** Reports the SEO plugins whose output the document holds, with the version when the
output prints it: Yoast SEO (`yoast_head_json`, `yoast_head`, the `get_head` response, or the
"optimized with the Yoast SEO plugin" comment and `yoast-schema-graph` script of a page), Rank Math
(its comment and `rank-math-schema` script), All in One SEO (`aioseo_head_json`, `aioseo_head`, its
comment or `aioseo-schema` script), The SEO Framework and SEOPress (their comments), and the schema
plugins that mark their scripts; for the inputs of headless front ends, the plugin the input names (a
WPGraphQL `seo` field of wp-graphql-yoast-seo or wp-graphql-rank-math, Rank Math's getHead, SEOPress's
REST answer). A WordPress object with no plugin output is
`wordpress/no-seo-output`'s; a page with no recognisable plugin output is not reported.

**Why it matters.** Every finding reads differently depending on who wrote the tag: a missing
`twitter:description` is by design in Yoast, `og:image:secure_url` is empty in AIOSEO behind a proxy,
Rank Math has no REST field at all. Knowing the producer (and its version) tells where to fix a
finding, and two producers on one page usually explain duplicated tags (see
`wordpress/competing-graphs`).

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 32 (`plugin-detect-normalise`) and §2–3 (Yoast, Rank Math,
AIOSEO output shapes).

**Fails:**

```html
<html><head><title>Post</title>
<!-- Search Engine Optimization by Rank Math - https://rankmath.com/ -->
<link rel="canonical" href="https://example.com/post/">
<script type="application/ld+json" class="rank-math-schema">{"@context": "https://schema.org",
 "@graph": [{"@type": "WebPage", "@id": "https://example.com/post/#webpage"}]}</script>
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/"></head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import producers

ID = "wordpress/seo-plugin"
SEVERITY = "info"


def check(page, options):
    found = producers(page)
    if not found:
        return
    names = [f"{p.name} {p.version}" if p.version else p.name for p in found]
    evidence = "; ".join(f"{p.name}: {p.evidence}" for p in found)
    first = found[0]
    yield Violation(f"metadata produced by {' and '.join(names)} ({evidence})", first.location,
                    value=names,
                    fix="Nothing to fix: read the other findings knowing which plugin wrote each tag.")
