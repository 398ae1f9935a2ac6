"""Helpers and fixtures for the browser tests: a headless Chromium driven by Playwright, checked by axe-core.

The fixtures (`browser`, `page`, `reading_page`, `browser_site`, `asgi_server`) are registered
for every app's tests through `pytest_plugins` in the root conftest.py.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import socket
import threading
import time

import pytest

# Chromium comes from the system; Playwright's own download is not used.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core impact levels that fail a test ("minor" and "moderate" are reported by axe only).
FAILING_IMPACTS = ("serious", "critical")


def chromium_path() -> str | None:
    return shutil.which("chromium")


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def accessibility_violations(page, impacts=FAILING_IMPACTS) -> list[dict]:
    """Run axe-core on the page as it is now; return the violations of the given impacts."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [violation for violation in results.response["violations"] if violation["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per violated rule, one line per offending element, for assertion messages."""
    paragraphs = []
    for violation in violations:
        lines = [f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"  - {target}\n      {node['html'][:200]}\n      {summary}")
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One headless Chromium per test module."""
    if chromium_path() is None:
        pytest.skip("Chromium is not installed (no `chromium` on PATH)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the test thread; the ORM
    # calls made there (fixtures, page URLs) are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # From now on Playwright's event loop runs in this thread, and Django
        # (asgiref's Local) would hand the tests fresh connection objects that
        # lack the serialized database contents: keep the test database's own.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@contextlib.contextmanager
def browser_tab(browser, base_url: str, viewport: dict = DESKTOP):
    """A tab of a fresh browser context (no cookies, no cache) on `base_url`, desktop-sized unless told."""
    context = browser.new_context(base_url=base_url, viewport=viewport, is_mobile=viewport is PHONE)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server):
    """A tab on a server of the test's own, transactional database: for tests that change the site."""
    with browser_tab(browser, live_server.url) as tab:
        yield tab


@pytest.fixture
def phone(browser, live_server):
    """`page` on a phone's screen (390 px wide)."""
    with browser_tab(browser, live_server.url, PHONE) as tab:
        yield tab


def assert_fits_a_phone(tab) -> None:
    """No horizontal scrolling, axe-core clean, the page in its language."""
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{tab.url} is {overflow} px wider than the phone's screen"
    assert tab.evaluate("document.documentElement.lang") in ("ar", "fr", "en")
    violations = accessibility_violations(tab)
    assert not violations, describe_violations(violations)


@pytest.fixture
def reading_page(browser, db, settings):
    """A tab on the site as the test process's committed layers hold it: for tests that only read.

    `page` needs a transactional database, so the site is flushed and built again around each of
    its tests (seconds each, more on PostgreSQL). A test that only reads asks for its layers
    (`site_tree`, `workshops_site`…) and this tab: layers are committed, so the server, on
    connections of its own, sees them. What the test itself writes stays in its transaction, out of
    the server's sight: a test that changes what the page shows uses `page`.

    On SQLite the test's transaction holds the database's one write lock, and the server writes
    now and then (image renditions on first view): there the test runs transactional, as with
    `page` (`pytest_collection_modifyitems` below).
    """
    settings.PAGE_CACHE = False
    with AsgiLiveServer() as server, browser_tab(browser, server.url) as tab:
        yield tab


def pytest_collection_modifyitems(items):
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    for item in items:
        if "reading_page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def browser_site(request, transactional_db, django_db_serialized_rollback, settings, tmp_path):
    """The trilingual site of `site_tree`, committed so that the live server sees it.

    The serialized rollback brings back what migrations created (root page,
    default site, root collection) after the previous transactional test's flush.
    """
    settings.PAGE_CACHE = False
    settings.MEDIA_ROOT = tmp_path
    return request.getfixturevalue("site_tree")


class AsgiLiveServer:
    """uvicorn serving `network_site.asgi.application` (and the static files) on a free port, in a thread.

    pytest-django's `live_server` speaks WSGI only, and the in-memory channel
    layer and the test database belong to the test process: pages that follow a
    WebSocket are tested against this server instead.
    """

    def __init__(self):
        import uvicorn
        from django.conf import settings
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

        from network_site.asgi import application

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        # Open WebSockets are closed at shutdown; their consumers get a few seconds to finish.
        config = uvicorn.Config(
            ASGIStaticFilesHandler(application),
            lifespan="off",
            log_level="warning",
            ws="websockets-sansio",
            ws_max_size=settings.WEBSOCKET_MAX_FRAME_BYTES,
            timeout_graceful_shutdown=3,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc_info):
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()
        if self.thread.is_alive():
            raise RuntimeError("uvicorn did not stop within 10 s: its consumers would outlive the test")
        # The database connections of finished request threads close when they are collected;
        # until then PostgreSQL refuses to drop the test database at the end of the session.
        gc.collect()


@pytest.fixture
def asgi_server(browser_site):
    """The site of `browser_site` served over HTTP and WebSockets."""
    with AsgiLiveServer() as server:
        yield server
