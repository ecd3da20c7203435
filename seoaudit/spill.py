"""spill: a multimap of byte strings that lives in memory up to a budget, then in a temporary sqlite file.

The state of the rules that compare documents is the one thing a run keeps that grows with the run
(aggregate.py). Kept here, it costs a run of any size at most `budget` bytes of memory: past that, what
memory holds moves to disk (a private temporary database, which sqlite deletes when it is closed), and
reading it back merges both, in key order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

DEFAULT_BUDGET = 64 * 1024 * 1024  # resident memory

# The estimate below is what Python allocates for the entries; a run's resident memory grows some 2.5 times as
# much (measured from /proc's VmHWM against a run with the batch rules ignored, at 6,000 and 100,000 pages): the
# sqlite connection and its page cache, allocator arenas a spill leaves half used, and at the end the late
# findings and the group being checked. So memory spills when its estimate reaches budget / 2.5.
RESIDENT_PER_ESTIMATED = 2.5

# What Python spends beyond the bytes themselves (measured with tracemalloc in tests/test_aggregate.py):
# a key's str or bytes object, its dict slot and its list; a value's bytes object and its list slot.
KEY_OVERHEAD = 125
VALUE_OVERHEAD = 41


class Multimap:
    """Byte-string keys → lists of byte-string values. Adding is linear in what is added; merging
    another multimap in is linear in its size; `items()` gives every key once, in sorted order."""

    def __init__(self, budget: int = DEFAULT_BUDGET):
        self.budget = budget  # bytes of resident memory
        self.memory: dict[bytes, list[bytes]] = {}
        self.memory_bytes = 0  # an estimate of what `memory` costs
        self.values = 0  # in memory and on disk
        self.disk_bytes = 0  # what has gone to disk (keys and values)
        self._db = None  # sqlite3.Connection, once spilled

    @property
    def spilled(self) -> bool:
        return self._db is not None

    @property
    def size(self) -> int:
        """Bytes of state: memory as estimated, plus what was moved to disk."""
        return self.memory_bytes + self.disk_bytes

    def add(self, key: bytes, value: bytes) -> None:
        found = self.memory.get(key)
        if found is None:
            self.memory[key] = [value]
            self.memory_bytes += len(key) + len(value) + KEY_OVERHEAD + VALUE_OVERHEAD
        else:
            found.append(value)
            self.memory_bytes += len(value) + VALUE_OVERHEAD
        self.values += 1
        if self.memory_bytes * RESIDENT_PER_ESTIMATED > self.budget:
            self.spill()

    def update(self, other: Multimap) -> Multimap:
        """Add everything `other` holds (it is left as it was)."""
        for key, values in other.items():
            for value in values:
                self.add(key, value)
        return self

    def spill(self) -> None:
        """Move what memory holds to disk."""
        if not self.memory:
            return
        if self._db is None:
            import sqlite3

            # "": a private temporary database in a file, deleted when closed (sqlite.org/inmemorydb.html)
            self._db = sqlite3.connect("")
            self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8192;"
                                   "CREATE TABLE entries (key, value BLOB)")
        with self._db:
            self._db.executemany("INSERT INTO entries VALUES (?, ?)",
                                 ((key, value) for key, values in self.memory.items() for value in values))
        self.disk_bytes += sum(len(key) + sum(map(len, values)) for key, values in self.memory.items())
        self.memory = {}
        self.memory_bytes = 0

    def items(self) -> Iterator[tuple[bytes, list[bytes]]]:
        in_memory = sorted(self.memory.items(), key=itemgetter(0))
        if self._db is None:
            yield from in_memory
            return
        rows = self._db.execute("SELECT key, value FROM entries ORDER BY key, rowid")
        on_disk = ((key, [value for _, value in group]) for key, group in groupby(rows, key=itemgetter(0)))
        merged = heapq.merge(on_disk, in_memory, key=itemgetter(0))
        for key, parts in groupby(merged, key=itemgetter(0)):
            yield key, [value for _, values in parts for value in values]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self.memory = {}

    # A Dask worker pickles its partition's state to send it on: all of it, whether in memory or on disk.
    def __getstate__(self) -> dict:
        return {"budget": self.budget, "items": list(self.items())}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["budget"])
        self.extend(state["items"])

    def extend(self, items: Iterable[tuple[bytes, list[bytes]]]) -> None:
        for key, values in items:
            for value in values:
                self.add(key, value)
