#!/usr/bin/env python
"""A mixed population for a minute, in the production shape: pages, answers, a live session.

    .venv/bin/python bench/load.py [--workers 1,2] [--users 60] [--duration 60] [--boards 50]
                                   [--database-url URL] [--json FILE]

On a PostgreSQL database of its own (created, then dropped) and a `redis-server` of its own on a
free port (page cache, rate limits and channel layer: the production settings), holding the demo
network and a 20-question public consultation (`benchlib.questions()`), for each number of
uvicorn workers in `--workers`:

1. a live session is opened on a demo workshop and `--boards` WebSockets follow it, as projectors
   and phones do (`live.Boards`: the protocol of `static/js/live.js`, catch-ups and reconnections
   included);
2. Locust (`bench/locustfile.py`, headless) runs `--users` users for `--duration` seconds: 70 %
   browse public pages in Arabic, French and English, 20 % answer the public consultation,
   10 % post ideas to the live session and vote;
3. then every answer and idea the site acknowledged is looked up in the database (stored once:
   *lost* and *doubled* must be 0), and every idea acknowledged must have reached every board
   within 30 s of the end.

The server's rate limit per address is raised (`CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR`), as
every user comes from 127.0.0.1. Locust and the boards run on the same 2 CPUs as the server: the
figures include their share of the machine, reported beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchlib
import live
from benchlib import log

SCRIPT = Path(__file__).resolve()
LOCUSTFILE = SCRIPT.with_name("locustfile.py")
MEDIA_ROOT = str(Path(tempfile.gettempdir()) / f"shabaka-bench-load-media-{os.getpid()}")
LANGUAGES = ("ar", "fr", "en")
PAGES_PER_LANGUAGE = 12
# The second table's columns: counts, then CPU figures.
COUNTED = (
    "workers",
    "answers",
    "answers_lost",
    "answers_doubled",
    "ideas",
    "ideas_lost",
    "deliveries_missing",
    "catch_ups",
)
MEASURED = ("server_cpu_seconds", "locust_cpu_seconds", "boards_cpu_seconds", "other_cpu_percent")
REQUEST_TYPES = (
    "page (ar)",
    "page (fr)",
    "page (en)",
    "consultation form",
    "consultation answer",
    "live page",
    "live idea",
    "live events",
    "live vote",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="comma-separated numbers of uvicorn workers")
    parser.add_argument("--users", type=int, default=60, help="simultaneous Locust users")
    parser.add_argument("--duration", type=int, default=60, help="seconds of load per run")
    parser.add_argument("--boards", type=int, default=50, help="WebSockets following the live session")
    parser.add_argument(
        "--database-url",
        default=f"postgres://postgres@127.0.0.1:5432/shabaka_bench_load_{os.getpid()}",
        help="a PostgreSQL database of the benchmark's own (its name must contain 'bench')",
    )
    benchlib.add_run_options(parser, idle_wait=30)
    args = parser.parse_args()
    if not args.task:
        args.workers = [int(count) for count in args.workers.split(",") if count.strip()]
    return args


# --- Tasks run inside Django (fresh subprocesses) ---------------------------------------------


def task(arguments: list[str]) -> None:
    benchlib.setup_django()
    name, *rest = arguments
    if name == "prepare":
        benchlib.print_result(prepare())
    elif name == "session":
        benchlib.print_result({"code": open_live_session()})
    elif name == "check":
        benchlib.print_result(check(Path(rest[0])))
    else:
        raise SystemExit(f"unknown task {name}")


def prepare() -> dict:
    """The benchmark's consultation beside the demo's, and the public pages to browse in each language."""
    from wagtail.models import Page

    from consultations.models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.get(locale__language_code="fr")
    consultation = benchlib.build_consultation("consultation-de-charge", index=index)
    pages = {}
    for language in LANGUAGES:
        live_pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).order_by("path")
        pages[language] = [page.url for page in live_pages.specific()[:PAGES_PER_LANGUAGE]]
    return {"pages": pages, "consultation": consultation.url}


def open_live_session() -> str:
    from workshops.models import LiveSession, WorkshopPage

    workshop = WorkshopPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    return LiveSession.objects.create(workshop=workshop, title="Vos priorités pour le budget ?").code


def check(receipts: Path) -> dict:
    """Each acknowledged answer and idea, looked up in the database: how many are missing, how many twice."""
    from consultations.models import Response
    from workshops.models import Idea

    told = collections.defaultdict(list)
    for line in receipts.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        told[entry["kind"]].append(entry["value"])
    names = Response.objects.filter(form_data__name__startswith="L-").values_list("form_data__name", flat=True)
    stored_answers = collections.Counter(name.split(" ", 1)[0] for name in names)
    stored_ideas = collections.Counter(Idea.objects.filter(text__startswith="idée L-").values_list("text", flat=True))
    return {
        "answers": len(told["answer"]),
        "answers_lost": sum(stored_answers[token] == 0 for token in told["answer"]),
        "answers_doubled": sum(count > 1 for count in stored_answers.values()),
        "ideas": len(told["idea"]),
        "ideas_lost": sum(stored_ideas[text] == 0 for text in told["idea"]),
        "ideas_doubled": sum(count > 1 for count in stored_ideas.values()),
        "idea_texts": told["idea"],
    }


# --- Driver ----------------------------------------------------------------------------------


@contextlib.contextmanager
def own_redis():
    """A `redis-server` of the benchmark's own on a free port, keeping nothing on disk."""
    port = benchlib.free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", benchlib.HOST, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"redis://{benchlib.HOST}:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def children_cpu_seconds() -> float:
    """CPU time of this process's children that have ended (Locust, once it exits)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stats(prefix: Path) -> dict[str, dict]:
    """Locust's figures per request type (its `_stats.csv`), and its failures by type and reason."""
    rows = {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "per_second": float(row["Requests/s"]),
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
            }
    failures = []
    with open(f"{prefix}_failures.csv", encoding="utf-8") as source:
        failures = [
            {"name": row["Name"], "error": row["Error"], "count": int(row["Occurrences"])}
            for row in csv.DictReader(source)
        ]
    return {"types": rows, "failures": failures}


async def load_run(server: benchlib.Server, env: dict, code: str, plan: Path, folder: Path, args) -> dict:
    boards = live.Boards(server, code, args.boards)
    await boards.open()
    followers = [asyncio.create_task(boards.follow(number)) for number in range(args.boards)]
    receipts = folder / f"receipts-{server.port}.jsonl"
    prefix = folder / f"locust-{server.port}"
    command = [str(benchlib.BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--only-summary"]
    command += ["-u", str(args.users), "-r", str(max(1, args.users // 5)), "-t", f"{args.duration}s"]
    command += ["--host", server.url(""), "--csv", str(prefix), "--stop-timeout", "10", "--exit-code-on-error", "0"]
    locust_env = {**os.environ, "SHABAKA_LOAD_PLAN": str(plan), "SHABAKA_LOAD_RECEIPTS": str(receipts)}
    locust_env["PYTHONPATH"] = str(SCRIPT.parent)
    busy, server_cpu = benchlib.machine_busy_seconds(), benchlib.tree_cpu_seconds(server.process.pid)
    boards_cpu, started, locust_cpu = time.process_time(), time.perf_counter(), children_cpu_seconds()
    process = await asyncio.create_subprocess_exec(
        *command, env=locust_env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    _out, errors = await process.communicate()
    seconds = time.perf_counter() - started
    locust_cpu = children_cpu_seconds() - locust_cpu
    server_cpu = benchlib.tree_cpu_seconds(server.process.pid) - server_cpu
    boards_cpu = time.process_time() - boards_cpu
    if process.returncode:
        raise RuntimeError(f"locust exited with {process.returncode}:\n{errors.decode()[-3000:]}")
    checked = benchlib.run_task(SCRIPT, env, "check", str(receipts))
    ideas = set(checked.pop("idea_texts"))
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and not all(ideas <= set(arrivals) for arrivals in boards.arrivals):
        await asyncio.sleep(0.2)
    other_cpu = benchlib.machine_busy_seconds() - busy - server_cpu - boards_cpu - locust_cpu
    for follower in followers:
        follower.cancel()
    await boards.close()
    return {
        **stats(prefix),
        **checked,
        "deliveries_missing": sum(len(ideas - set(arrivals)) for arrivals in boards.arrivals),
        "catch_ups": boards.catch_ups,
        "board_drops": dict(boards.drops),
        "seconds": seconds,
        "server_cpu_seconds": server_cpu,
        "locust_cpu_seconds": locust_cpu,
        "boards_cpu_seconds": boards_cpu,
        "other_cpu_percent": max(0.0, 100 * other_cpu / seconds),
        "server_errors": server.first_error(),
    }


def run(args: argparse.Namespace) -> dict:
    results = {"runs": []}
    database = benchlib.migrated_database(args.database_url, MEDIA_ROOT, args.quiet_timeout, "shabaka-bench-load-")
    with own_redis() as redis_url, database as (env, version, folder):
        results["version"] = version
        env.update(REDIS_URL=redis_url, PAGE_CACHE="true", CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR="1000000")
        benchlib.manage(env, "collectstatic", "--noinput", "-v0")
        benchlib.manage(env, "load_demo", "--if-empty")
        plan = folder / "plan.json"
        prepared = benchlib.run_task(SCRIPT, env, "prepare")
        for workers in args.workers:
            code = benchlib.run_task(SCRIPT, env, "session")["code"]
            plan.write_text(json.dumps({**prepared, "live": code}, ensure_ascii=False))
            server = benchlib.Server(env, workers=workers)
            try:
                server.wait_ready()
                benchlib.wait_for_quiet(args.quiet_timeout, args.idle_wait)
                log(f"{server.name}: {args.users} users for {args.duration} s, {args.boards} boards")
                result = asyncio.run(load_run(server, env, code, plan, folder, args))
            finally:
                server.stop()
            total = result["types"].get("Aggregated", {})
            log(
                f"  {total.get('per_second', 0):.0f} requests/s, {total.get('failures', 0)} failures; "
                f"answers {result['answers']} ({result['answers_lost']} lost, {result['answers_doubled']} doubled), "
                f"ideas {result['ideas']} ({result['ideas_lost']} lost), "
                f"{result['deliveries_missing']} board deliveries missing"
            )
            results["runs"].append({"workers": workers, **result})
    return results


# --- Report ----------------------------------------------------------------------------------


def report(info: dict, args: argparse.Namespace, results: dict) -> str:
    out = [benchlib.machine_line(info), ""]
    out += [
        f"{args.users} Locust users for {args.duration} s (70 % browsing, 20 % answering, 10 % live), "
        f"{args.boards} boards following the live session; uvicorn on PostgreSQL and Redis, page cache on.",
        "",
    ]
    runs = results["runs"]
    header = ["Request", *(f"{run['workers']} worker(s): req/s, p50 / p95 ms, failures" for run in runs)]
    rows = []
    for name in (*REQUEST_TYPES, "Aggregated"):
        cells = []
        for run in runs:
            figures = run["types"].get(name)
            cells.append(
                f"{figures['per_second']:.1f}, {figures['p50_ms']:.0f} / {figures['p95_ms']:.0f}, {figures['failures']}"
                if figures
                else "-"
            )
        rows.append([f"**{name}**" if name == "Aggregated" else name, *cells])
    out += [benchlib.table(header, rows), ""]
    out += [
        benchlib.table(
            [
                "Workers",
                "Answers acknowledged",
                "lost",
                "doubled",
                "Ideas acknowledged",
                "lost",
                "Board deliveries missing",
                "Catch-ups",
                "Server CPU s",
                "Locust CPU s",
                "Boards CPU s",
                "Other CPU %",
            ],
            [[str(run[name]) for name in COUNTED] + [f"{run[name]:.0f}" for name in MEASURED] for run in runs],
        ),
        "",
    ]
    if len(runs) > 1 and runs[0]["types"].get("Aggregated"):
        first = runs[0]["types"]["Aggregated"]["per_second"]
        out += [
            f"Throughput with {run['workers']} workers: {run['types']['Aggregated']['per_second'] / first:.2f}× "
            f"that with {runs[0]['workers']}."
            for run in runs[1:]
        ] + [""]
    for run in runs:
        for failure in run["failures"]:
            out.append(f"- {run['workers']} worker(s), {failure['name']}: {failure['count']} × {failure['error']}")
        if run["server_errors"]:
            out += ["", "```", run["server_errors"], "```"]
    return "\n".join(out)


def main() -> int:
    args = parse_args()
    return benchlib.run_script(
        args,
        task,
        run,
        lambda info, results: report(info, args, results),
        {"workers": args.workers, "users": args.users, "duration": args.duration, "boards": args.boards},
    )


if __name__ == "__main__":
    sys.exit(main())
