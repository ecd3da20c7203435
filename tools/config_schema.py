"""Regenerate the rule options of seoaudit/schemas/config.schema.json from the rules' `OPTIONS` declarations:
`python tools/config_schema.py`.

Only the `rules` table's entries are generated (`seoaudit.config.with_rule_options`); the rest of the schema is
written by hand. tests/test_config.py fails when the file differs from what this writes, so it cannot drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from seoaudit.config import with_rule_options

SCHEMA = Path(__file__).resolve().parent.parent / "seoaudit" / "schemas" / "config.schema.json"


def text(spec: dict) -> str:
    return json.dumps(with_rule_options(spec), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    SCHEMA.write_text(text(json.loads(SCHEMA.read_text(encoding="utf-8"))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
