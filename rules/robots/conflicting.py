"""One crawler's robots rules contradict each other (index and noindex, two max-snippet values…).

**What it checks.** For each robots meta name of the primary producer (`robots`, `googlebot`,
`googlebot-news`, `bingbot`, every tag of that name taken together, as Google combines them): `index`
or `all` together with `noindex` or `none`; `follow` or `all` with `nofollow` or `none`; two different
values of `max-snippet`, `max-image-preview` or `max-video-preview`.

**Why it matters.** Google applies the more restrictive rule, so `index, noindex` means noindex; the
contradiction usually comes from two producers (a theme and an SEO plugin, or a plugin and a front
end) each printing robots rules, and the one the site owner sets is not the one that wins.

**Severity.** warning for a repeated value (Google applies the most restrictive). error when the page says
both index and noindex (or all and none): it contradicts itself and Google drops it.

**Options.** None.

**Source.** Google Search Central, "Robots meta tag" ("in the case of conflicting robots rules, the
more restrictive rule applies"); peer-checks catalogue `robots/invalid-or-conflicting`.

**Fails:**

```html
<html><head><title>Post</title>
<meta name="robots" content="index, follow"><meta name="robots" content="noindex">
</head><body></body></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow, max-snippet:-1"></head></html>
```
"""

from seoaudit.model import AGGRAVATED, Violation

from ._shared import BOTS, directives

ID = "robots/conflicting"
SEVERITY = "warning"
SEVERITY_AGGRAVATED = "error"
PAIRS = (({"index", "all"}, {"noindex", "none"}, "noindex"), ({"follow", "all"}, {"nofollow", "none"}, "nofollow"))
VALUED = ("max-snippet", "max-image-preview", "max-video-preview")


def _conflicts(found):
    """(message, the directive to point at, what Google applies)."""
    for allow, deny, wins in PAIRS:
        yes = [d for d in found if d.name in allow]
        no = [d for d in found if d.name in deny]
        if yes and no:
            yield f"{yes[0].text} and {no[0].text}", no[0], wins
    for name in VALUED:
        values = {}
        for d in found:
            if d.name == name and d.value:
                values.setdefault(d.value.lower().replace(" ", ""), d)
        if len(values) > 1:
            listed = list(values.values())
            yield " and ".join(d.text for d in listed), listed[1], "the most restrictive value"


def check(page, options):
    view = page.primary
    if view is None:
        return
    for bot in BOTS:
        for what, rule, wins in _conflicts(directives(view, bot)):
            yield Violation(f"{bot} rules contradict each other in {view.name}: {what}; Google applies {wins}",
                            rule.field.location, value=what, expected="one consistent set of robots rules",
                            view=view.name, case=AGGRAVATED if wins == "noindex" else None,
                            fix="Keep one robots meta, printed by one producer (the SEO plugin), "
                                                "with one value per rule.")
