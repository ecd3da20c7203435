"""sink: where a report goes. Files are written atomically (a temporary file in the same directory, then
a rename), so a dashboard or an uploader never reads half a report, and a failed run leaves the last
good report in place. Only the CLI writes; formatters return text.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO


class Sink:
    def __init__(self, path: Path | None):
        self.path = path  # None: standard output
        self._temporary: str | None = None
        self.stream: TextIO = sys.stdout
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    @property
    def is_stdout(self) -> bool:
        return self.path is None

    def write(self, text: str) -> None:
        self.stream.write(text)
        if self.path is None:
            self.stream.flush()  # streamed formats reach a pipe as documents finish

    def commit(self) -> None:
        if self.path is None or self._temporary is None:
            return
        self.stream.close()
        os.chmod(self._temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for others to read
        os.replace(self._temporary, self.path)
        self._temporary = None

    def abort(self) -> None:
        if self._temporary is not None:
            self.stream.close()
            Path(self._temporary).unlink(missing_ok=True)
            self._temporary = None


def atomic_write(path: Path, text: str) -> None:
    sink = Sink(path)
    try:
        sink.write(text)
        sink.commit()
    finally:
        sink.abort()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
