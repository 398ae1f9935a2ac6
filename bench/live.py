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
`--spread` seconds, once all of them have the page open. The latency of an idea on a board is the time from just
before its POST is sent to the moment that board has decoded the idea's event;
every board × idea pair counts. The boards follow the protocol of
`static/js/live.js`: a gap in the numbers of live events that is still open a
second later (a message the layer dropped, not one overtaken by another), or
half a minute without events, makes them ask for a catch-up, which is counted;
a board whose socket the server drops reconnects 2 s later and says `hello`
with the number it had reached, as a browser does. An idea that a board has
not received 30 s after the last POST is lost; for losses the JSON says
whether whole boards or single events went missing.

The boards and the participants run in this process, on the same 2 CPUs as
the server: the figures include their share of the machine. The CPU time of
the server and of the boards, and the CPU the rest of the machine used
meanwhile, are reported too: the first two depend little on what else runs,
the last says how noisy the run was.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import concurrent.futures
import json
import os
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
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/15",
        help="a Redis database for benchmarks only: each run clears the site's keys in it",
    )
    parser.add_argument("--redis-workers", type=int, default=2)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--task", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser.parse_args()


def task(arguments: list[str]) -> None:
    """In a subprocess with the benchmark's settings: one workshop with an open live session, an empty layer."""
    benchlib.setup_django()
    import datetime

    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer
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
    # Every run's session has the same number, hence the same group. A server stopped at the end
    # of a run never removes its sockets from it, and channels-redis keeps members for a day:
    # without this, each run would also send every event to the dead channels of all the runs
    # before it (335 of them after a morning of runs).
    async_to_sync(get_channel_layer().flush)()
    benchlib.print_result({"code": session.code})


class Boards:
    """`count` WebSockets following the session as `static/js/live.js` does; when each idea reached each of them."""

    def __init__(self, server: benchlib.Server, code: str, count: int):
        self.url = f"ws://{benchlib.HOST}:{server.port}/ws/live/{code}/"
        # The production settings accept WebSockets from the site over HTTPS on its allowed hosts;
        # the benchmark's server speaks plain HTTP on a free port, with no proxy in front.
        self.origin = f"https://{benchlib.HOST}"
        self.count = count
        self.arrivals: list[dict[str, float]] = [{} for _ in range(count)]
        self.sockets: list = []
        self.catch_ups = 0  # catch-ups asked for: a gap left open for a second, or half a minute without events
        self.last_ids = [0] * count  # the highest event number each board has seen
        self.drops: collections.Counter[str] = collections.Counter()  # sockets the server dropped, by reason

    async def connect(self, since: int):
        import websockets

        connection = await websockets.connect(self.url, additional_headers={"Origin": self.origin}, max_queue=None)
        await connection.send(json.dumps({"type": "hello", "since": since}))
        return connection

    async def open(self) -> None:
        for _number in range(self.count):
            self.sockets.append(await self.connect(0))

    async def follow(self, number: int) -> None:
        """One board, with the protocol of `static/js/live.js`: it advances `since` over contiguous numbers,
        asks for a catch-up when a gap is still open a second later or after 30 s without events, and
        reconnects 2 s after losing its socket, saying `hello` with the number it has reached."""
        import websockets

        arrivals = self.arrivals[number]
        since, ahead = 0, set()
        gap_deadline, idle_deadline = None, time.perf_counter() + 30
        while True:
            connection = self.sockets[number]
            try:
                while True:
                    deadline = min(idle_deadline, gap_deadline or idle_deadline)
                    try:
                        async with asyncio.timeout(deadline - time.perf_counter()):
                            message = await connection.recv()
                    except TimeoutError:
                        if gap_deadline is not None and gap_deadline <= time.perf_counter():
                            gap_deadline = None
                            if not ahead:
                                continue
                        else:
                            idle_deadline = time.perf_counter() + 30
                        self.catch_ups += 1
                        await connection.send(json.dumps({"type": "hello", "since": since}))
                        continue
                    idle_deadline = time.perf_counter() + 30
                    event = json.loads(message)
                    if isinstance(event.get("up_to"), int):
                        since = max(since, event["up_to"])
                        ahead = {later for later in ahead if later > since}
                    event_id = event.get("id")
                    if isinstance(event_id, int):
                        self.last_ids[number] = max(self.last_ids[number], event_id)
                        if event_id > since + 1:
                            ahead.add(event_id)
                            gap_deadline = gap_deadline or time.perf_counter() + 1
                        elif event_id == since + 1:
                            since = event_id
                        while since + 1 in ahead:
                            ahead.discard(since + 1)
                            since += 1
                    if event.get("type") == "idea":
                        arrivals.setdefault(event["idea"]["text"], time.perf_counter())
            except websockets.ConnectionClosed as closed:
                self.drops[str(closed)] += 1
                self.sockets[number] = await self.reconnect(since)

    async def reconnect(self, since: int):
        """A new socket after a drop, with live.js's back-off: 2 s, then twice as long each failure (15 s at most)."""
        import websockets

        failures = 1
        while True:
            await asyncio.sleep(min(2**failures, 15))
            try:
                return await self.connect(since)
            except (OSError, websockets.InvalidHandshake) as error:
                self.drops[f"reconnection failed: {error}"] += 1
                failures += 1

    async def close(self) -> None:
        await asyncio.gather(*(connection.close() for connection in self.sockets))


def participant_post(port: int, code: str, number: int, texts: list[str], delays: list[float], start_at: float) -> dict:
    """One participant, in a process of its own: open the session's page, then post each idea.

    Every participant has the page open before `start_at` (a `time.perf_counter()` moment, the
    same clock in every process on Linux), as in a room where people join, then the facilitator
    asks the question. Participants run in their own processes so that the boards' measuring
    loop shares no interpreter lock with them.
    """
    client = benchlib.BrowserClient(port, f"/fr/live/{code}/", f"shabaka-bench participant {number}")
    client.get_form()
    time.sleep(max(0.0, start_at - time.perf_counter()))
    headers = {"Accept": "application/json", "Origin": f"http://{benchlib.HOST}:{port}"}
    sent, statuses, answered = {}, [], []
    for text, delay in zip(texts, delays, strict=True):
        time.sleep(delay)
        client.reconnect()  # the server closes connections idle for 5 s; a phone reconnects as well
        body = urllib.parse.urlencode({"text": text, "csrfmiddlewaretoken": client.csrf})
        sent[text] = time.perf_counter()
        status, _content = client.request("POST", body, headers)
        answered.append((time.perf_counter() - sent[text]) * 1000)
        statuses.append(status)
    return {"sent": sent, "statuses": statuses, "answered_ms": answered}


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
    busy, own = benchlib.machine_busy_seconds(), benchlib.tree_cpu_seconds(os.getpid())
    server_cpu, boards_cpu = benchlib.tree_cpu_seconds(server.process.pid), time.process_time()
    start_at = started + 3 + args.participants * 0.1  # time for every participant to open the page
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.participants) as processes:
        posts = [
            loop.run_in_executor(processes, participant_post, server.port, code, number, texts, delays, start_at)
            for number, (texts, delays) in enumerate(plans)
        ]
        posted = await asyncio.gather(*posts)
    sent = {text: moment for result in posted for text, moment in result["sent"].items()}
    expected = len(sent) * args.boards
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and sum(len(arrivals) for arrivals in boards.arrivals) < expected:
        await asyncio.sleep(0.2)
    seconds = time.perf_counter() - started
    other_cpu = benchlib.machine_busy_seconds() - busy - (benchlib.tree_cpu_seconds(os.getpid()) - own)
    server_cpu = benchlib.tree_cpu_seconds(server.process.pid) - server_cpu
    boards_cpu = time.process_time() - boards_cpu  # this process: the boards (participants have their own)
    for follower in followers:
        follower.cancel()
    await boards.close()
    latencies = [
        (arrivals[text] - moment) * 1000
        for arrivals in boards.arrivals
        for text, moment in sent.items()
        if text in arrivals
    ]
    answered = [ms for result in posted for ms in result["answered_ms"]]
    spreads = []  # per idea: from its first board to its last
    for text in sent:
        moments = [arrivals[text] for arrivals in boards.arrivals if text in arrivals]
        if moments:
            spreads.append((max(moments) - min(moments)) * 1000)
    return {
        "post_p50_ms": benchlib.percentile(answered, 50),
        "post_p95_ms": benchlib.percentile(answered, 95),
        "fan_out_p50_ms": benchlib.percentile(spreads, 50),
        "fan_out_p95_ms": benchlib.percentile(spreads, 95),
        "catch_ups": boards.catch_ups,
        "missing": sorted(text for text in sent if not any(text in arrivals for arrivals in boards.arrivals)),
        "boards": args.boards,
        "ideas": len(sent),
        "posts_ok": sum(status == 200 for result in posted for status in result["statuses"]),
        "deliveries": len(latencies),
        "lost": expected - len(latencies),
        "p50_ms": benchlib.percentile(latencies, 50),
        "p95_ms": benchlib.percentile(latencies, 95),
        "p99_ms": benchlib.percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
        "losses": losses(boards, sent),
        "seconds": seconds,
        "server_cpu_seconds": server_cpu,
        "boards_cpu_seconds": boards_cpu,
        "other_cpu_percent": max(0.0, 100 * other_cpu / seconds),
    }


def losses(boards: Boards, sent: dict[str, float]) -> dict:
    """Where deliveries went missing: whole boards or single events, and which event numbers."""
    missing_per_board = [len(sent) - sum(text in board for text in sent) for board in boards.arrivals]
    return {
        "boards_complete": sum(count == 0 for count in missing_per_board),
        "boards_missing_all": sum(count == len(sent) for count in missing_per_board),
        "boards_missing_some": sum(0 < count < len(sent) for count in missing_per_board),
        "missing_per_board": {str(board): count for board, count in enumerate(missing_per_board) if count},
        "boards_missing_idea": {
            text: missed for text in sent if (missed := sum(text not in board for board in boards.arrivals))
        },
        "last_id_per_board": dict(sorted(collections.Counter(boards.last_ids).items())),
        "drops": dict(boards.drops),
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
            f"p95 {result['p95_ms']:.0f} ms, {result['lost']} of {result['ideas'] * result['boards']} lost, "
            f"CPU: server {result['server_cpu_seconds']:.1f} s, boards {result['boards_cpu_seconds']:.1f} s, "
            f"rest of the machine {result['other_cpu_percent']:.0f} % of a CPU"
        )
        if result["lost"]:
            log(f"  losses: {json.dumps(result['losses'], ensure_ascii=False)}")
        return result
    finally:
        if server is not None:
            server.stop()
        database.drop()


def rest_of_machine(percent: float) -> str:
    """The CPU others used during a run, marked `*` when it was enough to make the figures noisy."""
    return f"{percent:.0f}" + (" *" if percent >= benchlib.NOISY_PERCENT else "")


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
            f"{result['post_p50_ms']:.0f} / {result['post_p95_ms']:.0f}",
            f"{result['fan_out_p50_ms']:.0f} / {result['fan_out_p95_ms']:.0f}",
            str(result["catch_ups"]),
            str(sum(result["losses"]["drops"].values())),
            f"{result['server_cpu_seconds']:.1f} / {result['boards_cpu_seconds']:.1f}",
            rest_of_machine(result["other_cpu_percent"]),
        ]
        for result in results
    ]
    header = ["Layer, server", "Boards", "POSTs ok", "Deliveries", "Lost", "p50 ms", "p95 ms", "p99 ms", "Max ms"]
    header += [
        "POST answered p50 / p95 ms",
        "First to last board p50 / p95 ms",
        "Catch-ups",
        "Dropped sockets",
        "CPU s: server / boards",
        "Rest of the machine, % of a CPU",
    ]
    note = (
        f"Rest of the machine: CPU used outside this run's processes (server, boards, participants) while it "
        f"lasted; \\* at {benchlib.NOISY_PERCENT} % of a CPU or more: a busy machine, noisy figures."
    )
    return benchlib.machine_line(info) + "\n\n" + benchlib.table(header, rows) + "\n\n" + note


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
