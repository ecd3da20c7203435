"""Regenerate the rule options of seoaudit/schemas/config.schema.json from the rules' `OPTIONS` declarations:
`python tools/config_schema.py`.

Only the `rules` table's entries are generated (`seoaudit.config.with_rule_options`); the rest of the schema is
written by hand. The schema is then compiled into seoaudit/config_validator.py (fastjsonschema's code, as
tools/make_type_validators.py does for the type packs), which decides whether a config file is valid without
importing jsonschema (jsonschema only words the error of an invalid one). tests/test_options.py fails when
either file differs from what this writes, so neither can drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from make_type_validators import compiled_module

from seoaudit.config import with_rule_options

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "seoaudit" / "schemas" / "config.schema.json"
VALIDATOR = ROOT / "seoaudit" / "config_validator.py"


def text(spec: dict) -> str:
    return json.dumps(with_rule_options(spec), indent=2, ensure_ascii=False) + "\n"


def validator_text(spec: dict) -> str:
    return compiled_module(spec, "seoaudit/schemas/config.schema.json", "tools/config_schema.py")


def main() -> int:
    spec = with_rule_options(json.loads(SCHEMA.read_text(encoding="utf-8")))
    SCHEMA.write_text(text(spec), encoding="utf-8")
    VALIDATOR.write_text(validator_text(spec), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
