"""Compare two JSON reports of `seoaudit check --format json`: the same documents in the same order, each with the
same kind, metadata and findings (as a multiset: findings that sort equal may change places), and the same
summary. Prints what differs; exit 0 when nothing does.

    python tools/compare_reports.py before.json after.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def differences(before: dict, after: dict, limit: int = 20) -> list[str]:
    found: list[str] = []
    for key in ("version", "tool", "summary"):
        if before.get(key) != after.get(key):
            found.append(f"{key}: {before.get(key)!r} != {after.get(key)!r}")
    old, new = before["documents"], after["documents"]
    if [d["source"] for d in old] != [d["source"] for d in new]:
        found.append(f"documents: {len(old)} before, {len(new)} after, or not in the same order")
    for a, b in zip(old, new, strict=False):
        where = a["source"]
        for key in ("source", "kind", "metadata"):
            if a.get(key) != b.get(key):
                found.append(f"{where}: {key} differs")
        lost = Counter(map(_canonical, a["findings"])) - Counter(map(_canonical, b["findings"]))
        gained = Counter(map(_canonical, b["findings"])) - Counter(map(_canonical, a["findings"]))
        found += [f"{where}: lost {finding}" for finding in lost]
        found += [f"{where}: gained {finding}" for finding in gained]
        if len(found) >= limit:
            break
    return found[:limit]


def _canonical(finding: dict) -> str:
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in sys.argv[1:])
    found = differences(before, after)
    for line in found:
        print(line)
    print("identical" if not found else f"{len(found)} difference(s) shown")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
