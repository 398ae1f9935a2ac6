"""Real ASGI server processes for tests that need several of them (pytest plugin: `two_servers`).

Both servers use the test database and the Redis channel layer, as several
workers do in production; tests using them run only with REDIS_URL and a
PostgreSQL DATABASE_URL (CI's second pass), see `needs_shared_services`.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

needs_shared_services = pytest.mark.skipif(
    not os.environ.get("REDIS_URL") or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (two processes share them)",
)


ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")
# The demo's content and the pages' layout do not depend on the database: the tests that read a
# built demo run once, in the PostgreSQL pass (each build of the demo takes about a minute); the
# SQLite pass, the set-up `make run` uses, builds it twice in `test_load_demo_twice_gives_the_same_site`.
reads_the_demo = pytest.mark.skipif(not ON_POSTGRESQL, reason="reads the built demo: runs in the PostgreSQL pass")
builds_the_demo_twice = pytest.mark.skipif(ON_POSTGRESQL, reason="builds the demo twice: runs in the SQLite pass")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_of_this_test() -> str:
    """The address of this test process's PostgreSQL test database, for other processes."""
    database = connection.settings_dict
    return f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def site_environment(**environment: str) -> dict[str, str]:
    """The environment of another process of the site: the test settings, on the test database unless told."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network_site.settings.test",
        "DATABASE_URL": database_url_of_this_test(),
        "ALLOWED_HOSTS": "127.0.0.1",
        **environment,
    }


def run_django(code: str, **environment: str) -> str:
    """Run Python `code` in `manage.py shell` in a process of its own (`site_environment`); what it printed."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=site_environment(**environment),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout


def start_server(port: int, **environment: str) -> subprocess.Popen:
    """uvicorn serving the site on `port`, on the test database unless `environment` says otherwise."""
    env = site_environment(**environment)
    command = [sys.executable, "-m", "uvicorn", "network_site.asgi:application", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--lifespan", "off", "--no-access-log"]
    command += ["--ws-max-size", str(settings.WEBSOCKET_MAX_FRAME_BYTES)]
    # The server's log goes to a file: a pipe nobody reads fills up, and its writes then block
    # every request thread on the logging lock.
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    log.seek(0)
    raise RuntimeError(log.read().decode()[-2000:])


@pytest.fixture
def two_servers():
    """The ports of two uvicorn processes serving the site."""
    ports = [free_port(), free_port()]
    servers = [start_server(port) for port in ports]
    yield ports
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def session_cookie_for(user) -> str:
    """The value of a session cookie signed in as `user`, for a client outside the test process."""
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def post_form(base: str, path: str, data: dict) -> int:
    """GET a page with a form, then POST `data` to it with its CSRF token, as a browser would; the status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + path, timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
    request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path, "Origin": base})
    return opener.open(request, timeout=10).status


def status_seen(base: str, path: str, data: dict) -> int:
    """`post_form`'s status as the visitor saw it: the page's, or 0 when the server did not answer in 10 s."""
    try:
        return post_form(base, path, data)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def is_ready(base: str, seconds: float = 10) -> bool:
    """Whether the server's readiness probe says 200 within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                return response.status == 200
        except urllib.error.URLError:
            time.sleep(0.2)
    return False


def stop_server(server: subprocess.Popen) -> None:
    """Stop a server from `start_server`: gracefully, or killed when it has not stopped within 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
