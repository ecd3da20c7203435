"""A realistic repository to drop seoaudit into: a headless WordPress front end (the usability review's B1).

`make_repository(root)` lays out, under `root`, a git work tree with `package.json`, `tsconfig.json`,
`node_modules/`, `.venv/`, a `.cache/` it ignores, a built site in `public/` (pages, `sitemap.xml`, an RSS feed,
a web app manifest) and content exports in `content/` (posts, an empty draft collection), built from the
project's own examples. `AUDITED` is what `seoaudit check .` must read there, and nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .conftest import EXAMPLES

# What `seoaudit check .` audits in the repository, relative to its root.
AUDITED = [
    "content/pages/about.json",
    "content/posts/hello.json",
    "public/blog/headless-cache-notes/index.html",
    "public/sale/index.html",
    "public/sitemap.xml",
]
# Found by walking but no input: skipped for their content, with one note.
SKIPPED_FOR_CONTENT = ["package-lock.json", "package.json", "public/feed.xml", "public/manifest.json",
                       "tsconfig.json"]

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://blog.example.com/2026/02/headless-cache-notes/</loc><lastmod>2026-02-11</lastmod></url>
  <url><loc>https://blog.example.com/2026/03/how-to-audit-seo-metadata/</loc><lastmod>2026-03-14</lastmod></url>
</urlset>
"""
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Blog</title><link>https://blog.example.com/</link></channel></rss>
"""


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def make_repository(root: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    write(root / ".gitignore", "node_modules/\n.venv/\n.cache/\n*.log\n")
    write(root / "package.json", '{"name": "my-site", "version": "1.0.0", "scripts": {"build": "next build"}}\n')
    write(root / "package-lock.json", '{"name": "my-site", "lockfileVersion": 3, "packages": {}}\n')
    write(root / "tsconfig.json", '{"compilerOptions": {"strict": true}}\n')
    write(root / "README.md", "# my-site\n\n<title>not a page</title>\n")
    write(root / "build.log", "<html><head><title>log</title></head></html>\n")
    write(root / "node_modules/pkg/package.json", '{"name": "pkg"}\n')
    write(root / "node_modules/pkg/README.html", "<html><head><title>x</title></head></html>\n")
    write(root / ".venv/lib/index.html", "<html><head><title>v</title></head></html>\n")
    write(root / ".cache/data.json", '{"a": 1}\n')
    write(root / ".next/server/pages/index.html", "<html><head><title>build cache</title></head></html>\n")
    # The built site: a clean page, a broken one, its sitemap, and files that are no pages.
    write(root / "public/blog/headless-cache-notes/index.html", (EXAMPLES / "clean-page.html").read_bytes())
    write(root / "public/sale/index.html", (EXAMPLES / "broken-page.html").read_bytes())
    write(root / "public/sitemap.xml", SITEMAP)
    write(root / "public/feed.xml", FEED)
    write(root / "public/manifest.json", '{"name": "Example Blog", "start_url": "/", "display": "standalone"}\n')
    write(root / "public/styles.css", "body { color: black }\n")
    # The content exports: a post, a page, and the drafts query that answered [].
    shutil.copy(EXAMPLES / "clean-post.json", _mkdir(root / "content/posts") / "hello.json")
    shutil.copy(EXAMPLES / "broken-canonical.json", _mkdir(root / "content/pages") / "about.json")
    write(root / "content/drafts.json", "[]\n")
    return root


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
