"""A hall answers a consultation while PostgreSQL and Redis restart under it: no acknowledged answer is lost or doubled.

A real server process runs on a PostgreSQL cluster and a Redis of this test's own (never the
shared ones), loaded with a copy of the test database. Citizens answer from several threads while
the database stops for two seconds, then Redis does. Every answer must get a success page (200,
or 202 when held) or the documented 503, and every answer acknowledged must be stored exactly once.
"""

import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import psycopg
import pytest
from django.db import connection

from home.tests.servers import database_url_of_this_test, free_port, post_form, start_server

CITIZENS = 6


def copy_test_database(target_url: str) -> None:
    """The committed contents of this test's database, copied into the cluster at `target_url`."""
    dump_command = ["pg_dump", "--no-owner", "--no-privileges", database_url_of_this_test()]
    dump = subprocess.run(dump_command, check=True, capture_output=True)
    restore = ["psql", "-q", "-v", "ON_ERROR_STOP=1", target_url]
    subprocess.run(restore, input=dump.stdout, check=True, capture_output=True)


def answer(base: str, path: str, data: dict) -> int:
    """The status the citizen saw: the page's, or 0 when the server did not answer within 10 s."""
    try:
        return post_form(base, path, data)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def ready(base: str, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                return response.status == 200
        except urllib.error.URLError:
            time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_answers_survive_a_database_and_a_redis_restart(public_consultation, valid_answers, own_postgres, own_redis):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: its own cluster is filled from the test database")
    subprocess.run(["psql", "-q", own_postgres.url("postgres"), "-c", "CREATE DATABASE shabaka"], check=True)
    database_url = own_postgres.url("shabaka")
    copy_test_database(database_url)
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
            statuses[name] = answer(base, public_consultation.url, {**valid_answers, "name": name})
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
        assert ready(base), "the server did not recover by itself"
    finally:
        server.terminate()
        server.wait(timeout=10)

    outcomes = Counter(statuses.values())
    assert set(outcomes) <= {200, 202, 503}, outcomes
    assert outcomes[503], "the database outage did not show: the load missed it"
    assert set(after_the_faults.values()) <= {200, 202}, after_the_faults  # everyone served again, no restart
    with psycopg.connect(database_url) as stored:
        names = Counter(row[0] for row in stored.execute("SELECT form_data->>'name' FROM consultations_response"))
    acknowledged = {name for name, status in statuses.items() if status in (200, 202)}
    assert acknowledged and all(names[name] == 1 for name in acknowledged), (outcomes, names)
    assert all(count == 1 for count in names.values())
