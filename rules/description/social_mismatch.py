"""The og:description or twitter:description says something other than the meta description.

**What it checks.** In every producer that has both, `og:description` and `twitter:description` against
the meta description: it fires when they tell different stories, that is when neither contains the
other and they share less than 80 % of the words of the shorter one (compared case-insensitively, with
typographic quotes, dashes and spacing folded, and without a trailing "…"). A shortened social text is
not a difference. A missing `twitter:description` is not a difference (X falls back to
`og:description`), nor is a missing meta description (`description/missing` says so).

**Why it matters.** Yoast's `og:description` is the meta description unless a social description was
set: two different texts usually mean one of them is stale, or a second plugin prints its own. A
deliberate social text is fine, hence info.

**Severity.** info: advice; social descriptions may differ on purpose.

**Options.** None.

**Source.** peer-checks.md row 9 (title/description consistency across producers, new); X cards markup
(twitter:description falls back to og:description).

**Fails:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee at home.">
<meta property="og:description" content="Spring sale: 20% off all grinders this week."></head></html>
```

**Passes:**

```html
<html><head><title>Coffee - Example</title><meta name="description" content="How we brew coffee at home.">
<meta property="og:description" content="How we brew coffee at home."></head></html>
```
"""

from seoaudit.checks.social_mismatch import social_mismatch

from ._shared import SOCIAL_KEYS, without_truncation

ID = "description/social-mismatch"
SEVERITY = "info"

check = social_mismatch(lambda view: view.description, SOCIAL_KEYS, "the meta description",
                        comparable=without_truncation, shown=lambda text: text[:60],
                        fix="Make {key} agree with the meta description, or clear the custom social description "
                            "so that the plugin uses the meta description.")
