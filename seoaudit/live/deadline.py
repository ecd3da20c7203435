"""Deadlines that hold: wall-clock limits that nest (a request inside its URL inside the run).

A server that sends one byte every few seconds never trips a per-read timeout; a deadline counts the total.
Every blocking step of a request (DNS, connect, TLS, each read and write) is given at most what is left
(`connect.py` clamps the socket's timeout to it), so a slow drip costs at most the deadline.
"""

from __future__ import annotations

import time


class Deadline:
    """`seconds` from now, and never later than `parent`. `label` says which limit it is, for the message
    of whoever runs out of it ("the 15 s --timeout of one request")."""

    __slots__ = ("end", "label", "parent")

    def __init__(self, seconds: float | None, label: str, parent: Deadline | None = None):
        self.end = None if seconds is None else time.monotonic() + seconds
        self.label = label
        self.parent = parent

    def remaining(self) -> float:
        """Seconds left (never below 0); `inf` without any limit."""
        now = time.monotonic()
        left = float("inf") if self.end is None else self.end - now
        if self.parent is not None:
            left = min(left, self.parent.remaining())
        return max(0.0, left)

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def clamp(self, timeout: float | None) -> float | None:
        """A blocking call's timeout, cut to what is left."""
        left = self.remaining()
        if left == float("inf"):
            return timeout
        return left if timeout is None else min(timeout, left)

    def reason(self) -> str:
        """The limit that runs out first (the outermost one on a tie): what a message should name."""
        chain = []
        deadline: Deadline | None = self
        while deadline is not None:
            chain.append(deadline)
            deadline = deadline.parent
        bounded = [d for d in chain if d.end is not None]
        if not bounded:
            return self.label
        return min(reversed(bounded), key=lambda d: d.end).label

    def postpone(self, seconds: float) -> None:
        """Move this deadline (not its parents) later: time spent queued is not the URL's."""
        if self.end is not None:
            self.end += seconds

    def child(self, seconds: float | None, label: str) -> Deadline:
        return Deadline(seconds, label, self)


UNLIMITED = Deadline(None, "no limit")
