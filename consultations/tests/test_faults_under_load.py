"""Consultations through PostgreSQL and Redis restarts: no acknowledged answer lost or doubled, no export stuck.

A real server process runs on a PostgreSQL cluster and a Redis of this test's own (never the
shared ones), loaded with a copy of the test database. Citizens answer from several threads while
the database stops for two seconds, then Redis does. Every answer must get a success page (200,
or 202 when held) or the documented 503, and every answer acknowledged must be stored exactly once.
An export whose worker the database outage kills must end finished, failed or shown stopped, and
finish once started again; the worker is supervised as docs/operations.md says (restarted after it
exits).
"""

import contextlib
import subprocess
import sys
import threading
import time
from collections import Counter

import psycopg
import pytest
from django.contrib.auth.models import User
from django.db import connection

from consultations.models import ExportJob, Response
from home.tests.servers import (
    ROOT,
    free_port,
    is_ready,
    run_django,
    site_environment,
    start_server,
    status_seen,
    stop_server,
)
from home.tests.services import post_through_restarts

CITIZENS = 6
EXPORTED = 30_000


@pytest.mark.django_db(transaction=True)
def test_answers_survive_a_database_and_a_redis_restart(public_consultation, valid_answers, own_postgres, own_redis):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: its own cluster is filled from the test database")
    database_url = own_postgres.copy_of_the_test_database()
    port = free_port()
    server = start_server(port, DATABASE_URL=database_url, REDIS_URL=own_redis.url)
    base = f"http://127.0.0.1:{port}"

    def answer(number: int, turn: int) -> tuple[str, int]:
        name = f"citoyen {number}-{turn}"
        return name, status_seen(base, public_consultation.url, {**valid_answers, "name": name})

    try:
        statuses, after_the_faults = post_through_restarts(answer, CITIZENS, [own_postgres, own_redis], pause=0.05)
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


class SupervisedWorker:
    """`manage.py db_worker` started again a second after it exits, as systemd's `Restart=always` does."""

    def __init__(self, environment: dict[str, str]):
        self.environment = site_environment(**environment)
        self.stopping = threading.Event()
        self.starts = 0
        self.process: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self.supervise)
        self.thread.start()

    def supervise(self) -> None:
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
        while not self.stopping.is_set():
            self.starts += 1
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            self.process.wait()
            self.stopping.wait(1)

    def stop(self) -> None:
        self.stopping.set()
        if self.process is not None:
            stop_server(self.process)
        self.thread.join(timeout=15)


def export_state(database_url: str, pk: int) -> tuple[str, int, bool]:
    """(status, rows written, whether a running export has not been heard of for 3 s)."""
    with psycopg.connect(database_url) as stored:
        return stored.execute(
            "SELECT status, rows_done, status = 'running' AND heartbeat_at < now() - interval '3 seconds'"
            " FROM consultations_exportjob WHERE id = %s",
            [pk],
        ).fetchone()


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(psycopg.OperationalError):
            if condition():
                return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_an_export_cut_by_a_database_restart_shows_it_stopped_and_starts_again(public_consultation, own_postgres):
    """The worker dies with the database; the export does not stay "running" for ever: it is finished,
    failed or shown stopped (the page offers *Start the export again*), and started again it finishes."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass: its own cluster is filled from the test database")
    key = public_consultation.translation_key
    Response.objects.bulk_create(
        (
            Response(page=public_consultation, consultation_key=key, language="ar", form_data={"name": f"R{n}"})
            for n in range(EXPORTED)
        ),
        batch_size=5000,
    )
    organiser = User.objects.create_user("organiser")
    job = ExportJob.objects.create(consultation_key=key, requested_by=organiser, options={"language": "ar"})
    database_url = own_postgres.copy_of_the_test_database()
    environment = {
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EXPORT_STALLED_AFTER_SECONDS": "3",
    }
    run_django(f"from consultations.tasks import run_export; run_export.enqueue({job.pk})", **environment)
    worker = SupervisedWorker(environment)
    try:
        assert wait_for(lambda: export_state(database_url, job.pk)[1] > 0, 60), "the export never started"
        own_postgres.stop()
        time.sleep(2)
        own_postgres.start()

        def ended_or_stalled() -> bool:
            status, _rows, stalled = export_state(database_url, job.pk)
            return status in ("done", "failed") or stalled

        assert wait_for(ended_or_stalled, 60), export_state(database_url, job.pk)
        if export_state(database_url, job.pk)[0] != "done":
            # What *Start the export again* does (consultations.views.start_export_again).
            again = "from consultations.models import ExportJob; from consultations.tasks import run_export; "
            again += f"job = ExportJob.objects.get(pk={job.pk}); job.start_again() and run_export.enqueue(job.pk)"
            run_django(again, **environment)
        assert wait_for(lambda: export_state(database_url, job.pk)[0] == "done", 120), export_state(
            database_url, job.pk
        )
    finally:
        worker.stop()
    assert worker.starts > 1, "the outage did not reach the worker: the test missed it"
    assert export_state(database_url, job.pk)[:2] == ("done", EXPORTED)
