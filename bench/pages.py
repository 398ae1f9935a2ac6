#!/usr/bin/env python
"""Benchmark of the public pages: SQL queries, throughput, latency and server CPU per request.

    .venv/bin/python bench/pages.py [--duration 5] [--connections 8] [--servers uvicorn,daphne]
                                    [--database-url URL] [--json FILE] [--show-queries [PAGE]]

Everything runs on 127.0.0.1, against a database of its own (default
sqlite:////tmp/shabaka-bench.sqlite3, media in /tmp/shabaka-bench-media):

1. migrate, collectstatic and `load_demo --if-empty` with the production settings;
2. count the SQL queries of one request per page with Django's test client, page cache off;
3. for each ASGI server and each mode (page cache off, then on), start the server as a
   subprocess with one worker, load each page with wrk for --duration seconds and read
   the server's CPU time (utime + stime of the process and its children, /proc) before
   and after: CPU ms per request = CPU time / requests answered. /healthz is the floor.

Prints Markdown tables on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import benchlib

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "sqlite:////tmp/shabaka-bench.sqlite3"
DEFAULT_MEDIA_ROOT = "/tmp/shabaka-bench-media"
HOST = "127.0.0.1"
WARMUP_REQUESTS = 3
IN_PROCESS_REQUESTS = 20
# A run during which the rest of the machine used this much of a CPU is flagged as noisy.
NOISY_PERCENT = 25
OTHER_LOAD_WAIT_SECONDS = 600
MODES = {"uncached": "false", "cached": "true"}
MODE_TITLES = {"uncached": "page cache off", "cached": "page cache on"}

# (name, path); the news item is discovered from the database.
PAGES = [
    ("healthz", "/healthz"),
    ("home (ar)", "/ar/"),
    ("commune index (fr)", "/fr/communes/"),
    ("commune (fr)", "/fr/communes/tetouan/"),
    ("experience (fr)", "/fr/communes/tetouan/tetouan-commune-ouverte-2023-2026/"),
    ("news index (ar)", "/ar/news/"),
    ("news item (ar)", None),
    ("about (en)", "/en/about/"),
    ("search (fr)", "/fr/search/?q=" + urllib.parse.quote("Tétouan")),
]

# wrk reports its figures through this script, as one JSON line.
WRK_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,'
    .. '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page (default 5)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--servers", default="uvicorn,daphne", help="comma-separated: uvicorn, daphne")
    parser.add_argument("--modes", default="uncached,cached", help="comma-separated: uncached, cached")
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="benchmark database: sqlite:////path or postgres://user@host/name (created if missing)",
    )
    parser.add_argument("--media-root", default=DEFAULT_MEDIA_ROOT, help="media directory of the demo images")
    parser.add_argument("--fresh", action="store_true", help="delete the SQLite benchmark database first")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to this JSON file")
    parser.add_argument(
        "--show-queries",
        nargs="?",
        const="heaviest",
        metavar="PAGE",
        help="print the SQL of one page (default: the one with the most queries)",
    )
    args = parser.parse_args()
    args.servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for server in args.servers:
        if server not in ("uvicorn", "daphne"):
            parser.error(f"unknown server: {server}")
    for mode in args.modes:
        if mode not in MODES:
            parser.error(f"unknown mode: {mode}")
    if not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install wrk)")
    return args


# --- Preparation -------------------------------------------------------------------------


def bench_environment(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="false",
        MEDIA_ROOT=args.media_root,
        PAGE_CACHE="false",
        PYTHONUNBUFFERED="1",
    )
    for name in ("REDIS_URL", "ASGI_SERVER", "LOG_LEVEL"):
        env.pop(name, None)
    return env


def create_postgres_database(url: str) -> None:
    """Create the PostgreSQL database of `url` when it does not exist yet."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = urllib.parse.unquote(parts.path.lstrip("/"))
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres", query="", fragment=""))
    with psycopg.connect(server, autocommit=True, connect_timeout=10) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            log(f"CREATE DATABASE {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> None:
    if args.database_url.startswith("sqlite:///"):
        if args.fresh:
            path = Path(args.database_url.removeprefix("sqlite://"))
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    elif args.database_url.startswith(("postgres://", "postgresql://")):
        create_postgres_database(args.database_url)
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["load_demo", "--if-empty"],
    ):
        log(f"manage.py {' '.join(command)}")
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


# --- Queries per page (in process) -----------------------------------------------------------


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def discover_pages() -> list[tuple[str, str]]:
    from home.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="ar").order_by("-date", "-pk").first()
    if news is None:
        raise SystemExit("the demo has no Arabic news item")
    return [(name, path if path is not None else news.url) for name, path in PAGES]


def count_queries(pages: list[tuple[str, str]]) -> dict[str, dict]:
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"host": HOST})
    counts = {}
    for name, path in pages:
        client.get(path)  # warm-up: templates, renditions, Site lookup
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        sql = [query["sql"] for query in context.captured_queries]  # read now: the next request clears the log
        cpu = time.process_time()
        for _ in range(IN_PROCESS_REQUESTS):
            client.get(path)
        cpu = time.process_time() - cpu
        counts[name] = {
            "path": path,
            "status": response.status_code,
            "queries": len(sql),
            "bytes": len(response.content),
            "in_process_cpu_ms": 1000 * cpu / IN_PROCESS_REQUESTS,
            "sql": sql,
        }
        log(f"queries {path}: {response.status_code}, {counts[name]['queries']}")
    connections.close_all()
    return counts


def compact(sql: str) -> str:
    """The query with its column list elided."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT ... FROM ", sql, count=1, flags=re.DOTALL)


def query_shape(sql: str) -> str:
    """The compact query with its literals replaced, to group repeated queries."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", compact(sql))
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"IN \((?:\?, )*\?\)", "IN (...)", sql)


def show_queries(counts: dict[str, dict], which: str) -> str:
    if which == "heaviest":
        which = max(counts, key=lambda name: counts[name]["queries"])
    if which not in counts:
        which = next((name for name, entry in counts.items() if entry["path"] == which), which)
    if which not in counts:
        raise SystemExit(f"--show-queries: unknown page {which!r}; pages: {', '.join(counts)}")
    entry = counts[which]
    lines = [f"### SQL of {which} (`{entry['path']}`): {entry['queries']} queries", ""]
    shapes = Counter(query_shape(sql) for sql in entry["sql"])
    repeated = [(n, shape) for shape, n in shapes.most_common() if n > 1]
    if repeated:
        lines += ["Repeated query shapes:", ""]
        lines += [f"- {n}x `{shape}`" for n, shape in repeated]
        lines.append("")
    lines += ["Queries, column lists elided:", ""]
    lines += [f"{i}. `{compact(sql)}`" for i, sql in enumerate(entry["sql"], 1)]
    lines += ["", "Full SQL:", "", "```sql"]
    lines += [f"-- {i}\n{sql}" for i, sql in enumerate(entry["sql"], 1)]
    lines += ["```", ""]
    return "\n".join(lines)


# --- Servers and load ------------------------------------------------------------------------


def get(url: str) -> tuple[int, dict[str, str], int]:
    """Status, headers (names in lower case) and body size of one GET."""
    request = urllib.request.Request(url, headers={"User-Agent": "shabaka-bench"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, headers, size = response.status, response.headers, len(response.read())
    except urllib.error.HTTPError as error:
        status, headers, size = error.code, error.headers, len(error.read())
    return status, {name.lower(): value for name, value in headers.items()}, size


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(url: str, args: argparse.Namespace, script: str) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s"]
    command += ["-s", script, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 60)
    output = done.stdout
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr}{output}")
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise RuntimeError(f"no figures in wrk's output:\n{output}")


def other_load_generators() -> list[int]:
    """`wrk` processes that are not ours: another benchmark is loading the machine."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, ValueError):
                raw = Path(f"/proc/{entry}/stat").read_text()
                name, ppid = raw[raw.index("(") + 1 : raw.rindex(")")], int(raw[raw.rindex(")") + 2 :].split()[1])
                if name == "wrk" and ppid != os.getpid():
                    found.append(int(entry))
    return found


def wait_for_other_load(limit: float = OTHER_LOAD_WAIT_SECONDS) -> None:
    """Never run two load tests at once: wait (bounded) while another benchmark's wrk runs."""
    deadline = time.monotonic() + limit
    announced = False
    while other_load_generators():
        if time.monotonic() > deadline:
            log(f"warning: another wrk still runs after {limit:.0f} s: measuring anyway")
            return
        if not announced:
            log("waiting for another benchmark's wrk to finish...")
            announced = True
        time.sleep(2)


def measure(server: benchlib.Server, path: str, args: argparse.Namespace, script: str) -> dict:
    """One wrk run against one page, with the server's CPU time and the rest of the machine's."""
    for _ in range(WARMUP_REQUESTS):
        status, headers, size = get(server.url(path))
    busy_before, wrk_before = benchlib.machine_busy_seconds(), children_cpu_seconds()
    cpu_before = benchlib.tree_cpu_seconds(server.process.pid)
    figures = run_wrk(server.url(path), args, script)
    cpu = benchlib.tree_cpu_seconds(server.process.pid) - cpu_before
    wrk_cpu = children_cpu_seconds() - wrk_before
    other = benchlib.machine_busy_seconds() - busy_before - cpu - wrk_cpu
    requests = figures["requests"]
    duration = figures["duration_us"] / 1e6
    return {
        "path": path,
        "status": status,
        "page_cache": headers.get("x-page-cache", "-"),
        "bytes": size,
        "requests": requests,
        "errors": sum(figures[key] for key in ("connect", "read", "write", "status", "timeout")),
        "rps": requests / duration,
        "p50_ms": figures["p50_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "cpu_seconds": cpu,
        "cpu_ms": 1000 * cpu / requests if requests else float("nan"),
        "cpu_percent": 100 * cpu / duration,
        "wrk_cpu_percent": 100 * wrk_cpu / duration,
        "other_cpu_percent": max(0.0, 100 * other / duration),
    }


def bench_server(server_name, mode, pages, env, args, script) -> dict[str, dict]:
    env = dict(env, PAGE_CACHE=MODES[mode])
    wait_for_other_load()
    server = benchlib.Server(env, command=benchlib.Server.DAPHNE if server_name == "daphne" else None)
    results = {}
    try:
        server.wait_ready()
        log(f"{server_name} ({MODE_TITLES[mode]}) on port {server.port}, pid {server.process.pid}")
        for name, path in pages:
            results[name] = result = measure(server, path, args, script)
            log(
                f"  {path}: {result['rps']:.0f} req/s, {result['cpu_ms']:.2f} CPU ms/req"
                + (f", {result['errors']} errors" if result["errors"] else "")
            )
    finally:
        server.stop()
    floor = results.get("healthz", {}).get("cpu_ms")
    for entry in results.values():
        entry["x_healthz"] = entry["cpu_ms"] / floor if floor else float("nan")
    return results


# --- Report ----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import django
    import wagtail

    model = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    return {
        "cpus": str(os.cpu_count()),
        "cpu_model": model,
        "memory": memory,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": os.environ["DATABASE_URL"].split(":", 1)[0],
    }


def table(header: list[str], rows: list[list[str]], text_columns: int = 1) -> str:
    """A Markdown table: the first `text_columns` columns aligned left, the figures right."""
    align = ["---"] * text_columns + ["--:"] * (len(header) - text_columns)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def cpu_cell(result: dict | None) -> str:
    if result is None:
        return "-"
    return f"{result['cpu_ms']:.2f}" + (" *" if result["other_cpu_percent"] >= NOISY_PERCENT else "")


def report(info, args, counts, results) -> str:
    out = [
        f"Machine: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory']}; Python {info['python']}, "
        f"Django {info['django']}, Wagtail {info['wagtail']}; database {info['database']}.",
        f"Load: wrk -t{args.threads} -c{args.connections} -d{args.duration}s per page, one server worker; "
        f"load average when the benchmark started: {info['load_average']}.",
        "",
        "### SQL queries per request (test client, page cache off)",
        "",
        f"In-process CPU ms: mean of {IN_PROCESS_REQUESTS} requests through the test client (synchronous handler,"
        " no server, database connection kept open).",
        "",
        table(
            ["Page", "URL", "Status", "Queries", "HTML KB", "In-process CPU ms"],
            [
                [
                    name,
                    f"`{c['path']}`",
                    str(c["status"]),
                    str(c["queries"]),
                    f"{c['bytes'] / 1024:.1f}",
                    f"{c['in_process_cpu_ms']:.1f}",
                ]
                for name, c in counts.items()
            ],
            text_columns=2,
        ),
        "",
    ]
    if results:
        out += [
            "CPU ms/req: CPU time of the server process (and children) during the run / requests answered. "
            "Server CPU %: of one core. Other CPU %: the rest of the machine during the run, wrk excluded "
            "(background noise). Cache: X-Page-Cache of the last warm-up response.",
            "",
        ]
    for (server, mode), pages in results.items():
        rows = [
            [
                name,
                f"{r['rps']:.0f}",
                f"{r['p50_ms']:.1f}",
                f"{r['p99_ms']:.1f}",
                f"{r['cpu_ms']:.2f}",
                f"{r['x_healthz']:.1f}",
                f"{r['cpu_percent']:.0f}",
                f"{r['other_cpu_percent']:.0f}",
                r["page_cache"],
                str(r["errors"]) if r["status"] == 200 else f"{r['errors']} (HTTP {r['status']})",
            ]
            for name, r in pages.items()
        ]
        out += [
            f"### {server}, {MODE_TITLES[mode]}",
            "",
            table(
                ["Page", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "x /healthz", "server CPU %", "other CPU %"]
                + ["cache", "errors"],
                rows,
            ),
            "",
        ]
    if results:
        columns = list(results)
        out += [
            "### Server CPU ms per request",
            "",
            table(
                ["Page", "Queries"] + [f"{server}, {MODE_TITLES[mode]}" for server, mode in columns],
                [
                    [name, str(counts[name]["queries"])] + [cpu_cell(results[c].get(name)) for c in columns]
                    for name in counts
                ],
            ),
            "",
            f"\\* the rest of the machine used {NOISY_PERCENT} % of a CPU or more during that run.",
            "",
        ]
    return "\n".join(out)


def main() -> int:
    args = parse_args()
    started = time.monotonic()
    load_average = " ".join(f"{value:.2f}" for value in os.getloadavg())

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    busy = benchlib.machine_busy_seconds()
    time.sleep(1)
    busy = benchlib.machine_busy_seconds() - busy
    if busy > NOISY_PERCENT / 100:
        log(f"warning: the machine is busy ({100 * busy:.0f} % of a CPU in use): the figures will be noisy")
    env = bench_environment(args)
    script = tempfile.NamedTemporaryFile("w", prefix="shabaka-bench-", suffix=".lua", delete=False)
    try:
        script.write(WRK_LUA)
        script.close()
        prepare_database(args, env)
        setup_django(env)
        pages = discover_pages()
        counts = count_queries(pages)
        info = machine() | {"load_average": load_average}
        results = {}
        for server in args.servers:
            for mode in args.modes:
                results[server, mode] = bench_server(server, mode, pages, env, args, script.name)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        Path(script.name).unlink(missing_ok=True)

    print(report(info, args, counts, results))
    if args.show_queries:
        print(show_queries(counts, args.show_queries))
    if args.json:
        document = {
            "machine": info,
            "options": {key: getattr(args, key) for key in ("duration", "connections", "threads", "servers", "modes")},
            "queries": counts,
            "results": [{"server": s, "mode": m, "pages": pages} for (s, m), pages in results.items()],
        }
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
