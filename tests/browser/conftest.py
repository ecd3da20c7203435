"""Browser tests: Debian's chromium, headless, driven by playwright for Python through `executable_path`
(playwright's own browser download is not reachable; `.ci/run` installs chromium with
tests/browser/ensure_chromium.sh). They skip, saying why, when chromium or playwright is missing.

Every test writes a screenshot of each view it tests to SCREENSHOTS (build/browser-screenshots, or
$SEOAUDIT_SCREENSHOTS), to be looked at, and fails on any console error or uncaught exception of the page.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCREENSHOTS = Path(os.environ.get("SEOAUDIT_SCREENSHOTS", ROOT / "build" / "browser-screenshots"))
# As the machine's notes say: a closed network refuses Chromium's background connections, many at a time.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                 "--metrics-recording-only", "--mute-audio", "--font-render-hinting=none"]


def chromium_path() -> str | None:
    return os.environ.get("SEOAUDIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def missing(reason: str):
    """Skip, or fail where the browser tests must run (.ci/run sets SEOAUDIT_REQUIRE_BROWSER=1)."""
    if os.environ.get("SEOAUDIT_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        missing("playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        missing("no chromium on PATH: run tests/browser/ensure_chromium.sh (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class Page:
    """A browser tab that records console errors and uncaught exceptions, and takes named screenshots."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name
        self.errors: list[str] = []
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("request", self._no_network)

    def _no_network(self, request) -> None:
        if not request.url.startswith(("file:", "data:", "about:")):
            self.errors.append(f"network request to {request.url}")

    def shot(self, view: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}-{view}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def __getattr__(self, name):
        return getattr(self.page, name)


@pytest.fixture
def tab(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = Page(context.new_page(), request.node.name.replace("[", "-").replace("]", ""))
    yield page
    context.close()
    assert page.errors == [], f"the page logged errors: {page.errors}"
