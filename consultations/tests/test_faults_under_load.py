"""A hall answers a consultation while PostgreSQL and Redis restart under it: no acknowledged answer is lost or doubled.

A real server process runs on a PostgreSQL cluster and a Redis of this test's own (never the
shared ones), loaded with a copy of the test database. Citizens answer from several threads while
the database stops for two seconds, then Redis does. Every answer must get a success page (200,
or 202 when held) or the documented 503, and every answer acknowledged must be stored exactly once.
"""

import threading
import time
from collections import Counter

import psycopg
import pytest
from django.db import connection

from home.tests.servers import free_port, is_ready, start_server, status_seen, stop_server

CITIZENS = 6


@pytest.mark.django_db(transaction=True)
def test_answers_survive_a_database_and_a_redis_restart(public_consultation, valid_answers, own_postgres, own_redis):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: its own cluster is filled from the test database")
    database_url = own_postgres.copy_of_the_test_database()
    port = free_port()
    server = start_server(port, DATABASE_URL=database_url, REDIS_URL=own_redis.url)
    base = f"http://127.0.0.1:{port}"
    statuses: dict[str, int] = {}
    after_the_faults: dict[int, int] = {}
    faults_over = threading.Event()

    def citizen(number: int) -> None:
        """Answers one after the other until the faults are over, then once more."""
        turn = 0
        while True:
            last = faults_over.is_set()
            name = f"citoyen {number}-{turn}"
            statuses[name] = status_seen(base, public_consultation.url, {**valid_answers, "name": name})
            turn += 1
            if last:
                after_the_faults[number] = statuses[name]
                return
            time.sleep(0.05)

    try:
        citizens = [threading.Thread(target=citizen, args=(number,)) for number in range(CITIZENS)]
        for thread in citizens:
            thread.start()
        while len(statuses) < 2 * CITIZENS:  # the hall is answering
            time.sleep(0.1)
        own_postgres.stop()
        time.sleep(2)
        own_postgres.start()
        time.sleep(1)
        own_redis.stop()
        time.sleep(2)
        own_redis.start()
        time.sleep(1)
        faults_over.set()
        for thread in citizens:
            thread.join(timeout=60)
        assert is_ready(base), "the server did not recover by itself"
    finally:
        stop_server(server)

    outcomes = Counter(statuses.values())
    assert set(outcomes) <= {200, 202, 503}, outcomes
    assert outcomes[503], "the database outage did not show: the load missed it"
    assert set(after_the_faults.values()) <= {200, 202}, after_the_faults  # everyone served again, no restart
    with psycopg.connect(database_url) as stored:
        names = Counter(row[0] for row in stored.execute("SELECT form_data->>'name' FROM consultations_response"))
    acknowledged = {name for name, status in statuses.items() if status in (200, 202)}
    assert acknowledged and all(names[name] == 1 for name in acknowledged), (outcomes, names)
    assert all(count == 1 for count in names.values())
