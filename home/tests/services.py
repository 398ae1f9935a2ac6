"""Services of a test's own: a `redis-server` and a PostgreSQL cluster it may stop and start again.

Tests that stop a service never stop the shared one (other test processes use it):
each starts its own, on a free port, with no persistence, and ends it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from .servers import database_url_of_this_test, free_port


class RedisServer:
    """A `redis-server` on a free port of 127.0.0.1; `stop()` and `start()` as often as a test needs."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for_port(self.port):
            self.stop()
            raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def wait_for_port(port: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class PostgresCluster:
    """A PostgreSQL cluster of its own (`initdb`, `pg_ctl`) in a temporary folder, on a free port.

    PostgreSQL refuses to run as root: when the tests do, the cluster runs as the `postgres` user.
    Durability is off (`fsync`), as a cluster thrown away at the end of a test needs none.
    """

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="shabaka-pg-"))
        self.data = self.folder / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self._run(["initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])

    @staticmethod
    def available() -> bool:
        return shutil.which("initdb") is not None and shutil.which("pg_ctl") is not None

    def _run(self, command: list[str], check: bool = True) -> None:
        subprocess.run([*self.as_user, *command], check=check, capture_output=True, cwd=self.folder)

    def _pg_ctl(self, *arguments: str, check: bool = True) -> None:
        self._run(["pg_ctl", "-D", str(self.data), *arguments], check=check)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._pg_ctl("-o", options, "-l", str(self.folder / "log"), "-w", "start")
        if not wait_for_port(self.port):
            raise RuntimeError("PostgreSQL did not start")

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "stop")

    def copy_of_the_test_database(self, name: str = "shabaka") -> str:
        """A new database `name` holding what this test has committed to its own; its address."""
        target = self.url(name)
        subprocess.run(["psql", "-q", self.url("postgres"), "-c", f'CREATE DATABASE "{name}"'], check=True)
        dump_command = ["pg_dump", "--no-owner", "--no-privileges", database_url_of_this_test()]
        dump = subprocess.run(dump_command, check=True, capture_output=True)
        restore = ["psql", "-q", "-v", "ON_ERROR_STOP=1", target]
        subprocess.run(restore, input=dump.stdout, check=True, capture_output=True)
        return target

    def remove(self) -> None:
        self._pg_ctl("-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_postgres():
    """A PostgreSQL cluster of this test's own, started."""
    if not PostgresCluster.available():
        pytest.skip("initdb and pg_ctl are not installed")
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.remove()


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


def post_through_restarts(post, senders: int, services, pause: float = 0.1) -> tuple[dict[str, int], dict[int, int]]:
    """Load from `senders` threads while each of `services` stops for two seconds and starts again.

    Each thread calls `post(number, turn)`, which sends one thing and returns (its key, the status
    the sender saw), turn after turn, until the restarts are over, then once more. Returns the
    status of every key and the last status each sender saw.
    """
    statuses: dict[str, int] = {}
    last_statuses: dict[int, int] = {}
    restarts_over = threading.Event()

    def sender(number: int) -> None:
        turn = 0
        while True:
            last = restarts_over.is_set()
            key, status = post(number, turn)
            statuses[key] = status
            turn += 1
            if last:
                last_statuses[number] = status
                return
            time.sleep(pause)

    threads = [threading.Thread(target=sender, args=(number,)) for number in range(senders)]
    for thread in threads:
        thread.start()
    while len(statuses) < 2 * senders:  # everyone is sending
        time.sleep(0.1)
    for service in services:
        service.stop()
        time.sleep(2)
        service.start()
        time.sleep(1)
    restarts_over.set()
    for thread in threads:
        thread.join(timeout=60)
    return statuses, last_statuses
