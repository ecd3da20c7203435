"""seoaudit: audit the search and social metadata of web pages and WordPress posts.

    from seoaudit import audit_paths
    report = audit_paths(["post.json"])
    for finding in report.findings: ...

`report` is a `seoaudit.engine.Report`, the object every formatter in `seoaudit.report` takes:
`formatter("sarif").render(report, RenderOptions())`. `seoaudit.config.load(Path.cwd())` gives the
Config the CLI would use; `seoaudit.engine.iter_audit` streams one `DocumentResult` per document.
"""

from __future__ import annotations

__version__ = "0.1.0"
REPORT_VERSION = "1.3"

__all__ = ["REPORT_VERSION", "__version__", "audit", "audit_paths"]


def audit(documents, config=None):
    """Audit `Document`s (see `seoaudit.load`) and return a `Report`."""
    from .engine import audit as run

    return run(documents, config)


def audit_paths(paths, config=None):
    """Audit files, directories or `-` and return a `Report`."""
    from .engine import audit as run
    from .load import load_paths

    return run(load_paths(paths), config)
