"""A live session through a Redis and a PostgreSQL restart: every idea acknowledged reaches the board.

A real server process runs on a PostgreSQL cluster and a Redis of this test's own (never the
shared ones), loaded with a copy of the test database. Participants post ideas from several
threads while a board follows the session over a WebSocket, as `static/js/live.js` does: it
advances over contiguous event numbers, asks again (`hello` with the number it reached) when a
gap stays open for a second, and reconnects half a second after losing its socket. Redis stops
for two seconds, then the database does. Every post must get a success (200) or the documented
503; every idea acknowledged must be stored once and be on the board once the faults are over.
"""

import asyncio
import json
import threading
import time
from collections import Counter

import psycopg
import pytest
from django.db import connection

from home.tests.servers import free_port, is_ready, start_server, status_seen, stop_server
from home.tests.services import post_through_restarts

PARTICIPANTS = 4


class Board:
    """A board in a thread of its own: the texts of the ideas it has shown, its reconnections."""

    def __init__(self, port: int, code: str):
        self.url = f"ws://127.0.0.1:{port}/ws/live/{code}/"
        self.origin = f"http://127.0.0.1:{port}"
        self.texts: set[str] = set()
        self.reconnections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self.follow()))

    async def follow(self) -> None:
        import websockets

        since, ahead = 0, set()
        while not self.stop.is_set():
            try:
                async with websockets.connect(self.url, additional_headers={"Origin": self.origin}) as socket:
                    await socket.send(json.dumps({"type": "hello", "since": since}))
                    gap_since = None
                    while not self.stop.is_set():
                        try:
                            event = json.loads(await asyncio.wait_for(socket.recv(), 0.5))
                        except TimeoutError:
                            if ahead and gap_since and time.monotonic() - gap_since > 1:
                                await socket.send(json.dumps({"type": "hello", "since": since}))
                                gap_since = time.monotonic()
                            continue
                        if isinstance(event.get("up_to"), int):
                            since = max(since, event["up_to"])
                        number = event.get("id")
                        if isinstance(number, int) and number > since:
                            ahead.add(number)
                            gap_since = gap_since or time.monotonic()
                        while since + 1 in ahead:
                            ahead.discard(since + 1)
                            since += 1
                        ahead = {later for later in ahead if later > since}
                        gap_since = gap_since if ahead else None
                        if event.get("type") == "idea" and event["idea"].get("text"):
                            self.texts.add(event["idea"]["text"])
            except (OSError, websockets.WebSocketException):
                pass
            self.reconnections += 1
            await asyncio.sleep(0.5)


@pytest.mark.django_db(transaction=True)
def test_a_board_shows_every_acknowledged_idea_after_a_redis_and_a_database_restart(live_site, own_postgres, own_redis):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: its own cluster is filled from the test database")
    database_url = own_postgres.copy_of_the_test_database()
    port = free_port()
    server = start_server(port, DATABASE_URL=database_url, REDIS_URL=own_redis.url)
    base, path = f"http://127.0.0.1:{port}", f"/fr/live/{live_site.code}/"
    board = Board(port, live_site.code)

    def post_idea(number: int, turn: int) -> tuple[str, int]:
        text = f"idée {number}-{turn}"
        return text, status_seen(base, path, {"text": text})

    try:
        board.thread.start()
        statuses, _last = post_through_restarts(post_idea, PARTICIPANTS, [own_redis, own_postgres])
        assert is_ready(base), "the server did not recover by itself"
        acknowledged = {text for text, status in statuses.items() if status == 200}
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not acknowledged <= board.texts:
            time.sleep(0.2)
    finally:
        board.stop.set()
        board.thread.join(timeout=10)
        stop_server(server)

    outcomes = Counter(statuses.values())
    assert set(outcomes) <= {200, 503}, outcomes
    assert board.reconnections, "the restarts did not reach the board: the test missed them"
    assert acknowledged - board.texts == set(), f"not on the board: {sorted(acknowledged - board.texts)}"
    with psycopg.connect(database_url) as stored:
        texts = Counter(row[0] for row in stored.execute("SELECT text FROM workshops_idea"))
    assert all(texts[text] == 1 for text in acknowledged), texts
