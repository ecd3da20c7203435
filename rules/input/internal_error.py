r"""seoaudit itself failed on this document: a rule, the extraction or the report raised an exception.

**What it checks.** Nothing in the document: the engine runs every rule in isolation, and when one
raises (or the extraction of the page does), it reports this finding, naming the stage (`rule
schema/…`, `extraction`, `metadata`), the document and the exception, and goes on with the other rules and
documents. A run with one exits 2, whatever `--fail-on` says: its report is incomplete.

**Why it matters.** One odd post must not crash a CI gate for a whole team, nor silently pass it: the
rest of the audit is still reported, and the failure is visible with what is needed to report it.

**Severity.** error: the audit of the document is incomplete, so the gate cannot vouch for it (exit 2).

**Options.** None. `--ignore input/internal-error` hides it (and then it no longer sets the exit code).

**Source.** The finding is how seoaudit reports its own bugs, as ruff reports a panic as a diagnostic;
please report each one with the input file.

No input makes a correct seoaudit fail, so the failing example below is not run: tests/test_hostile.py
makes a rule raise instead.

**Fails** (engine-emitted, not run):

```html
<html><head><title>Any page a broken rule raises on</title></head></html>
```

**Passes:**

```html
<html><head><title>A page every rule reads</title></head></html>
```
"""

ID = "input/internal-error"
SEVERITY = "error"


def check(page, options):
    # The engine (seoaudit/engine.py, `_internal_error`) reports this rule's findings; the module gives them
    # an id, a documented severity, `seoaudit explain` and `--ignore`.
    return iter(())
