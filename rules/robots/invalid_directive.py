"""A robots meta holds a rule search engines do not know, a bad value, or nothing at all.

**What it checks.** Every directive of the robots metas of the primary producer (`robots`, `googlebot`,
`googlebot-news`, `bingbot`) is one of Google's rules (`all`, `index`, `follow`, `noindex`, `nofollow`,
`none`, `nosnippet`, `indexifembedded`, `notranslate`, `noimageindex`, `max-snippet:N`,
`max-image-preview:none|standard|large`, `max-video-preview:N`, `unavailable_after:date`) or a rule
other engines read or Google retired (`noarchive`, `nocache`, `noodp`, `noydir`, …, accepted silently).
It fails on an unknown token, `[object Object]` (a JavaScript front end that printed Yoast's robots
object as a string), a valued rule with a bad value (`max-snippet:all`, `max-image-preview:big`), and a
robots meta whose content is empty. One finding per distinct token and meta.

**Why it matters.** Search engines ignore what they do not understand, so the intended rule (often a
`noindex` meant for a staging site, or `max-image-preview:large`) silently does not apply. `[object
Object]` means the whole robots setting was lost on the way from WordPress to the page (headless front
ends that render `content={yoast_head_json.robots}`).

**Severity.** warning: search engines ignore a rule they do not know, so what the site meant is not applied.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (the list of rules; unknown rules are ignored);
wordpress-ecosystem catalogue check 11 (`robots-shape`, headstartwp `Yoast.tsx`).

**Fails:**

```html
<html><head><title>Post</title><meta name="robots" content="[object Object]"></head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta name="robots" content="index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import BOTS, directives, is_known, value_problem

ID = "robots/invalid-directive"
SEVERITY = "warning"
FIX = ("Use Google's robots rules only, comma-separated: e.g. index, follow, max-snippet:-1, "
       "max-image-preview:large, max-video-preview:-1.")


def _problem(rule) -> str | None:
    if "[object object]" in rule.raw.lower():
        return "[object Object]: a JavaScript object was printed instead of its robots rules"
    if not is_known(rule):
        return f"unknown rule {rule.text!r}"
    return value_problem(rule)


def check(page, options):
    view = page.primary
    if view is None:
        return
    seen = set()
    for bot in BOTS:
        for field in view.robots.get(bot, ()):
            if not field.value.strip(" ,"):
                yield Violation(f"{bot} meta is empty in {view.name}", field.location, value=field.value,
                                expected="robots rules such as index, follow", view=view.name,
                                fix="Fill in the robots rules, or remove the empty meta.")
        for rule in directives(view, bot):
            problem = _problem(rule)
            key = (bot, rule.text.lower(), rule.field.location)
            if problem is None or key in seen:
                continue
            seen.add(key)
            yield Violation(f"{bot} meta in {view.name}: {problem}; search engines ignore it", rule.field.location,
                            value=rule.text, expected="a robots rule Google knows", view=view.name, fix=FIX)
