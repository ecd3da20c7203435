"""Live mode: audit URLs, sitemaps and whole WordPress sites over HTTP.

Imported only when a run names a URL (offline runs never import httpx). `wire` is stdlib-only: the facts
a fetch records for the rules (status, redirect chain, headers, the served page, the canonical target,
image probes), which a JSON record (`{"seoaudit_http": …}`) can also carry offline.
"""
