"""Every exit code in one place (as ruff and httpie do)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # nothing at or above the fail level
    FINDINGS = 1  # findings at or above the fail level
    USAGE = 2  # usage, config or unreadable input, or an internal error (the audit is incomplete)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), after reporting the documents audited so far
    BROKEN_PIPE = 141  # the reader of standard output went away (128 + SIGPIPE): `seoaudit check … | head`
    TERMINATED = 143  # SIGTERM (128 + SIGTERM), after reporting the documents audited so far
