"""What the benchmarks that build their own data (`submissions.py`, `exports.py`, `workshops.py`) share.

* an Arabic home page with the default Site, and on it a 20-question public
  consultation (short and long text, single and multiple choice, yes/no,
  rating, number, date, e-mail; no file question; nine of them are the test
  factories' own, from `consultations.sample_questions`) built with the ORM in a
  benchmark database, and valid answers to it;
* the benchmark database itself (a SQLite file or a PostgreSQL database that is
  created, then dropped), migrated with the production settings;
* the ASGI server as a subprocess, CPU time from /proc, the machine's figures;
* waiting until no other benchmark (`wrk`, `bench/pages.py`) is running, and taking turns with
  other runs of these three scripts (a lock file);
* the floor of the export benchmarks (bare openpyxl) and the time and memory figures of an export;
* per-run database names (the process id in them), so that two runs never share a database.

The benchmark scripts run Django in subprocesses of their own (`--task ...`),
so that one run can use two databases and each memory figure comes from a
fresh process; the driving process never imports Django.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime
import http.client
import io
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from http.cookies import SimpleCookie
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
QUIET_POLL_SECONDS = 10
# A run during which the rest of the machine used this much of a CPU is flagged as noisy.
NOISY_PERCENT = 25
BATCH = 2000  # responses per bulk_create
# Another benchmark whose load would disturb the figures (and whose figures we would disturb).
OTHER_BENCHMARKS = (["pgrep", "-x", "wrk"], ["pgrep", "-f", r"bench/pages\.py"])
# Runs of submissions.py and exports.py take turns: each holds this lock from start to end.
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RUN_LOCK = Path(tempfile.gettempdir()) / "shabaka-bench-consultations.lock"

# --- The questionnaire ------------------------------------------------------------------

REGIONS = [
    "tanger | Tanger-Tétouan-Al Hoceïma",
    "oriental | Oriental",
    "fes | Fès-Meknès",
    "rabat | Rabat-Salé-Kénitra",
    "beni | Béni Mellal-Khénifra",
    "casa | Casablanca-Settat",
    "marrakech | Marrakech-Safi",
    "draa | Drâa-Tafilalet",
    "souss | Souss-Massa",
    "guelmim | Guelmim-Oued Noun",
    "laayoune | Laâyoune-Sakia El Hamra",
    "dakhla | Dakhla-Oued Ed-Dahab",
]

# With the nine of the test factories' consultation that `questions()` adds, 20 questions: 3 short texts,
# 3 long texts, 2 single choices, 2 multiple choices, 2 yes/no, 2 ratings, 2 numbers (one shown only
# after "yes"), 2 dates, 2 e-mails.
MORE_QUESTIONS = [
    {"code": "partner", "field_type": "short_text", "label": "Partenaire principal", "required": False},
    {"code": "lessons", "field_type": "long_text", "label": "Leçons apprises"},
    {
        "code": "region",
        "field_type": "single_choice",
        "label": "Région",
        "choices": "\n".join(REGIONS),
        "widget": "dropdown",
    },
    {
        "code": "channels",
        "field_type": "multiple_choice",
        "label": "Canaux d'information",
        "choices": "radio | Radio\nposters | Affiches\nsocial | Réseaux sociaux\nmosque | Annonces\nschool | Écoles",
        "required": False,
    },
    {"code": "youth", "field_type": "yes_no", "label": "Les jeunes ont-ils participé ?"},
    {"code": "trust", "field_type": "rating", "label": "Confiance dans le conseil", "min_value": 0, "max_value": 10},
    {"code": "budget", "field_type": "number", "label": "Budget (dirhams)", "min_value": 0, "max_value": 100_000_000},
    {"code": "started", "field_type": "date", "label": "Date de lancement"},
    {"code": "reply-to", "field_type": "email", "label": "Courriel du service"},
    {"code": "summary", "field_type": "short_text", "label": "Résumé en une phrase"},
    {"code": "advice", "field_type": "long_text", "label": "Conseils aux autres communes", "required": False},
]


def questions() -> list[dict]:
    """The benchmark's 20 questions (inside Django: `consultations` is the project's)."""
    from consultations.sample_questions import sample_questions

    shared = sample_questions(
        "name", "story", "axis", "tools", "plan", "plan-year", "satisfaction", "meeting", "contact"
    )
    return [*shared, *MORE_QUESTIONS]


WORDS_FR = (
    "commune conseil citoyens budget participatif quartier jeunes femmes association projet eau route école "
    "transparence réunion plan action suivi évaluation concertation proposition village province"
).split()
WORDS_AR = (
    "الجماعة المجلس المواطنين الميزانية التشاركية الحي الشباب النساء الجمعية المشروع الماء الطريق المدرسة"
).split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS_AR if rng.random() < 0.3 else WORDS_FR, k=words))


def answers(rng: random.Random, token: str) -> tuple[dict, dict]:
    """A valid answer: (form_data as the site stores it, data as the browser posts it).

    `token` starts the first question's answer, so that every answer is unique (the site drops
    the same answer posted twice within 10 s by the same client) and can be found in the database.
    """
    plan = rng.choice(["yes", "no"])
    meeting = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(3000))
    started = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(5000))
    stored = {
        "name": f"{token} {_text(rng, 3)}",
        "story": _text(rng, rng.randrange(20, 60)),
        "axis": rng.choice(["competences", "finance", "staff", "other"]),
        "tools": rng.sample(["budget", "petitions", "youth"], rng.randrange(1, 3)),
        "plan": plan,
        "satisfaction": rng.randrange(1, 6),
        "meeting": meeting.isoformat(),
        "contact": f"contact{rng.randrange(10_000)}@commune.example.ma" if rng.random() < 0.7 else "",
        "partner": _text(rng, 2) if rng.random() < 0.5 else "",
        "lessons": _text(rng, rng.randrange(10, 40)),
        "region": rng.choice(REGIONS).split(" | ")[0],
        "channels": rng.sample(["radio", "posters", "social", "mosque", "school"], rng.randrange(0, 4)),
        "youth": rng.choice(["yes", "no"]),
        "trust": rng.randrange(0, 11),
        "budget": rng.randrange(0, 5_000_000),
        "started": started.isoformat(),
        "reply-to": f"service{rng.randrange(1000)}@commune.example.ma",
        "summary": _text(rng, 8),
        "advice": _text(rng, rng.randrange(5, 30)) if rng.random() < 0.6 else "",
    }
    if plan == "yes":
        stored["plan-year"] = rng.randrange(2015, 2031)
    if stored["axis"] == "other":
        stored["axis__other"] = _text(rng, 2)
    posted = {code: value if isinstance(value, list) else str(value) for code, value in stored.items()}
    posted.update(consent="on", respondent_name=f"Répondant {token}", respondent_commune="Tétouan")
    return stored, posted


def build_home():
    """The Arabic home page (depth 2, with the default Site on 127.0.0.1), on a freshly migrated database."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    locale = Locale.objects.get_or_create(language_code="ar")[0]
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="شبكة", slug="ar", locale=locale))
    Site.objects.all().delete()
    Site.objects.create(hostname=HOST, port=80, root_page=home, is_default_site=True, site_name="Shabaka")
    return home


def build_consultation(slug: str = "bench-consultation", index=None):
    """A 20-question public consultation, open for a month, under `index` (by default a new home page's).

    Runs inside Django, on a freshly migrated benchmark database. Returns the ConsultationPage.
    """
    from django.utils import timezone

    from consultations.models import ConsultationIndexPage, ConsultationPage, Question

    if index is None:
        home = build_home()
        index = home.add_child(
            instance=ConsultationIndexPage(title="الاستشارات", slug="consultations", locale=home.locale)
        )
    locale = index.locale
    now = timezone.now()
    page = index.add_child(
        instance=ConsultationPage(
            title="Consultation de référence",
            slug=slug,
            locale=locale,
            audience=ConsultationPage.Audience.PUBLIC,
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=30),
        )
    )
    for order, spec in enumerate(questions()):
        Question.objects.create(page=page, sort_order=order, locale=locale, **{"required": True, **spec})
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def insert_responses(page, start: int, count: int) -> dict:
    """Responses number `start` to `start + count - 1` (`bulk_create`), as the online form stores them."""
    from django.db import transaction
    from django.utils import timezone

    from consultations.models import Response

    now = timezone.now()
    started = time.perf_counter()
    for first in range(start, start + count, BATCH):
        batch = []
        for number in range(first, min(first + BATCH, start + count)):
            rng = random.Random(number)
            stored, _posted = answers(rng, f"E-{number:07d}")
            batch.append(
                Response(
                    page=page,
                    consultation_key=page.translation_key,
                    form_data=stored,
                    language="ar",
                    channel=Response.Channel.ONLINE,
                    respondent_name=f"Répondant {number}" if rng.random() < 0.5 else "",
                    respondent_email=f"r{number}@example.ma" if rng.random() < 0.3 else "",
                    respondent_commune=rng.choice(["Tétouan", "Sefrou", "تطوان", ""]),
                    consent_given_at=now,
                )
            )
        with transaction.atomic():
            Response.objects.bulk_create(batch)
    return {"inserted": count, "seconds": time.perf_counter() - started, "total": Response.objects.count()}


# --- Environment and database ----------------------------------------------------------


def bench_environment(database_url: str, media_root: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS=HOST,
        DEBUG="false",
        MEDIA_ROOT=media_root,
        PAGE_CACHE="false",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    for name in ("REDIS_URL", "ASGI_SERVER", "LOG_LEVEL"):
        env.pop(name, None)
    return env


@dataclass
class BenchDatabase:
    """A database of the benchmark's own: created empty, dropped afterwards (even on errors)."""

    url: str

    @property
    def kind(self) -> str:
        return "postgresql" if self.url.startswith(("postgres://", "postgresql://")) else "sqlite"

    def _sqlite_path(self) -> Path:
        if not self.url.startswith("sqlite:////"):
            raise SystemExit(f"give an absolute SQLite path (sqlite:////tmp/...): {self.url}")
        return Path(self.url.removeprefix("sqlite://"))

    def _postgres(self) -> tuple[str, str]:
        parts = urllib.parse.urlsplit(self.url)
        name = parts.path.lstrip("/")
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or "bench" not in name:
            raise SystemExit(f"the benchmark database must be a plain name containing 'bench': {name!r}")
        conninfo = (
            f"host={parts.hostname or HOST} port={parts.port or 5432} user={parts.username or 'postgres'} "
            f"dbname=postgres connect_timeout=5"
        )
        if parts.password:
            conninfo += f" password={urllib.parse.unquote(parts.password)}"
        return conninfo, name

    def _postgres_execute(self, *statements: str) -> None:
        import psycopg

        conninfo, _name = self._postgres()
        with psycopg.connect(conninfo, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def available(self) -> str | None:
        """None when the database server answers, else why not."""
        if self.kind == "sqlite":
            return None
        try:
            self._postgres_execute("SELECT 1")
        except Exception as error:  # noqa: BLE001 - any failure means "skip PostgreSQL"
            return f"{type(error).__name__}: {error}".strip()
        return None

    def create(self) -> None:
        self.drop()
        if self.kind == "postgresql":
            _conninfo, name = self._postgres()
            self._postgres_execute(f'CREATE DATABASE "{name}"')

    def drop(self) -> None:
        if self.kind == "sqlite":
            path = self._sqlite_path()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        else:
            _conninfo, name = self._postgres()
            self._postgres_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def connection_sampler(self) -> ConnectionSampler | None:
        """PostgreSQL: counts the connections to the benchmark database while the load runs."""
        if self.kind != "postgresql":
            return None
        conninfo, name = self._postgres()
        return ConnectionSampler(conninfo, name)

    def server_version(self) -> str:
        if self.kind == "sqlite":
            import sqlite3

            return f"SQLite {sqlite3.sqlite_version}"
        import psycopg

        conninfo, _name = self._postgres()
        with psycopg.connect(conninfo) as connection:
            return "PostgreSQL " + connection.execute("SHOW server_version").fetchone()[0].split()[0]


class ConnectionSampler(threading.Thread):
    """Every 0.5 s, the number of connections to one PostgreSQL database (pg_stat_activity)."""

    def __init__(self, conninfo: str, name: str):
        super().__init__(daemon=True)
        self.conninfo, self.name = conninfo, name
        self.samples: list[int] = []
        self.max_connections = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            self.max_connections = int(connection.execute("SHOW max_connections").fetchone()[0])
            while not self.stopping.wait(0.5):
                query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                self.samples.append(connection.execute(query, [self.name]).fetchone()[0])

    def stop(self) -> dict:
        self.stopping.set()
        self.join(timeout=10)
        return {"max": max(self.samples, default=0), "last": self.samples[-1] if self.samples else 0}


def manage(env: dict[str, str], *command: str) -> None:
    log(f"manage.py {' '.join(command)}")
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def setup_django() -> None:
    """In a task subprocess: Django with the benchmark environment it was started with."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run_task(script: Path, env: dict[str, str], *arguments: str, timeout: float = 1800) -> dict:
    """Run `script --task ...` in a fresh Python process; its last stdout line is a JSON object."""
    done = subprocess.run(
        [sys.executable, str(script), "--task", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"task {' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    if done.stderr.strip():
        log(done.stderr.rstrip())
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"task {' '.join(arguments)} printed no result:\n{done.stdout[-2000:]}")
    return json.loads(lines[-1])


def print_result(result: dict) -> None:
    print(json.dumps(result, default=str), flush=True)


# --- Waiting for a quiet machine ---------------------------------------------------------


def take_turn() -> object:
    """Block until no other run of submissions.py, exports.py or workshops.py is going on; the lock goes with
    the process."""
    import fcntl

    handle = RUN_LOCK.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log("waiting for the other run of submissions.py, exports.py or workshops.py to finish…")
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _ancestors() -> set[int]:
    """This process and its parents (the shell that started it has the script's name in its command line)."""
    pids, pid = set(), os.getpid()
    while pid > 1 and pid not in pids:
        pids.add(pid)
        try:
            raw = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            break
        pid = int(raw[raw.rindex(")") + 2 :].split()[1])
    return pids


def others_running() -> list[int]:
    found, mine = [], _ancestors()
    for command in OTHER_BENCHMARKS:
        done = subprocess.run(command, capture_output=True, text=True)
        found += [int(pid) for pid in done.stdout.split() if int(pid) not in mine]
    return found


def wait_for_quiet(limit: float, idle_limit: float = 0) -> float:
    """Wait (polling every 10 s) until no `wrk` or `bench/pages.py` runs, then up to `idle_limit`
    seconds for the rest of the machine to use less than NOISY_PERCENT of a CPU; seconds waited."""
    started = time.monotonic()
    announced = False
    while others_running():
        if time.monotonic() - started > limit:
            log(f"warning: another benchmark is still running after {limit:.0f} s: measuring anyway")
            break
        if not announced:
            log("waiting for the other benchmark (wrk or bench/pages.py) to finish…")
            announced = True
        time.sleep(QUIET_POLL_SECONDS)
    idle_deadline = time.monotonic() + idle_limit
    while time.monotonic() < idle_deadline:
        busy = machine_busy_seconds()
        time.sleep(2)
        if (machine_busy_seconds() - busy) / 2 < NOISY_PERCENT / 100:
            break
    else:
        if idle_limit:
            log(f"note: the machine was still busy after waiting {idle_limit:.0f} s for it to be idle")
    return time.monotonic() - started


# --- CPU and memory ----------------------------------------------------------------------


def machine_busy_seconds() -> float:
    """CPU time spent by the whole machine (every CPU, every process), from /proc/stat."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values) - idle) / CLOCK_TICKS


def tree_cpu_seconds(pid: int) -> float:
    """utime + stime of a process, of its live descendants and of its reaped children."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                raw = Path(f"/proc/{entry}/stat").read_text()
                fields = raw[raw.rindex(")") + 2 :].split()  # fields[0] is field 3 (state)
                stats[int(entry)] = (int(fields[1]), sum(int(value) for value in fields[11:15]))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += stats.get(current, (0, 0))[1]
        todo += [child for child, (ppid, _) in stats.items() if ppid == current]
    return total / CLOCK_TICKS


def postgres_cpu_seconds() -> float:
    """CPU time of the PostgreSQL server: each postmaster (a `postgres` process whose parent is not one),
    its live backends and the backends it has reaped (they come and go with connections)."""
    commands, parents = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                raw = Path(f"/proc/{entry}/stat").read_text()
                commands[int(entry)] = raw[raw.index("(") + 1 : raw.rindex(")")]
                parents[int(entry)] = int(raw[raw.rindex(")") + 2 :].split()[1])
    postmasters = [
        pid for pid, name in commands.items() if name == "postgres" and commands.get(parents[pid]) != "postgres"
    ]
    return sum(tree_cpu_seconds(pid) for pid in postmasters)


def current_rss_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_SIZE


def reset_peak_rss() -> bool:
    """Linux: reset this process's peak RSS (VmHWM) to its current RSS, so that the peak that
    `getrusage` reports afterwards is the peak of what follows. False where it is not supported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# --- The server ----------------------------------------------------------------------------


class BrowserClient:
    """A browser's side of plain HTTP: one keep-alive connection, its cookies, the CSRF token of a form it got.

    The production settings mark cookies Secure; the benchmark speaks plain HTTP to the server
    (as a proxy that ends TLS would), so the client sends them back itself.
    """

    def __init__(self, port: int, path: str, user_agent: str = "shabaka-bench"):
        self.port, self.path, self.user_agent = port, path, user_agent
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.connection = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(HOST, self.port, timeout=30)

    def reconnect(self) -> None:
        """A new connection, as a browser opens after the server closed an idle one."""
        self.connection.close()
        self.connection = self._connect()

    def request(self, method: str, body: str | None = None, headers: dict | None = None) -> tuple[int, bytes]:
        headers = {"User-Agent": self.user_agent, "Host": f"{HOST}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, self.path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.reconnect()
            raise
        for header in response.msg.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        return response.status, content

    def get_form(self) -> None:
        status, content = self.request("GET")
        match = CSRF_RE.search(content.decode("utf-8", "replace"))
        if status != 200 or match is None or "csrftoken" not in self.cookies:
            raise RuntimeError(f"GET {self.path} gave {status} without a CSRF token")
        self.csrf = match.group(1)


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile of `values` (NaN when there are none)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered)) - 1))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if the benchmark dies without cleaning up."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Server:
    """An ASGI server serving the application on 127.0.0.1 on a free port, as a subprocess.

    By default uvicorn with `workers` processes; any other `command` (`Server.DAPHNE`) names the
    port as `{port}`. Neither server writes an access log.
    """

    APPLICATION = "network_site.asgi:application"
    WS_MAX_SIZE = "65536"  # settings.WEBSOCKET_MAX_FRAME_BYTES, as production serves
    # -v 0: no access log, as uvicorn's --no-access-log.
    DAPHNE = [str(BIN / "daphne"), "-b", HOST, "-p", "{port}", "-v", "0", APPLICATION]

    def __init__(self, env: dict[str, str], workers: int = 1, command: list[str] | None = None):
        if command is None:
            command = [str(BIN / "uvicorn"), self.APPLICATION, "--host", HOST, "--port", "{port}"]
            command += ["--workers", str(workers), "--lifespan", "off", "--no-access-log"]
            command += ["--ws-max-size", self.WS_MAX_SIZE]
            self.name = f"uvicorn ({workers} worker{'s' if workers > 1 else ''})"
        else:
            self.name = Path(command[0]).name
        self.port = free_port()
        self.command = [argument.replace("{port}", str(self.port)) for argument in command]
        self.log_file = tempfile.NamedTemporaryFile(
            prefix=f"shabaka-bench-{Path(command[0]).name}-", suffix=".log", delete=False
        )
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the benchmark, which stops the server itself
            preexec_fn=_die_with_parent,
        )

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError):
                request = urllib.request.Request(self.url("/healthz"), headers={"User-Agent": "shabaka-bench"})
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {timeout} s:\n{self.log_tail()}")

    def log_tail(self, size: int = 3000) -> str:
        return Path(self.log_file.name).read_text(errors="replace")[-size:]

    def first_error(self) -> str:
        """The first traceback the server logged (the cause of a 500), or ''."""
        text = Path(self.log_file.name).read_text(errors="replace")
        start = text.find("Traceback")
        if start < 0:
            return ""
        lines = text[start:].splitlines()
        end = next((i for i, line in enumerate(lines[1:], 1) if line and not line.startswith((" ", "\t"))), 0)
        return "\n".join(lines[: end + 1][-30:])

    def stop(self) -> None:
        if self.process.poll() is None:
            # The whole session: with several workers, uvicorn's children too.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()
        Path(self.log_file.name).unlink(missing_ok=True)


# --- Report --------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine(*database_versions: str) -> dict[str, str]:
    model = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() if shutil.which("nproc") else "?"
    packages = ("Django", "wagtail", "channels", "uvicorn", "openpyxl", "lxml", "psycopg")
    return {
        "nproc": nproc or str(len(os.sched_getaffinity(0))),
        "cpu_model": model,
        "memory": memory,
        "kernel": platform.release(),
        "python": platform.python_version(),
        **{package.lower(): _version(package) for package in packages},
        "databases": ", ".join(database_versions),
        "load_average": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }


def machine_line(info: dict[str, str]) -> str:
    return (
        f"Machine: `nproc` = {info['nproc']} ({info['cpu_model']}), {info['memory']} of memory, Linux "
        f"{info['kernel']}; Python {info['python']}, Django {info['django']}, Wagtail {info['wagtail']}, "
        f"Channels {info['channels']}, uvicorn {info['uvicorn']}, openpyxl {info['openpyxl']}, lxml {info['lxml']}, "
        f"psycopg {info['psycopg']}; {info['databases']}. Load average at the start: {info['load_average']}."
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    align = ["---"] + ["--:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def handle_sigterm() -> None:
    """SIGTERM behaves as Ctrl-C, so that `finally:` blocks stop servers and drop databases."""

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)


# --- Exports (exports.py, workshops.py) --------------------------------------------------------

MB = 1024 * 1024
# An export should take at most this many times the floor's time, and grow memory by less than this.
TARGET_RATIO = 1.2
TARGET_GROWTH_MB = 100


def own_paths(name: str) -> tuple[str, str]:
    """The default database URL and media folder of one run of the script `name`: the process id in
    them, so that two runs at once never drop each other's database."""
    pid = os.getpid()
    return f"sqlite:////tmp/shabaka-bench-{name}-{pid}.sqlite3", f"/tmp/shabaka-bench-{name}-media-{pid}"


def verdict(ours: dict, floor: dict) -> str:
    """How an export compares with the floor and the targets, as words for a report."""
    ratio = ours["seconds"] / floor["seconds"]
    growth = ours["growth_mb"]
    return (
        f"{ratio:.2f}× the floor's time ({'meets' if ratio <= TARGET_RATIO else 'misses'} the {TARGET_RATIO}× "
        f"target), {ours['cpu_seconds'] / floor['cpu_seconds']:.2f}× its CPU time; "
        f"peak growth {growth:.0f} MB ({'meets' if growth < TARGET_GROWTH_MB else 'misses'} the "
        f"{TARGET_GROWTH_MB} MB target)"
    )


def timed(function) -> tuple[object, float]:
    """`function()`'s result and the seconds it took."""
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


FLOOR_TITLE = "floor: openpyxl write_only, values in memory"


def raw_xlsx(path: Path, sheets) -> None:
    """The floor of the export benchmarks: bare openpyxl `write_only` writing (title, headers, rows) given in memory."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        worksheet = workbook.create_sheet(title)
        worksheet.append(headers)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)


@contextlib.contextmanager
def export_figures(path: Path):
    """Measure the block, which writes the workbook `path`: wall and CPU time, the rest of the machine's CPU,
    and peak memory growth (peak RSS after the block minus the RSS just before it, the peak mark reset there).

    Yields a dict that holds the figures once the block is over.
    """
    import gc
    import resource

    figures: dict = {}
    gc.collect()
    reset = reset_peak_rss()
    rss_before = current_rss_bytes()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    busy, cpu = machine_busy_seconds(), time.process_time()
    started = time.perf_counter()
    yield figures
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    busy = machine_busy_seconds() - busy
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures.update(
        seconds=seconds,
        cpu_seconds=cpu,
        other_cpu_percent=max(0.0, 100 * (busy - cpu) / seconds),
        rss_before_mb=rss_before / MB,
        peak_mb=peak / MB,
        growth_mb=(peak - rss_before) / MB,
        peak_reset=reset,
        peak_after_reset_mb=peak_before / MB,
        file_mb=path.stat().st_size / MB,
        rows=data_rows(path),
    )


def data_rows(path: Path) -> int:
    """Rows below the header of the workbook's first sheet (read after the clock stopped)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        name = next(n for n in sorted(archive.namelist()) if n.startswith("xl/worksheets/sheet"))
        rows, tail = 0, b""
        with archive.open(name) as sheet:
            while chunk := sheet.read(1 << 20):
                rows += (tail + chunk).count(b"<row ")  # a 4-byte tail cannot hold a whole "<row "
                tail = chunk[-4:]
    return rows - 1


# --- The driver of the scripts that take turns (submissions.py, exports.py, workshops.py) ------------


def add_run_options(parser: argparse.ArgumentParser, idle_wait: float) -> None:
    """--quiet-timeout, --idle-wait, --json, and the hidden --task that runs one step in a subprocess."""
    parser.add_argument(
        "--quiet-timeout",
        type=float,
        default=3600,
        help="longest wait (s) for another benchmark (wrk, bench/pages.py) to finish before each measurement",
    )
    parser.add_argument(
        "--idle-wait",
        type=float,
        default=idle_wait,
        help=f"then wait up to this many seconds for the rest of the machine to be idle (default {idle_wait:g})",
    )
    parser.add_argument("--json", metavar="FILE", help="also write every figure to this JSON file")
    parser.add_argument("--task", nargs="+", help=argparse.SUPPRESS)


def measured_task(script: Path, env: dict[str, str], args: argparse.Namespace, *arguments: str) -> dict:
    """`run_task` once no other benchmark runs and the machine is idle; the seconds waited are in the result."""
    waited = wait_for_quiet(args.quiet_timeout, args.idle_wait)
    result = run_task(script, env, *arguments)
    result["waited_seconds"] = waited
    return result


@contextlib.contextmanager
def migrated_database(url: str, media_root: str, quiet_timeout: float, prefix: str):
    """A benchmark database created and migrated with the production settings, and a scratch folder.

    Yields (the tasks' environment, the database server's version, the folder);
    the database, the folder and `media_root` are removed afterwards, even on errors.
    """
    database = BenchDatabase(url)
    reason = database.available()
    if reason:
        raise SystemExit(f"the benchmark database is not reachable: {reason}")
    env = bench_environment(url, media_root)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    wait_for_quiet(quiet_timeout)  # migrate would disturb the other benchmark's figures too
    try:
        database.create()
        version = database.server_version()
        manage(env, "migrate", "--noinput", "-v0")
        yield env, version, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        database.drop()
        shutil.rmtree(media_root, ignore_errors=True)


def add_export_options(parser: argparse.ArgumentParser, kinds: Sequence[str], database_url: str, repeat: int) -> None:
    """The options of the export benchmarks (`exports.py`, `workshops.py`), run options included."""
    parser.add_argument("--kinds", default=",".join(kinds), help=f"comma-separated exports: {', '.join(kinds)}")
    parser.add_argument(
        "--repeat",
        type=int,
        default=repeat,
        help=f"fresh processes per export kind, the kinds taking turns; the median is kept (default {repeat})",
    )
    parser.add_argument("--database-url", default=database_url, help="benchmark database (sqlite or postgres)")
    parser.add_argument("--profile", action="store_true", help="also time our export in parts and profile it")
    add_run_options(parser, idle_wait=30)


def check_export_options(parser: argparse.ArgumentParser, args: argparse.Namespace, kinds: Sequence[str]) -> None:
    """`args.kinds` as a list of known kinds, and a `--repeat` of at least 1 (else the parser's error)."""
    args.kinds = [kind.strip() for kind in args.kinds.split(",") if kind.strip()]
    for kind in args.kinds:
        if kind not in kinds:
            parser.error(f"unknown kind: {kind}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")


EXPORT_HEADER = ["Export", "Wall s", "× floor", "CPU s", "Peak growth MB", "Peak RSS MB", "Rows", "File MB"]
EXPORT_NOTE = (
    "Each measurement is a fresh process. Peak growth = peak RSS (`ru_maxrss`) − RSS just before the export "
    "(the floor's values and the Django set-up are in that baseline; the peak mark is reset just before, "
    "through `/proc/self/clear_refs`). CPU s: the process's CPU time during the export. Rows: data rows "
    "in the first sheet of the file written. Other CPU %: "
    f"what the rest of the machine used during the export (\\* at {NOISY_PERCENT} % of a CPU or more: busy machine)."
)


def export_cells(title: str, entry: dict, floor: dict | None) -> list[str]:
    """One export's line of a report table (`EXPORT_HEADER` + "Other CPU %"), a busy machine's figure marked `*`."""
    other = entry["other_cpu_percent"]
    return [
        title,
        f"{entry['seconds']:.2f}",
        f"{entry['seconds'] / floor['seconds']:.2f}×" if floor else "-",
        f"{entry['cpu_seconds']:.2f}",
        f"{entry['growth_mb']:.0f}",
        f"{entry['peak_mb']:.0f}",
        f"{entry['rows']:,}",
        f"{entry['file_mb']:.1f}",
        f"{other:.0f}" + (" *" if other >= NOISY_PERCENT else ""),
    ]


def export_report(exports: list[dict], titles: dict[str, str], group: tuple[str, str] | None = None) -> list[str]:
    """Report lines of measured exports (`measure_exports`' results): a table row each, the note, then how
    each compares with the floor measured with it, every run's wall time included.

    `group` is (field, column title) when the exports were measured in groups (such as sizes), each with its floor.
    """
    groups: dict = {}
    for entry in exports:
        groups.setdefault(entry[group[0]] if group else None, {})[entry["kind"]] = entry
    rows, verdicts = [], []
    for value, kinds in groups.items():
        lead = [f"{value:,}"] if group else []
        floor = kinds.get("floor")
        rows += [[*lead, *export_cells(titles[kind], entry, floor)] for kind, entry in kinds.items()]
        for kind, entry in kinds.items():
            if floor and kind != "floor":
                runs = ", ".join(f"{seconds:.2f}" for seconds in entry["runs"])
                floor_runs = ", ".join(f"{seconds:.2f}" for seconds in floor["runs"])
                where = f"{value:,} {group[1].lower()}, " if group else ""
                verdicts.append(
                    f"- {where}{titles[kind]}: {verdict(entry, floor)}; runs {runs} s against {floor_runs} s."
                )
    header = [*([group[1]] if group else []), *EXPORT_HEADER, "Other CPU %"]
    return [table(header, rows), "", EXPORT_NOTE, "", *verdicts, ""]


def measure_exports(
    script: Path, env: dict[str, str], args: argparse.Namespace, folder: Path, label: str, repeat: int = 1
) -> list:
    """Each export of `args.kinds`, measured in a fresh process (`--task measure KIND PATH`); files deleted after.

    With `repeat`, every kind is measured that many times, the kinds taking turns (so that a slow spell of
    a shared machine falls on all of them); each kind's result is its run of median wall time, with the
    wall time of every run in `runs`.
    """
    runs: dict[str, list] = {kind: [] for kind in args.kinds}
    for _round in range(repeat):
        for kind in args.kinds:
            path = folder / f"{kind}.xlsx"
            result = measured_task(script, env, args, "measure", kind, str(path))
            path.unlink(missing_ok=True)
            log(
                f"  {label}{kind}: {result['seconds']:.1f} s, +{result['growth_mb']:.0f} MB "
                f"(peak {result['peak_mb']:.0f} MB), {result['rows']} rows, {result['file_mb']:.1f} MB file"
            )
            runs[kind].append(result)
    results = []
    for kind_runs in runs.values():
        median = sorted(kind_runs, key=lambda result: result["seconds"])[len(kind_runs) // 2]
        results.append({**median, "runs": [result["seconds"] for result in kind_runs]})
    return results


def breakdown_and_profile(script: Path, env: dict[str, str], args: argparse.Namespace, folder: Path) -> tuple:
    """Our export timed in parts (`--task breakdown PATH`, measured), then profiled (`--task profile PATH`)."""
    breakdown = measured_task(script, env, args, "breakdown", str(folder / "breakdown.xlsx"))
    log(f"  breakdown of ours: {breakdown}")
    return breakdown, run_task(script, env, "profile", str(folder / "profile.xlsx"))


def profile_call(function, lines: int = 18) -> dict[str, str]:
    """cProfile's top `lines` functions of `function()`, by own time (`tottime`) and by `cumulative` time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    texts = {}
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order).print_stats(lines)
        texts[order] = buffer.getvalue()
    return texts


# The parts of every export's breakdown that only write: the site's writer, then the floor, on the same values.
WRITING_PARTS = {
    "site_writer_values_in_memory": "the site's writer (`home.spreadsheets.write_xlsx`), values in memory",
    "raw_openpyxl_values_in_memory": "raw openpyxl write_only, same values in memory (the floor)",
}


def parts_and_profile(results: dict, heading: str, titles: dict[str, str], profile_heading: str) -> list[str]:
    """Report lines: the export timed in parts (`results["breakdown"]`: `titles`, then `WRITING_PARTS` and the
    whole export), then its profile by own time."""
    out = []
    if results.get("breakdown"):
        parts = results["breakdown"]
        titles = {**titles, **WRITING_PARTS, "whole_export": "the whole export"}
        rows = [[title, f"{parts[key]:.2f}"] for key, title in titles.items()]
        out += [heading, "", table(["Part", "Seconds"], rows), ""]
    if results.get("profile"):
        out += [profile_heading, "", "```", results["profile"]["tottime"].strip(), "```", ""]
    return out


def run_script(args: argparse.Namespace, task, run, report, options: dict) -> int:
    """A script's `main()`: one step in this subprocess (`--task`), or the whole run, taking turns with the
    other scripts; the report goes to stdout, every figure to --json, progress to stderr."""
    if args.task:
        task(args.task)
        return 0
    handle_sigterm()
    turn = take_turn()  # noqa: F841 - held until the process ends
    started = time.monotonic()
    try:
        info = machine()
        results = run(args)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    info["databases"] = results["version"]
    print(report(info, results))
    if args.json:
        document = {"machine": info, "options": options, "results": results}
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0
