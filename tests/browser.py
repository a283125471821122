"""Headless Chromium for the map tests: Debian's chromium driven by playwright.

Never downloads a browser. Without chromium the tests skip with a reason;
with CLAIMMAP_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails.
"""

from __future__ import annotations

import os
import shutil

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    required = os.environ.get("CLAIMMAP_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("CLAIMMAP_REQUIRE_BROWSER=1 but the playwright package is not installed")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if path is None:
        if required:
            pytest.fail("CLAIMMAP_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)")
        pytest.skip("no chromium on PATH: install Debian's chromium to run the map tests")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=FLAGS)
        yield b
        b.close()


class Page:
    """A page with every non-file request blocked and recorded, and console errors kept."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def open(self, path):
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("typeof L !== 'undefined' && document.querySelector('.leaflet-container')")
        self.page.wait_for_timeout(400)
        return self.page

    def close(self):
        self.page.close()
