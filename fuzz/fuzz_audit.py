"""Coverage-guided fuzzing of load → extract → rules → report with atheris (libFuzzer).

    pip install atheris
    python fuzz/fuzz_audit.py -runs=2000                      # a smoke run (what the test suite does)
    python fuzz/fuzz_audit.py -max_total_time=900 -max_len=65536 /tmp/seoaudit-fuzz /tmp/seeds   # a long run

The input bytes are a file as a user would pass it: HTML or JSON, maybe gzip-compressed, in any encoding.
The first byte picks the file name the loader is told (`.html`, `.json`, `.html.gz`, or no suffix), the rest
is the file. A crash is any of: an exception escaping `load_bytes` or `audit_document`; an
`input/internal-error` finding (a rule or the extractor raised: the engine isolates it, but it is a bug);
a report that is not valid JSON (NaN, a lone surrogate, anything `json.dumps(allow_nan=False)` or a strict
UTF-8 encoder refuses). Limits are set low so that the limit paths are fuzzed too, and the whole audit
of one input stays fast.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["seoaudit"]):
    from seoaudit.engine import Auditor, Config
    from seoaudit.limits import Limits
    from seoaudit.load import load_bytes
    from seoaudit.registry import all_rules
    from seoaudit.report.json_report import document_dict

    all_rules()  # imports (and so instruments) every rule module

NAMES = ("fuzz.html", "fuzz.json", "fuzz.html.gz", "fuzz")
# Small limits: every limit path is reachable from a small input, and no input can make a run slow.
LIMITS = Limits(max_input_bytes=1 << 20, max_json_depth=48, max_jsonld_nodes=200, max_graph_depth=16,
                max_elements=300, document_timeout=5.0)
CONFIG = Config(limits=LIMITS, structured_data=True)
AUDITOR = Auditor.compile(CONFIG)


class FuzzFinding(Exception):
    """What the fuzzer should report as a crash."""


def audit_bytes(data: bytes) -> list[dict]:
    """One input through the whole pipeline; raises FuzzFinding for anything that is a bug."""
    name = NAMES[data[0] % len(NAMES)] if data else NAMES[0]
    out = []
    for document in load_bytes(data[1:], name, LIMITS):
        result = AUDITOR.audit(document)
        crashed = [f for f in result.findings if f.rule == "input/internal-error"]
        if crashed:
            raise FuzzFinding(crashed[0].message)
        line = json.dumps(document_dict(result), ensure_ascii=False, allow_nan=False, default=str)
        line.encode("utf-8")  # a lone surrogate cannot be written to a UTF-8 report
        out.append(json.loads(line))
    return out


def test_one_input(data: bytes) -> None:
    audit_bytes(data)


def main() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
