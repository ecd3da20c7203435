"""A sitemap file that is not well-formed XML, or whose root is neither `<urlset>` nor `<sitemapindex>`.

**What it checks.** A file read as a sitemap (an `.xml` file whose root is `<urlset>` or `<sitemapindex>`, or any
`.xml` file whose name holds `sitemap`) parses as XML (no DTD, no entities, no network) and has one of the two
roots the sitemap protocol defines.

**Why it matters.** A search engine rejects a sitemap it cannot parse as a whole: none of its URLs is read. A
sitemap generator that prints a PHP warning before `<?xml`, an unescaped `&` in a URL, or a page template served
as `sitemap.xml` all do this, and nothing on the site looks broken.

**Severity.** error: a sitemap that does not parse is dropped whole by search engines, so none of the URLs it lists
reach them through it.

**Options.** None.

**Source.** sitemaps.org protocol ("The Sitemap must be UTF-8 encoded", XML escaping of URLs); Google Search
Central, "Build and submit a sitemap" (sitemap errors in Search Console: "Sitemap could not be read").

**Fails:**

```xml
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/?s=a&b</loc></url>
</urlset>
```

**Passes:**

```xml
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.com/?s=a&amp;b</loc></url>
</urlset>
```
"""

import re

from seoaudit.model import Location, Violation

ID = "sitemap/malformed"
SEVERITY = "error"
REQUIRES = ("sitemap",)  # passed in (registry.py)
_LINE = re.compile(r"line (\d+)")


def check(page, options, sitemap):
    if sitemap.error is None:
        return
    line = _LINE.search(sitemap.error)
    yield Violation(f"{page.document.source}: {sitemap.error}", Location(line=int(line.group(1)) if line else None),
                    expected="a well-formed <urlset> or <sitemapindex> document",
                    fix="Fix the sitemap generator: escape & as &amp; in URLs, print nothing before <?xml, and serve "
                        "the sitemap itself rather than a page under its name.")
