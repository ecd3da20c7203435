"""Regenerate the config reference in README.md from seoaudit/schemas/config.schema.json:
`python tools/readme_config.py`.

tests/test_config.py fails when the README's reference differs from what this prints, so it cannot drift.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from seoaudit.config import reference_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- config:start (generated from seoaudit/schemas/config.schema.json) -->", "<!-- config:end -->"


def with_reference(text: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: f"{START}\n{reference_markdown()}\n{END}", text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if START not in text:
        print(f"README.md has no {START} marker", file=sys.stderr)
        return 1
    README.write_text(with_reference(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
