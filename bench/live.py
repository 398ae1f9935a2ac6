"""Live sessions under load: from an idea's POST to its arrival on every connected board.

    .venv/bin/python bench/live.py                     # in-memory layer, then Redis (about 2 minutes)
    .venv/bin/python bench/live.py --layers memory --boards 50 --ideas 3

For each channel layer: a SQLite database of its own, migrated with the
production settings, holding one workshop and one open live session; uvicorn
serving the site (one worker with the in-memory layer, which cannot be shared
between processes; `--redis-workers` workers with Redis). This process opens
`--boards` WebSockets on the session, as projectors and phones do, then
`--participants` participants (each its own browser session and address as
far as the rate limit is concerned) post `--ideas` ideas each over HTTP, as the
page's script does when its socket is down, at random moments over
`--spread` seconds. The latency of an idea on a board is the time from just
before its POST is sent to the moment that board has decoded the idea's event;
every board × idea pair counts. An idea that a board has not received 30 s
after the last POST is lost.

The boards and the participants run in this process, on the same 2 CPUs as
the server: the figures include their share of the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import benchlib
from benchlib import log

SCRIPT = Path(__file__).resolve()
MEDIA_ROOT = str(Path(tempfile.gettempdir()) / "shabaka-bench-live-media")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", nargs="+", choices=["memory", "redis"], default=["memory", "redis"])
    parser.add_argument("--boards", type=int, default=200)
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--ideas", type=int, default=5, help="ideas per participant")
    parser.add_argument("--spread", type=float, default=10.0, help="seconds over which the ideas are posted")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--redis-workers", type=int, default=2)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--task", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser.parse_args()


def task(arguments: list[str]) -> None:
    """In a subprocess with the benchmark's settings: one workshop with an open live session."""
    benchlib.setup_django()
    import datetime

    from wagtail.models import Locale, Page

    from home.models import HomePage
    from workshops.models import LiveSession, WorkshopIndexPage, WorkshopPage

    locale = Locale.get_default()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Shabaka", slug="bench-home", locale=locale))
    index = home.add_child(instance=WorkshopIndexPage(title="Ateliers", slug="ateliers", locale=locale))
    workshop = index.add_child(
        instance=WorkshopPage(title="Atelier", slug="atelier", start_date=datetime.date.today(), locale=locale)
    )
    session = LiveSession.objects.create(workshop=workshop, title="Vos priorités ?")
    benchlib.print_result({"code": session.code})


class Boards:
    """`count` WebSockets following the session; the moment each idea text reached each of them."""

    def __init__(self, server: benchlib.Server, code: str, count: int):
        self.url = f"ws://{benchlib.HOST}:{server.port}/ws/live/{code}/"
        self.origin = server.url("")
        self.count = count
        self.arrivals: list[dict[str, float]] = [{} for _ in range(count)]
        self.sockets: list = []

    async def open(self) -> None:
        import websockets

        for _number in range(self.count):
            connection = await websockets.connect(self.url, additional_headers={"Origin": self.origin}, max_queue=None)
            await connection.send(json.dumps({"type": "hello", "since": 0}))
            self.sockets.append(connection)

    async def follow(self, number: int) -> None:
        arrivals = self.arrivals[number]
        async for message in self.sockets[number]:
            event = json.loads(message)
            if event.get("type") == "idea":
                arrivals.setdefault(event["idea"]["text"], time.perf_counter())

    async def close(self) -> None:
        await asyncio.gather(*(connection.close() for connection in self.sockets))


def participant_post(server: benchlib.Server, code: str, number: int, texts: list[str], delays: list[float]) -> dict:
    """One participant: open the session's page (session cookie, CSRF token), then post each idea."""
    client = benchlib.BrowserClient(server.port, f"/fr/live/{code}/", f"shabaka-bench participant {number}")
    client.get_form()
    headers = {"Accept": "application/json", "Origin": server.url("")}
    sent, statuses = {}, []
    for text, delay in zip(texts, delays, strict=True):
        time.sleep(delay)
        body = urllib.parse.urlencode({"text": text, "csrfmiddlewaretoken": client.csrf})
        sent[text] = time.perf_counter()
        status, _content = client.request("POST", body, headers)
        statuses.append(status)
    return {"sent": sent, "statuses": statuses}


async def load(server: benchlib.Server, code: str, args: argparse.Namespace) -> dict:
    boards = Boards(server, code, args.boards)
    await boards.open()
    followers = [asyncio.create_task(boards.follow(number)) for number in range(args.boards)]
    await asyncio.sleep(1)  # every board has its catch-up
    rng = random.Random(1)
    plans = []
    for number in range(args.participants):
        moments = sorted(rng.uniform(0, args.spread) for _ in range(args.ideas))
        delays = [later - earlier for earlier, later in zip([0.0, *moments], moments, strict=False)]
        plans.append(([f"idée {number}-{idea}" for idea in range(args.ideas)], delays))
    started = time.perf_counter()
    posts = [asyncio.to_thread(participant_post, server, code, n, *plan) for n, plan in enumerate(plans)]
    posted = await asyncio.gather(*posts)
    sent = {text: moment for result in posted for text, moment in result["sent"].items()}
    expected = len(sent) * args.boards
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and sum(len(arrivals) for arrivals in boards.arrivals) < expected:
        await asyncio.sleep(0.2)
    for follower in followers:
        follower.cancel()
    await boards.close()
    latencies = [
        (arrivals[text] - moment) * 1000
        for arrivals in boards.arrivals
        for text, moment in sent.items()
        if text in arrivals
    ]
    return {
        "boards": args.boards,
        "ideas": len(sent),
        "posts_ok": sum(status == 200 for result in posted for status in result["statuses"]),
        "deliveries": len(latencies),
        "lost": expected - len(latencies),
        "p50_ms": benchlib.percentile(latencies, 50),
        "p95_ms": benchlib.percentile(latencies, 95),
        "p99_ms": benchlib.percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
        "seconds": time.perf_counter() - started,
    }


def bench_layer(layer: str, args: argparse.Namespace) -> dict:
    database = benchlib.BenchDatabase(f"sqlite:///{tempfile.gettempdir()}/shabaka-bench-live-{layer}.sqlite3")
    env = benchlib.bench_environment(database.url, MEDIA_ROOT)
    workers = 1
    if layer == "redis":
        env["REDIS_URL"] = args.redis_url
        workers = args.redis_workers
    database.create()
    server = None
    try:
        benchlib.manage(env, "migrate", "--noinput", "-v0")
        benchlib.manage(env, "collectstatic", "--noinput", "-v0")
        code = benchlib.run_task(SCRIPT, env, "prepare")["code"]
        server = benchlib.Server(env, workers=workers)
        server.wait_ready()
        log(f"{layer}: {server.name}, session {code}, {args.boards} boards, {args.participants} participants")
        result = asyncio.run(load(server, code, args))
        result.update(layer=layer, server=server.name)
        log(
            f"  {result['posts_ok']}/{result['ideas']} POSTs ok, p50 {result['p50_ms']:.0f} ms, "
            f"p95 {result['p95_ms']:.0f} ms, {result['lost']} of {result['ideas'] * result['boards']} lost"
        )
        return result
    finally:
        if server is not None:
            server.stop()
        database.drop()


def report(info: dict, results: list[dict]) -> str:
    rows = [
        [
            f"{result['layer']}, {result['server']}",
            str(result["boards"]),
            f"{result['posts_ok']}/{result['ideas']}",
            f"{result['deliveries']:,}",
            str(result["lost"]),
            f"{result['p50_ms']:.0f}",
            f"{result['p95_ms']:.0f}",
            f"{result['p99_ms']:.0f}",
            f"{result['max_ms']:.0f}",
        ]
        for result in results
    ]
    header = ["Layer, server", "Boards", "POSTs ok", "Deliveries", "Lost", "p50 ms", "p95 ms", "p99 ms", "Max ms"]
    return benchlib.machine_line(info) + "\n\n" + benchlib.table(header, rows)


def main() -> int:
    args = parse_args()
    if args.task:
        task(args.task)
        return 0
    benchlib.handle_sigterm()
    info = benchlib.machine()
    results = [bench_layer(layer, args) for layer in args.layers]
    print(report(info, results))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
