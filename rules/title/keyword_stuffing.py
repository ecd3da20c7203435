"""The title repeats a word again and again (keyword stuffing).

**What it checks.** The title of every producer (each distinct text once): a word of three letters or
more, other than common function words ("the", "and", "für", "pour", …), that occurs `min_repeats`
times or more, case-insensitively. Numbers are not counted.

**Why it matters.** Google names keyword stuffing in titles ("Foobar, foo bar, foobars, foo bars") as a
reason to rewrite the title link, and its spam policies treat it as manipulation. It also reads badly to
the person choosing which result to click.

**Severity.** warning: Google may rewrite or demote a stuffed title.

**Options.** `min_repeats` (default 3): how many times one word may appear before the title is reported.

**Source.** Google Search Central, "Influencing title links in search results" (avoid keyword stuffing);
Google spam policies (keyword stuffing). peer-checks.md row 8.

**Fails:**

```html
<html><head><title>Cheap shoes, cheap shoes online, buy cheap shoes - Shoes</title></head></html>
```

**Passes:**

```html
<html><head><title>Running shoes for wide feet: our tests - Shoe Lab</title></head></html>
```
"""

import re
from collections import Counter

from seoaudit.derive.text import fields_once
from seoaudit.model import Violation
from seoaudit.options import Option

ID = "title/keyword-stuffing"
SEVERITY = "warning"
OPTIONS = {"min_repeats": Option(int, 3, "How often one word must occur for the title to be reported.",
                              minimum=2)}

_WORD = re.compile(r"[^\W\d_]{3,}")
# Function words of the languages seen most in the corpus: repeating them is grammar, not stuffing.
_FUNCTION_WORDS = frozenset({
    "the", "and", "for", "with", "from", "your", "you", "our", "are", "how", "what", "why", "this", "that", "who",
    "was", "has", "had", "not", "but", "all", "can", "its", "und", "der", "die", "das", "den", "dem", "des", "mit",
    "von", "für", "ein", "eine", "einer", "eines", "ist", "sich", "auf", "nicht", "aus", "bei", "wie", "les", "une",
    "pour", "avec", "dans", "sur", "par", "pas", "qui", "que", "est", "son", "ses", "aux", "los", "las", "del",
    "con", "por", "para", "una", "como", "más", "che", "per", "della", "delle", "degli", "nel", "alla", "een", "het",
    "van", "voor", "met", "niet", "aan",
})


def check(page, options):
    limit = options["min_repeats"]
    for view, field in fields_once(page, lambda v: [f for f in v.titles[:1] if f.value]):
        words = [w for w in map(str.casefold, _WORD.findall(field.value)) if w not in _FUNCTION_WORDS]
        if len(words) - len(set(words)) < limit - 1:
            continue  # a word said n times adds n - 1 here: none is said `limit` times (most titles; no Counter)
        counts = Counter(words)
        stuffed = [(word, n) for word, n in counts.most_common() if n >= limit]
        if stuffed:
            words = ", ".join(f"{word!r} ×{n}" for word, n in stuffed)
            yield Violation(f"title repeats {words}: {field.value!r}", field.location, value=field.value,
                            expected=f"no word {limit} times or more", view=view.name,
                            fix="Use each keyword once and write the title for the reader.")
