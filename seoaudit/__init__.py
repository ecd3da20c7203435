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
REPORT_VERSION = "2.1"

__all__ = ["REPORT_VERSION", "__version__", "audit", "audit_paths"]


def audit(documents, config=None):
    """Audit and return a `Report`. `documents`: `Document`s (`seoaudit.load.load_bytes`, `load_paths`), one
    `Document`, or a decoded JSON value as `json.load` gives it (a WordPress REST object, a collection, a
    Yoast get_head response), whose documents are named `<json>`."""
    from .engine import audit as run
    from .model import Document

    if isinstance(documents, Document):
        documents = [documents]
    elif isinstance(documents, dict) or (isinstance(documents, list) and documents
                                         and not isinstance(documents[0], Document)):
        from .documents import documents_from_json

        documents = documents_from_json(documents, "<json>")
    return run(documents, config)


def audit_paths(paths, config=None):
    """Audit files, directories or `-` and return a `Report`."""
    from .engine import audit as run
    from .load import load_paths

    return run(load_paths(paths), config)
