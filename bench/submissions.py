#!/usr/bin/env python
"""Benchmark of online submissions: answers per second to a 20-question public consultation.

    .venv/bin/python bench/submissions.py [--duration 20] [--clients 16] [--workers 1,2]
                                          [--databases sqlite,postgresql] [--json FILE]

For each database (SQLite, then PostgreSQL), on a database of its own that is
created, migrated with the production settings and dropped at the end:

1. build a public consultation of 20 questions with the ORM (`benchlib.questions()`);
2. for each number of server workers, start uvicorn (`network_site.settings.production`,
   PAGE_CACHE=false, CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR=1000000: every client comes from
   127.0.0.1, so the per-client rate limit would otherwise refuse them after 20 answers);
3. --clients threads each keep a connection and a cookie jar, GET the form once (CSRF cookie
   and token), post one warm-up answer, then post valid answers, each with a unique text,
   for --duration seconds (at most --max-posts in all);
4. stop the server and check, token by token, that every answer that got a 200 is in the
   database: "lost" answers must be 0; and that the consultation's live count (its
   `ResponseCount`, moved by concurrent answers) equals its rows.

Prints Markdown tables on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import benchlib
from benchlib import HOST, log

SCRIPT = Path(__file__).resolve()
# Per run (process id): two runs at once never drop each other's database.
DATABASES = {
    "sqlite": f"sqlite:////tmp/shabaka-bench-submissions-{os.getpid()}.sqlite3",
    "postgresql": f"postgres://postgres@127.0.0.1:5432/shabaka_bench_submissions_{os.getpid()}",
}
MEDIA_ROOT = f"/tmp/shabaka-bench-submissions-media-{os.getpid()}"
POSTS_PER_HOUR = "1000000"
USER_AGENT = "shabaka-bench"
# Parts of a submission whose cumulative time the profile reports, per answer (file suffix, function).
PROFILED_PARTS = [
    ("django/core/handlers/base.py", "get_response"),
    ("wagtail/models/pages.py", "route_for_request"),
    ("consultations/models.py", "serve_form"),
    ("consultations/models.py", "_many_from_address"),
    ("wagtail/contrib/forms/models.py", "get_form"),
    ("django/forms/forms.py", "is_valid"),
    ("consultations/models.py", "_post_digest"),
    ("consultations/models.py", "process_form_submission"),
    ("consultations/models.py", "move"),
    ("consultations/models.py", "render_landing_page"),
    ("django/template/response.py", "render"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20, help="seconds of load per run (default 20)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--workers", default="1,2", help="comma-separated uvicorn worker counts (default 1,2)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--sqlite-url", default=DATABASES["sqlite"], help="benchmark SQLite file (deleted)")
    parser.add_argument(
        "--postgres-url", default=DATABASES["postgresql"], help="benchmark PostgreSQL database (created, dropped)"
    )
    parser.add_argument(
        "--prefill",
        type=int,
        default=0,
        help="responses already in the consultation before the load (bulk_create; default 0)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="after the load, profile N posts in process (cProfile, test client) on each database",
    )
    parser.add_argument("--max-posts", type=int, default=50_000, help="upper bound of answers per run")
    benchlib.add_run_options(parser, idle_wait=20)
    args = parser.parse_args()
    if args.task:
        return args
    args.workers = [int(w) for w in args.workers.split(",") if w.strip()]
    args.databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    for name in args.databases:
        if name not in DATABASES:
            parser.error(f"unknown database: {name}")
    if not 0 < args.duration <= 300 or not 0 < args.clients <= 64:
        parser.error("--duration must be in (0, 300] and --clients in (0, 64]")
    return args


# --- Tasks run inside Django (fresh subprocesses) ---------------------------------------------


def task(arguments: list[str]) -> None:
    benchlib.setup_django()
    name = arguments[0]
    if name == "prepare":
        page = benchlib.build_consultation()
        benchlib.print_result({"page_id": page.pk, "path": page.url})
    elif name == "prefill":
        from consultations.models import ConsultationPage, ResponseCount

        page = ConsultationPage.objects.get(slug="bench-consultation")
        filled = benchlib.insert_responses(page, 0, int(arguments[1]))
        # bulk_create bypasses Response.save(): count the rows once, as the migration that made counters did.
        total = page.get_submissions().count()
        ResponseCount.objects.update_or_create(consultation_key=page.translation_key, defaults={"count": total})
        benchlib.print_result(filled)
    elif name == "profile":
        benchlib.print_result(profile(int(arguments[1])))
    elif name == "verify":
        tokens_file, prefix = arguments[1], arguments[2]
        benchlib.print_result(verify(set(json.loads(Path(tokens_file).read_text())), prefix))
    else:
        raise SystemExit(f"unknown task {name}")


def profile(count: int) -> dict:
    """Where a submission's time goes: cProfile of `count` valid POSTs through Django's test client."""
    import cProfile
    import io
    import pstats

    from django.test import Client

    from consultations.models import ConsultationPage

    page = ConsultationPage.objects.get(slug="bench-consultation")
    client = Client(headers={"host": HOST, "user-agent": USER_AGENT})
    rng = random.Random("profile")
    client.post(page.url, benchlib.answers(rng, "P-warm")[1])
    profiler = cProfile.Profile()
    statuses = Counter()
    started = time.perf_counter()
    profiler.enable()
    for number in range(count):
        statuses[client.post(page.url, benchlib.answers(rng, f"P-{number:05d}")[1]).status_code] += 1
    profiler.disable()
    seconds = time.perf_counter() - started
    texts = {}
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order).print_stats(25)
        texts[order] = buffer.getvalue()
    cumulative = {f"{suffix}:{name}": 0.0 for suffix, name in PROFILED_PARTS}
    for (filename, _line, function), (_cc, _nc, _tt, total, _callers) in pstats.Stats(profiler).stats.items():
        for suffix, name in PROFILED_PARTS:
            if function == name and filename.endswith(suffix):
                cumulative[f"{suffix}:{name}"] += 1000 * total / count
    return {
        "posts": count,
        "statuses": dict(statuses),
        "ms_per_post_profiled": 1000 * seconds / count,
        "parts_ms": cumulative,
        **texts,
    }


def verify(succeeded: set[str], prefix: str) -> dict:
    """Compare the answers that got a 200 with the responses stored (tokens of this run only),
    and the consultation's live count with its rows."""
    from consultations.models import ConsultationPage, Response, ResponseCount

    page = ConsultationPage.objects.get(slug="bench-consultation")
    stored = []
    for form_data, channel in Response.objects.values_list("form_data", "channel").iterator(chunk_size=2000):
        token = (form_data.get("name") or "").split(" ", 1)[0]
        if token.startswith(prefix + "-"):
            stored.append((token, channel))
    tokens = Counter(token for token, _channel in stored)
    return {
        "rows": len(stored),
        "distinct": len(tokens),
        "duplicated": sum(count - 1 for count in tokens.values()),
        "lost": len(succeeded - set(tokens)),
        "unexpected": len(set(tokens) - succeeded),
        "not_online": sum(1 for _token, channel in stored if channel != "online"),
        "counted": ResponseCount.of([page.translation_key])[page.translation_key].count,
        "count_rows": page.get_submissions().count(),
    }


# --- Load ------------------------------------------------------------------------------------


@dataclass
class ClientStats:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    succeeded: list[str] = field(default_factory=list)
    samples: dict[int, str] = field(default_factory=dict)  # status -> first body (abridged)


class FormClient(benchlib.BrowserClient):
    """One respondent: a browser's connection and cookies, posting answers to the form it got."""

    def __init__(self, number: int, port: int, path: str, prefix: str):
        super().__init__(port, path, USER_AGENT)
        self.number, self.prefix = number, prefix
        self.rng = random.Random(number)
        self.sequence = itertools.count()

    def post(self, stats: ClientStats) -> None:
        token = f"{self.prefix}-c{self.number:02d}-{next(self.sequence):06d}"
        _stored, posted = benchlib.answers(self.rng, token)
        body = urllib.parse.urlencode({**posted, "csrfmiddlewaretoken": self.csrf}, doseq=True)
        started = time.perf_counter()
        try:
            status, content = self.request("POST", body)
        except (OSError, http.client.HTTPException) as error:
            stats.errors[type(error).__name__] += 1
            return
        stats.latencies.append(time.perf_counter() - started)
        stats.statuses[status] += 1
        if status == 200:
            stats.succeeded.append(token)
        elif status not in stats.samples:
            stats.samples[status] = content.decode("utf-8", "replace")[:1500]


def run_load(env: dict[str, str], workers: int, path: str, prefix: str, args: argparse.Namespace, database) -> dict:
    postgres = database.kind == "postgresql"
    sampler = database.connection_sampler()
    connections = None
    server = benchlib.Server(env, workers)
    try:
        server.wait_ready()
        log(f"{server.name} on port {server.port}: {args.clients} clients posting for {args.duration:.0f} s")
        clients = [FormClient(number, server.port, path, prefix) for number in range(args.clients)]
        warmup = ClientStats()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            for client in clients:
                client.get_form()
            list(pool.map(lambda client: client.post(warmup), clients))  # templates, connections, caches
            budget = itertools.count()
            stop = threading.Event()
            deadline = time.monotonic() + args.duration

            def loop(client: FormClient) -> ClientStats:
                stats = ClientStats()
                while time.monotonic() < deadline and not stop.is_set():
                    if next(budget) >= args.max_posts:
                        stop.set()
                        break
                    client.post(stats)
                return stats

            if sampler:
                sampler.start()
            busy, client_cpu = benchlib.machine_busy_seconds(), time.process_time()
            server_cpu = benchlib.tree_cpu_seconds(server.process.pid)
            database_cpu = benchlib.postgres_cpu_seconds() if postgres else 0.0
            started = time.perf_counter()
            results = list(pool.map(loop, clients))
            elapsed = time.perf_counter() - started
            server_cpu = benchlib.tree_cpu_seconds(server.process.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
            database_cpu = (benchlib.postgres_cpu_seconds() if postgres else 0.0) - database_cpu
            other_cpu = benchlib.machine_busy_seconds() - busy - server_cpu - client_cpu - database_cpu
            if sampler:
                connections = sampler.stop() | {"limit": sampler.max_connections}
        for client in clients:
            client.connection.close()
    finally:
        server_error = server.first_error()
        server.stop()
    total = ClientStats()
    for stats in results:
        total.latencies += stats.latencies
        total.statuses.update(stats.statuses)
        total.errors.update(stats.errors)
        total.succeeded += stats.succeeded
        total.samples = {**stats.samples, **total.samples}
    responses = len(total.latencies)
    return {
        "workers": workers,
        "clients": args.clients,
        "seconds": elapsed,
        "responses": responses,
        "ok": total.statuses[200],
        "non_200": responses - total.statuses[200],
        "statuses": dict(total.statuses),
        "connection_errors": dict(total.errors),
        "rps": responses / elapsed,
        "ok_per_second": total.statuses[200] / elapsed,
        "p50_ms": 1000 * benchlib.percentile(total.latencies, 50),
        "p95_ms": 1000 * benchlib.percentile(total.latencies, 95),
        "p99_ms": 1000 * benchlib.percentile(total.latencies, 99),
        "max_ms": 1000 * max(total.latencies, default=float("nan")),
        "server_cpu_ms": 1000 * server_cpu / responses if responses else float("nan"),
        "server_cpu_percent": 100 * server_cpu / elapsed,
        "client_cpu_percent": 100 * client_cpu / elapsed,
        "database_cpu_ms": 1000 * database_cpu / responses if responses else float("nan"),
        "other_cpu_percent": max(0.0, 100 * other_cpu / elapsed),
        "warmup_ok": warmup.statuses[200],
        "succeeded_tokens": total.succeeded + warmup.succeeded,
        "samples": {str(status): body for status, body in {**warmup.samples, **total.samples}.items()},
        "server_error": server_error,
        "postgres_connections": connections,
    }


def bench_database(name: str, url: str, args: argparse.Namespace, run_number: itertools.count) -> dict:
    database = benchlib.BenchDatabase(url)
    reason = database.available()
    if reason:
        log(f"{name}: skipped ({reason})")
        return {"database": name, "skipped": reason, "runs": []}
    env = benchlib.bench_environment(url, MEDIA_ROOT, CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR=POSTS_PER_HOUR)
    runs = []
    benchlib.wait_for_quiet(args.quiet_timeout)  # migrate would disturb the other benchmark's figures too
    try:
        database.create()
        version = database.server_version()
        benchlib.manage(env, "migrate", "--noinput", "-v0")
        benchlib.manage(env, "collectstatic", "--noinput", "-v0")
        page = benchlib.run_task(SCRIPT, env, "prepare")
        log(f"{name}: consultation {page['path']} (page {page['page_id']})")
        if args.prefill:
            filled = benchlib.run_task(SCRIPT, env, "prefill", str(args.prefill))
            log(f"{name}: {filled['inserted']} responses inserted in {filled['seconds']:.1f} s")
        for workers in args.workers:
            waited = benchlib.wait_for_quiet(args.quiet_timeout, args.idle_wait)
            prefix = f"R{next(run_number)}"
            result = run_load(env, workers, page["path"], prefix, args, database)
            with tempfile.NamedTemporaryFile("w", prefix="shabaka-bench-tokens-", suffix=".json") as tokens:
                json.dump(result.pop("succeeded_tokens"), tokens)
                tokens.flush()
                result["check"] = benchlib.run_task(SCRIPT, env, "verify", tokens.name, prefix)
            result["waited_seconds"] = waited
            check = result["check"]
            log(
                f"  {result['rps']:.1f} responses/s, p99 {result['p99_ms']:.0f} ms, {result['non_200']} non-200, "
                f"{check['rows']} rows for {result['ok'] + result['warmup_ok']} successes, {check['lost']} lost, "
                f"live count {check['counted']} for {check['count_rows']} rows"
            )
            runs.append(result)
        if args.profile:
            profiled = benchlib.run_task(SCRIPT, env, "profile", str(args.profile))
    finally:
        database.drop()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
    return {"database": name, "version": version, "runs": runs, "profile": profiled if args.profile else None}


# --- Report ----------------------------------------------------------------------------------


def report(info: dict, args: argparse.Namespace, results: list[dict]) -> str:
    out = [
        benchlib.machine_line(info),
        f"Load: {args.clients} client threads (one keep-alive connection and cookie jar each) posting valid "
        f"answers for {args.duration:.0f} s per run, after one GET and one warm-up answer each; uvicorn, "
        "production settings, PAGE_CACHE=false, CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR=1000000"
        + (f"; {args.prefill:,} responses in the consultation before the load." if args.prefill else "."),
        "",
    ]
    rows = []
    for entry in results:
        if entry.get("skipped"):
            rows.append([entry["database"], "-", f"skipped: {entry['skipped']}"] + ["-"] * 12)
            continue
        for run in entry["runs"]:
            check = run["check"]
            successes = run["ok"] + run["warmup_ok"]
            errors = sum(run["connection_errors"].values())
            non_200 = ", ".join(f"{count}× {status}" for status, count in run["statuses"].items() if status != 200)
            rows.append(
                [
                    entry["version"],
                    str(run["workers"]),
                    str(run["responses"]),
                    f"{run['rps']:.1f}",
                    f"{run['p50_ms']:.0f}",
                    f"{run['p95_ms']:.0f}",
                    f"{run['p99_ms']:.0f}",
                    (non_200 or "0") + (f" + {errors} connection errors" if errors else ""),
                    f"{check['rows']} / {successes}",
                    str(check["lost"]),
                    f"{check['counted']} / {check['count_rows']}",
                    f"{run['server_cpu_ms']:.1f}",
                    f"{run['database_cpu_ms']:.1f}" if entry["database"] == "postgresql" else "-",
                    f"{run['server_cpu_percent']:.0f}",
                    f"{run['client_cpu_percent']:.0f} / {run['other_cpu_percent']:.0f}"
                    + (" *" if run["other_cpu_percent"] >= benchlib.NOISY_PERCENT else ""),
                ]
            )
    header = ["Database", "Workers", "Responses", "Responses/s", "p50 ms", "p95 ms", "p99 ms", "Non-200"]
    header += ["Rows stored / 200s", "Lost", "Live count / rows", "Server CPU ms/answer", "PostgreSQL CPU ms/answer"]
    header += ["Server CPU %", "Client / other CPU %"]
    out += [
        benchlib.table(header, rows),
        "",
        "Rows stored / 200s: responses found in the database with this run's tokens / answers that got a 200 "
        f"(the {args.clients} warm-up answers included). Lost: answers that got a 200 but are not in the database. "
        "Live count / rows: the consultation's counter after the run / its responses that are not spam. "
        "CPU %: of one core; server = uvicorn and its workers, client = the benchmark's threads, PostgreSQL = its "
        "server (every backend, those that ended during the run included), other = the rest of the machine "
        f"(\\* when it used {benchlib.NOISY_PERCENT} % of a CPU or more: figures taken on a busy machine).",
        "",
    ]
    for entry in results:
        for run in entry.get("runs", []):
            check = run["check"]
            if check["duplicated"] or check["unexpected"] or check["not_online"]:
                out.append(
                    f"- {entry['version']}, {run['workers']} worker(s): {check['duplicated']} duplicated rows, "
                    f"{check['unexpected']} rows without a 200, {check['not_online']} rows not marked online."
                )
            if run.get("postgres_connections"):
                seen = run["postgres_connections"]
                out.append(
                    f"- {entry['version']}, {run['workers']} worker(s): up to {seen['max']} connections to the "
                    f"benchmark database during the run, {seen['last']} at its end "
                    f"(max_connections = {seen['limit']})."
                )
            if run.get("server_error"):
                cause = run["server_error"].strip().splitlines()[-1]
                out.append(
                    f"- {entry['version']}, {run['workers']} worker(s), first error in the server log: `{cause}`"
                )
            for status, body in run["samples"].items():
                text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))[:300]
                out.append(f"- {entry['version']}, {run['workers']} worker(s), first HTTP {status}: {text}")
    for entry in results:
        if entry.get("profile"):
            profiled = entry["profile"]
            out += [
                "",
                f"Profile of {profiled['posts']} answers posted in process to {entry['version']} (test client, "
                f"cProfile; {profiled['ms_per_post_profiled']:.1f} ms per answer under the profiler): cumulative "
                "time of the main parts, per answer (parts nest: `serve_form` holds the form, the save and the "
                "thank-you page; rendering happens after `serve_form` returns).",
                "",
                benchlib.table(
                    ["Part", "ms per answer (profiled)"],
                    [[f"`{part}`", f"{ms:.1f}"] for part, ms in profiled["parts_ms"].items()],
                ),
            ]
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    args = parse_args()
    if args.task:
        task(args.task)
        return 0
    benchlib.handle_sigterm()
    turn = benchlib.take_turn()  # noqa: F841 - held until the process ends
    started = time.monotonic()
    urls = {"sqlite": args.sqlite_url, "postgresql": args.postgres_url}
    results = []
    run_number = itertools.count(1)
    try:
        info = benchlib.machine()
        for name in args.databases:
            results.append(bench_database(name, urls[name], args, run_number))
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    info["databases"] = ", ".join(entry.get("version", entry["database"]) for entry in results)
    print(report(info, args, results))
    if args.json:
        document = {
            "machine": info,
            "options": {key: getattr(args, key) for key in ("duration", "clients", "workers", "max_posts", "prefill")},
            "results": results,
        }
        Path(args.json).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
