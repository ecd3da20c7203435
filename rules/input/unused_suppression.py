"""An `<!-- seoaudit: ignore RULE -->` comment silences nothing.

**What it checks.** Every rule or category named by an ignore comment (in an HTML page, or in the
`yoast_head` / `aioseo_head` string of a WordPress object) silenced at least one finding of that
document. A name that is no rule or category, a comment that names nothing, and a name whose rule ran
and found nothing are reported. Names of rules that did not run (not selected) are not judged.

**Why it matters.** Suppressions outlive the problems they hid: once the page is fixed, a stale
comment would silently hide the same problem when it comes back. A misspelt rule id silences nothing
at all, and nobody notices. A comment must name its rules, so one ignore cannot hide every future problem.

**Severity.** warning: a stale comment that may hide a problem coming back; nothing is broken today.

**Options.** None. The engine finds this rule's violations after every other rule has run (as ruff's
RUF100 and sqlfluff's `warn_unused_ignores` do); `--ignore input/unused-suppression` turns it off.

**Source.** ruff `unused-noqa` (RUF100); sqlfluff `warn_unused_ignores`; yamllint `disable` directives.

**Fails:**

```html
<html><head><title>Post</title><link rel="canonical" href="https://example.com/post/">
<!-- seoaudit: ignore canonical/missing --></head></html>
```

**Passes:**

```html
<html><head><title>Post</title><meta name="robots" content="index, follow">
<!-- seoaudit: ignore canonical/missing --></head></html>
```
"""

ID = "input/unused-suppression"
SEVERITY = "warning"


def check(page, options):
    # Unused suppressions are only known once every other rule has run: seoaudit/suppress.py finds and
    # words them. A rule module of its own gives the finding an id, a severity that config can change,
    # documentation and `--ignore`.
    return iter(())
