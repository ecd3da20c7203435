"""An `application/ld+json` block is not valid JSON.

**What it checks.** Every `<script type="application/ld+json">` in every HTML head the document has
(the page itself, or the `yoast_head` / `aioseo_head` string of a WordPress post) parses as JSON. Each
block is reported on its own, with the line and column of the JSON error, so one broken block never
hides another, and the valid blocks of the page are still checked by the other schema rules; blocks that
fail for one named cause (every block of a template wrapped in `<![CDATA[ … ]]>`) are one finding that
lists them.

**Why it matters.** A consumer that cannot parse a block drops all of it: Google ignores the whole
script, so every node in it (Article, BreadcrumbList, Organization…) is lost for rich results, and
the references other blocks make to its nodes dangle. The usual causes are a trailing comma, a
missing comma between properties, an unescaped `"` or a raw line break inside a string, and template
code that printed nothing where a value was expected.

**Severity.** error: JSON-LD that does not parse is dropped whole, with every rich result it carried. warning
for an empty block: nothing was in it to lose.

**Options.** None.

**Source.** Lighthouse structured-data `json-linter.js`; Screaming Frog "Structured Data: Parse
Error" (Issue/High); squirrelscan `schema/json-ld-valid`; peer-checks.md §7 row 63 (`jsonld/parse`).

**Fails:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",}</script>
</head></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article"}</script>
</head></html>
```
"""

from seoaudit.model import MILD, Violation

from ._shared import block_text

ID = "schema/jsonld-invalid"
SEVERITY = "error"
SEVERITY_MILD = "warning"
REQUIRES = ("graph",)  # check() finds nothing without it: the engine skips it (registry.py)


def check(page, options):
    for view in page.head_views:
        by_cause: dict = {}  # a named cause → its blocks; each unexplained error is its own cause
        for block in view.jsonld:
            if block.error is not None:
                hint = likely_cause(block_text(view, block))
                by_cause.setdefault(hint or id(block), []).append((block, hint))
        for blocks in by_cause.values():
            block, hint = blocks[0]
            where = block.error_location or block.location
            error = block.error.replace(" at at line", " at line")  # json says "Invalid control character at"
            more = f"; {len(blocks) - 1} more block{'s' if len(blocks) > 2 else ''} like it at " + ", ".join(
                b.location.describe() for b, _ in blocks[1:]) if len(blocks) > 1 else ""
            yield Violation(f"JSON-LD block in {view.name} is not valid JSON: {error}{hint}{more}", where,
                            value=block.error, expected="a JSON object or array", view=view.name,
                            case=MILD if hint == EMPTY else None,
                            fix="Fix the JSON syntax (trailing or missing comma, unescaped quote, raw line break "
                                "in a string); consumers drop the whole block until it parses.")


EMPTY = " (the block is empty)"


def likely_cause(text: str | None) -> str:
    """The usual culprits, named, so the message says more than the parser's first complaint."""
    if text is None:
        return ""
    if not text.strip():
        return EMPTY
    if "<![CDATA[" in text:
        return " (the JSON is wrapped in <![CDATA[ … ]]>, which is not JSON)"
    if "<!--" in text:
        return " (the block holds an HTML comment)"
    if text.rstrip().endswith(";"):
        return " (the block ends with a JavaScript semicolon)"
    return ""
