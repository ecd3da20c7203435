"""A twitter:* property is output more than once (twitter:card, twitter:title…).

**What it checks.** In each HTML head (the page, or a plugin's head string), `twitter:card`,
`twitter:title`, `twitter:description`, `twitter:image`, `twitter:image:alt`, `twitter:site` and
`twitter:creator` occur at most once. One finding per head, listing every repeated property and whether its
copies differ.

**Why it matters.** Two producers are writing X card tags (a theme, a sharing plugin and the SEO plugin,
or a headless layout and page: vercel/next.js#22188). X uses the last `twitter:card` ("If more than one
twitter:card value exists in the page, the last one in sequence will take priority"), which may not be
the SEO plugin's.

**Severity.** warning when copies of one property differ (X takes the last, which may not be the SEO
plugin's). info when every copy repeats the same value: harmless duplication.

**Options.** None.

**Source.** X "Cards markup" (one card type per page; the last one wins); wordpress-ecosystem catalogue
check 12 (`single-head-tags`).

**Fails:**

```html
<html><head><title>Post</title>
<meta name="twitter:card" content="summary"><meta name="twitter:card" content="summary_large_image">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="twitter:card" content="summary_large_image"></head></html>
```
"""


from seoaudit.checks.duplicate_tags import duplicate_finding, duplicates

ID = "twitter/duplicate-tag"
SEVERITY = "warning"
SEVERITY_MILD = "info"
SINGLE = ("twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt",
          "twitter:site", "twitter:creator")


def check(page, options):
    for view, repeated in duplicates(page, SINGLE):
        yield duplicate_finding(view, repeated, "Let one producer (the SEO plugin) print the X card tags; remove the "
                                                "theme's or sharing plugin's copy.")
