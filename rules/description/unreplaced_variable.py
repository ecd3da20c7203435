"""The description still holds an SEO plugin's template variable such as %%excerpt%%.

**What it checks.** The meta description, `og:description` and `twitter:description` of every producer
(each distinct text once) for a variable that the plugin left unreplaced: Yoast's and SEOPress's
`%%excerpt%%`, `%%cf_field%%`; Rank Math's `%excerpt%`, `%customfield(name)%`; and AIOSEO's known tags
such as `#post_excerpt`.

**Why it matters.** An unreplaced variable is printed as is in the snippet and in every share card. It
happens when a variable is misspelled, belongs to another plugin (after a migration), or reads a custom
field that is empty.

**Severity.** warning: the raw variable shows in the snippet (Google usually rewrites it); a visible defect.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 checks 26–27 (unreplaced `%%var%%`); Yoast snippet variables;
Rank Math variables; AIOSEO smart tags.

**Fails:**

```json
{"id": 7, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "%%cf_summary%% Read our guide."}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "description": "100% arabica, 0% fuss: our guide."}}
```
"""

from seoaudit.derive.text import fields_once, template_variables
from seoaudit.model import Violation

from ._shared import all_descriptions, label

ID = "description/unreplaced-variable"
SEVERITY = "warning"


def check(page, options):
    for view, field in fields_once(page, all_descriptions):
        found = template_variables(field.value)
        if found:
            yield Violation(f"{label(view, field)} holds unreplaced template variables {', '.join(found)}: "
                            f"{field.value[:80]!r}", field.location, value=field.value,
                            expected="no template variables", view=view.name,
                            fix="Fix the description template in the SEO plugin: a misspelled variable, one "
                                "from another plugin, or one whose source (custom field, excerpt) is empty.")
