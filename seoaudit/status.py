"""Every exit code in one place (as ruff and httpie do)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # nothing at or above the fail level
    FINDINGS = 1  # findings at or above the fail level
    USAGE = 2  # usage, config or unreadable input
