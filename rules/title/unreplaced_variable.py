"""The title still holds an SEO plugin's template variable such as %%sitename%%.

**What it checks.** The title, `og:title` and `twitter:title` of every producer (each distinct text
once) for a variable that the plugin left unreplaced: Yoast's and SEOPress's `%%title%%`, `%%sep%%`,
`%%cf_field%%`; Rank Math's `%title%`, `%sep%`, `%customfield(name)%`; and AIOSEO's known tags such as
`#post_title` and `#separator_sa`.

**Why it matters.** An unreplaced variable is printed as is in the result title and in every share:
"My post %%sep%% %%sitename%%". It happens when a variable is misspelled, belongs to another plugin
(after a migration), or reads a custom field that is empty, and when a head is built outside the
context the plugin expects (REST requests, headless front ends).

**Severity.** warning: the raw variable shows in the result title (Google usually rewrites it); a visible
defect.

**Options.** None.

**Source.** wordpress-ecosystem.md §5 check 27 (no unreplaced `%%var%%`); Yoast snippet variables;
Rank Math variables; AIOSEO smart tags.

**Fails:**

```json
{"id": 7, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee %%sep%% %%sitename%%", "og_title": "Coffee"}}
```

**Passes:**

```json
{"id": 7, "link": "https://example.org/coffee/", "status": "publish", "type": "post",
 "title": {"rendered": "Coffee"},
 "yoast_head_json": {"title": "Coffee - Example", "og_title": "Coffee - 100% arabica"}}
```
"""

from seoaudit.derive.text import fields_once, template_variables
from seoaudit.model import Violation

ID = "title/unreplaced-variable"
SEVERITY = "warning"
SOCIAL_KEYS = ("og:title", "twitter:title")


def _titles(view):
    return view.titles + [f for key in SOCIAL_KEYS for f in view.meta.get(key, ())]


def check(page, options):
    for view, field in fields_once(page, _titles):
        found = template_variables(field.value)
        if found:
            what = _label(view, field)
            yield Violation(f"{what} holds unreplaced template variables {', '.join(found)}: {field.value!r}",
                            field.location, value=field.value, expected="no template variables", view=view.name,
                            fix="Fix the title template in the SEO plugin: a misspelled variable, one from "
                                "another plugin, or one whose source (custom field, term) is empty.")


def _label(view, field) -> str:
    for key in SOCIAL_KEYS:
        if any(f is field for f in view.meta.get(key, ())):
            return key
    return "title"
