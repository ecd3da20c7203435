"""Regenerate the config reference in README.md from seoaudit/schemas/config.schema.json, and its table of
rule options from the rules' `OPTIONS` declarations: `python tools/readme_config.py`.

tests/test_config.py fails when the README's reference or table differs from what this prints, so neither drifts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from seoaudit.config import options_markdown, reference_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- config:start (generated from seoaudit/schemas/config.schema.json) -->", "<!-- config:end -->"
OPTIONS_START, OPTIONS_END = "<!-- options:start (generated from the rules' OPTIONS) -->", "<!-- options:end -->"
BLOCKS = ((START, END, reference_markdown), (OPTIONS_START, OPTIONS_END, options_markdown))


def with_reference(text: str) -> str:
    for start, end, made in BLOCKS:
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
        text = pattern.sub(lambda _, start=start, end=end, made=made: f"{start}\n{made()}\n{end}", text)
    return text


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if missing := [start for start, _, _ in BLOCKS if start not in text]:
        print(f"README.md has no {missing[0]} marker", file=sys.stderr)
        return 1
    README.write_text(with_reference(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
