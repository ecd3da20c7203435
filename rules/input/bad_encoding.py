r"""The bytes of the page disagree with its declared encoding, or are not valid in it.

**What it checks.** How the input had to be decoded. A `<meta charset>` (or `http-equiv` Content-Type)
that names one encoding while the bytes are valid UTF-8 with non-ASCII characters (read as declared, `é`
becomes `Ã©`), or that names an encoding the bytes are invalid in, or that names no known encoding, or that
declares UTF-16 in a page without a byte-order mark; bytes invalid in the encoding used (replaced with
U+FFFD); JSON in UTF-16 or UTF-32 rather than UTF-8; `\uD800`-style escapes of lone surrogates in JSON
(replaced with U+FFFD). seoaudit reads the page the right way and audits it; this says what it repaired.

**Why it matters.** Browsers and crawlers trust the declaration: a UTF-8 page declared `windows-1252`
shows mojibake in the title and description Google and social cards display, and replacement characters
mean text was lost before it was published. JSON other than UTF-8 is outside RFC 8259 and many
consumers refuse it.

**Severity.** warning: the text was read right after repair, but browsers and crawlers that trust the
declaration show mojibake.

**Options.** None.

**Source.** HTML Standard §13.2.3 (determining the character encoding; a `utf-16` declaration without a
BOM means UTF-8); RFC 8259 §8.1 (JSON exchanged between systems must be UTF-8) and §8.2 (lone surrogates).

**Fails:**

```text
<html><head><meta charset="windows-1252"><title>Caf\xc3\xa9 cr\xc3\xa8me</title></head></html>
```

**Passes:**

```text
<html><head><meta charset="windows-1252"><title>Caf\xe9 cr\xe8me</title></head></html>
```
"""

from seoaudit.model import Violation

ID = "input/bad-encoding"
SEVERITY = "warning"
FIX = "Save the file as UTF-8 and declare <meta charset=\"utf-8\"> (WordPress: check DB_CHARSET and the theme)."


def check(page, options):
    for note in page.notes:
        yield Violation(f"{page.document.display_source}: {note}", fix=FIX)
    for view in page.views.values():
        for note in view.notes:
            yield Violation(f"{page.document.display_source}: {note}", view=view.name, fix=FIX)
