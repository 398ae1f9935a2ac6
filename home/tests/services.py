"""Services of a test's own: a `redis-server` it may stop and start again.

Tests that stop a service never stop the shared one (other test processes use it):
each starts its own, on a free port, with no persistence, and ends it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from .servers import free_port


class RedisServer:
    """A `redis-server` on a free port of 127.0.0.1; `stop()` and `start()` as often as a test needs."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def own_redis():
    """A Redis server of this test's own, started."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings_on_own_redis(own_redis, settings):
    """The site's caches and channel layer on `own_redis`, as production sets them from REDIS_URL."""
    from network_site.settings.base import cache_and_channel_layers

    settings.CACHES, settings.CHANNEL_LAYERS = cache_and_channel_layers(own_redis.url)
    return own_redis
