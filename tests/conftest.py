"""Fixtures of the project-wide tests: one chromium for the whole run (``page``: each test's own
page in its own context) and the other organisation's data the isolation tests open."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread from the first browser test on; the
# root conftest runs the browser tests last, and they reach the ORM only to set up their data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright, started once for every browser test of the run."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium ontbreekt ({CHROMIUM}); `make systeem` installeert het")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page of its own context for one test (its cookies and storage too), closed afterwards
    whatever the test's outcome; the test sets the viewport size it needs."""
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def andermans(db):
    """Data of a gemeente and aanbieder the test user has nothing to do with (see
    ``tests/andermans.py``)."""
    from .andermans import maak_andermans

    return maak_andermans()
