"""Two ASGI server processes sharing Redis: an answer posted through one reaches a WebSocket held by the other.

Runs only with REDIS_URL and a PostgreSQL DATABASE_URL (CI's second pass): both servers then use
the test database and the Redis channel layer, as several workers do in production.
"""

import asyncio
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django.db import connection

from home.roles import ORGANISERS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL") or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs REDIS_URL and a PostgreSQL DATABASE_URL (two processes share them)",
    ),
]
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network_site.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "network_site.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--lifespan",
            "off",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(server.stderr.read().decode()[-2000:])


@pytest.fixture
def two_servers():
    ports = [free_port(), free_port()]
    servers = [start_server(port) for port in ports]
    yield ports
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def session_cookie_for(user) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def post_answers(base: str, path: str, answers: dict) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + path, timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({**answers, "csrfmiddlewaretoken": token}, doseq=True).encode()
    request = urllib.request.Request(base + path, data=data, headers={"Referer": base + path, "Origin": base})
    return opener.open(request, timeout=10).status


def test_an_answer_posted_to_server_a_reaches_a_dashboard_on_server_b(two_servers, public_consultation, valid_answers):
    import websockets

    server_a, server_b = two_servers
    organiser = User.objects.create_user("organiser", password="pw")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    cookie = session_cookie_for(organiser)
    key = str(public_consultation.translation_key)
    path = public_consultation.url

    async def scenario():
        async with websockets.connect(
            f"ws://127.0.0.1:{server_b}/ws/consultations/counts/",
            additional_headers={"Cookie": f"sessionid={cookie}", "Origin": f"http://127.0.0.1:{server_b}"},
        ) as socket_b:
            await socket_b.send(json.dumps({"type": "hello", "since": 0}))
            assert json.loads(await asyncio.wait_for(socket_b.recv(), 10)) == {"type": "count", "key": key, "count": 0}
            status = await asyncio.to_thread(post_answers, f"http://127.0.0.1:{server_a}", path, valid_answers)
            assert status == 200
            event = json.loads(await asyncio.wait_for(socket_b.recv(), 10))
            assert event == {"type": "count", "key": key, "count": 1}

    asyncio.run(scenario())
