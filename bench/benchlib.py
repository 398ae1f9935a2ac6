"""What the consultation benchmarks (`submissions.py`, `exports.py`) share.

* a 20-question public consultation (short and long text, single and multiple
  choice, yes/no, rating, number, date, e-mail; no file question) built with
  the ORM in a benchmark database, and valid answers to it;
* the benchmark database itself (a SQLite file or a PostgreSQL database that is
  created, then dropped), migrated with the production settings;
* the ASGI server as a subprocess, CPU time from /proc, the machine's figures;
* waiting until no other benchmark (`wrk`, `bench/pages.py`) is running, and taking turns with
  other runs of these two scripts (a lock file);
* per-run database names (the process id in them), so that two runs never share a database.

The benchmark scripts run Django in subprocesses of their own (`--task ...`),
so that one run can use two databases and each memory figure comes from a
fresh process; the driving process never imports Django.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime
import http.client
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

# 20 questions: 3 short texts, 3 long texts, 2 single choices, 2 multiple choices, 2 yes/no,
# 2 ratings, 2 numbers (one shown only after "yes"), 2 dates, 2 e-mails.
QUESTIONS = [
    {"code": "name", "field_type": "short_text", "label": "Nom du projet", "max_length": 200},
    {"code": "story", "field_type": "long_text", "label": "Décrivez le projet"},
    {
        "code": "axis",
        "field_type": "single_choice",
        "label": "Axe prioritaire",
        "choices": "competences | Compétences\nfinance | Ressources financières\nstaff | Ressources humaines",
        "allow_other": True,
    },
    {
        "code": "tools",
        "field_type": "multiple_choice",
        "label": "Outils utilisés",
        "choices": "budget | Budget participatif\npetitions | Pétitions\nyouth | Conseil des jeunes",
        "min_choices": 1,
        "max_choices": 2,
    },
    {"code": "plan", "field_type": "yes_no", "label": "Avez-vous un plan d'action ?"},
    {
        "code": "plan-year",
        "field_type": "number",
        "label": "Année d'adoption du plan",
        "min_value": 2015,
        "max_value": 2030,
        "show_if_code": "plan",
        "show_if_value": "yes",
    },
    {
        "code": "satisfaction",
        "field_type": "rating",
        "label": "Satisfaction",
        "min_value": 1,
        "max_value": 5,
        "min_label": "Faible",
        "max_label": "Forte",
    },
    {
        "code": "meeting",
        "field_type": "date",
        "label": "Date de la dernière réunion",
        "min_date": datetime.date(2020, 1, 1),
        "max_date": datetime.date(2030, 12, 31),
    },
    {"code": "contact", "field_type": "email", "label": "Courriel de contact", "required": False},
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
assert len(QUESTIONS) == 20

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


def build_consultation(slug: str = "bench-consultation"):
    """Home page (depth 2, with the default Site), consultation index and a 20-question consultation.

    Runs inside Django, on a freshly migrated benchmark database. Returns the ConsultationPage.
    """
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from consultations.models import ConsultationIndexPage, ConsultationPage, Question
    from home.models import HomePage

    locale = Locale.objects.get_or_create(language_code="ar")[0]
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(title="شبكة", slug="ar", locale=locale))
    Site.objects.all().delete()
    Site.objects.create(hostname=HOST, port=80, root_page=home, is_default_site=True, site_name="Shabaka")
    index = home.add_child(instance=ConsultationIndexPage(title="الاستشارات", slug="consultations", locale=locale))
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
    for order, spec in enumerate(QUESTIONS):
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
    """Block until no other run of submissions.py or exports.py is going on; the lock goes with the process."""
    import fcntl

    handle = RUN_LOCK.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log("waiting for the other run of the consultation benchmarks to finish…")
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
            self.connection.close()
            self.connection = self._connect()
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
    """uvicorn serving the ASGI application on 127.0.0.1 with `workers` processes."""

    def __init__(self, env: dict[str, str], workers: int = 1):
        self.name = f"uvicorn ({workers} worker{'s' if workers > 1 else ''})"
        self.port = free_port()
        command = [str(BIN / "uvicorn"), "network_site.asgi:application", "--host", HOST, "--port", str(self.port)]
        command += ["--workers", str(workers), "--lifespan", "off", "--no-access-log"]
        self.log_file = tempfile.NamedTemporaryFile(prefix="shabaka-bench-uvicorn-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            command,
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
