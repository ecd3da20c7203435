"""A crawler-specific robots meta (googlebot, bingbot) says the opposite of the generic robots meta.

**What it checks.** When the primary producer has both `<meta name="robots">` and a crawler meta
(`googlebot`, `googlebot-news`, `bingbot`), and both state the same setting explicitly, they agree:
index (`index`/`all` vs `noindex`/`none`), follow (`follow`/`all` vs `nofollow`/`none`), and the
values of `max-snippet`, `max-image-preview` and `max-video-preview`. A rule only one of them states is
not a disagreement. `googlebot-news: noindex` next to `robots: index` is not reported (keeping a page
out of Google News only is what that meta is for).

**Why it matters.** Google reads both metas and applies the more restrictive rule, so the crawler
meta silently overrides what the generic one promises (`robots: index` with `googlebot: noindex` keeps
the page out of Google). It is typically a theme or an old plugin's meta left next to the SEO plugin's.

**Severity.** warning: crawlers get opposite instructions, so indexing differs by engine.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" (crawler-specific metas; the more restrictive
rule applies); Lighthouse `is-crawlable` (a user-agent meta takes precedence); peer-checks catalogue
`robots/invalid-or-conflicting`.

**Fails:**

```html
<html><head><title>Post</title>
<meta name="robots" content="index, follow"><meta name="googlebot" content="noindex, follow">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title>
<meta name="robots" content="index, follow"><meta name="googlebot" content="index, follow, max-snippet:-1">
</head><body></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import directives

ID = "robots/bot-disagrees"
SEVERITY = "warning"
SWITCHES = {"index": ({"index", "all"}, {"noindex", "none"}), "follow": ({"follow", "all"}, {"nofollow", "none"})}
VALUED = ("max-snippet", "max-image-preview", "max-video-preview")


def _settings(found) -> dict:
    """setting → (stated value, the directive that states it), for what the meta states explicitly."""
    stated = {}
    for setting, (yes, no) in SWITCHES.items():
        for d in found:
            if d.name in yes | no:
                stated.setdefault(setting, (setting if d.name in yes else f"no{setting}", d))
    for name in VALUED:
        for d in found:
            if d.name == name and d.value:
                stated.setdefault(name, (f"{name}:{d.value.lower().replace(' ', '')}", d))
    return stated


def check(page, options):
    view = page.primary
    if view is None:
        return
    generic = _settings(directives(view, "robots"))
    if not generic:
        return
    for bot in ("googlebot", "googlebot-news", "bingbot"):
        specific = _settings(directives(view, bot))
        for setting, (value, rule) in specific.items():
            if setting not in generic or generic[setting][0] == value:
                continue
            if bot == "googlebot-news" and setting == "index":
                continue
            said = generic[setting][0]
            yield Violation(f"{bot} says {value} but robots says {said} in {view.name}; Google applies the more "
                            "restrictive", rule.field.location, value=value, expected=said, view=view.name,
                            fix=f"Make the {bot} meta agree with the robots meta, or remove it.")
