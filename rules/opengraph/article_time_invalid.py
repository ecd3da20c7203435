"""article:published_time or article:modified_time is not an ISO 8601 date.

**What it checks.** The primary producer's `article:published_time` and `article:modified_time`, when
present and not empty, read as ISO 8601 dates or date-times (`2024-09-10`, `2024-09-10T09:59:25+00:00`).
Human dates (`September 10, 2024`), Unix timestamps and impossible dates fail. Drafts and scheduled
posts are not checked: Yoast prints `-0001-11-30T00:00:00+00:00` for a draft that has no publish date
yet, and the date is set on publish.

**Why it matters.** Consumers drop a date they cannot parse: the share shows no date, and tools that
order or filter articles by it (news aggregators, Pinterest rich pins) skip the page.

**Severity.** warning: consumers drop a date they cannot read; the page still shares.

**Options.** None.

**Source.** ogp.me (`article:published_time` and `article:modified_time` are `datetime`, "ISO 8601");
peer-checks catalogue `og/article-times`.

**Fails:**

```html
<html><head><title>Post</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="September 10, 2024">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-09-10T09:59:25+00:00">
</head><body></body></html>
```
"""

from datetime import datetime

from seoaudit.derive.og import OG_TIMES, prop
from seoaudit.model import Violation

ID = "opengraph/article-time-invalid"
SEVERITY = "warning"


def check(page, options):
    view = page.primary
    if view is None or page.is_placeholder:
        return
    for og_key, _, _ in OG_TIMES:
        field = prop(view, og_key)
        if field is None:
            continue
        try:
            datetime.fromisoformat(field.value)
        except ValueError:
            yield Violation(f"{og_key} {field.value!r} is not an ISO 8601 date in {view.name}", field.location,
                            value=field.value, expected="an ISO 8601 date-time, e.g. 2024-09-10T09:59:25+00:00",
                            view=view.name, fix="Print the date in ISO 8601 with its offset (PHP: date('c'), "
                                                "WordPress: get_the_date('c')).")
