"""The mixed population of `bench/load.py`: people browsing, answering, taking part in a live session.

Run by `load.py` (`locust --headless`), which serves the site, fills `SHABAKA_LOAD_PLAN` (a JSON file:
the pages to browse in each language, the public consultation's path, the live session's code) and
reads back what each user was told, from `SHABAKA_LOAD_RECEIPTS` (one JSON line per answer or idea
the site acknowledged). Weights: 70 % browsing, 20 % answering, 10 % live participants.

The production settings mark cookies Secure and the benchmark speaks plain HTTP to the server (as
a proxy that ends TLS would), so each client keeps its cookies for plain HTTP too.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

import benchlib
from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["SHABAKA_LOAD_PLAN"], encoding="utf-8").read())
RECEIPTS = open(os.environ["SHABAKA_LOAD_RECEIPTS"], "a", encoding="utf-8", buffering=1)
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NUMBERS = itertools.count()


def receipt(kind: str, value: str) -> None:
    RECEIPTS.write(json.dumps({"kind": kind, "value": value}, ensure_ascii=False) + "\n")


class Visitor(HttpUser):
    abstract = True

    def on_start(self) -> None:
        origin = self.host.rstrip("/")
        self.client.headers.update({"User-Agent": f"shabaka-load {id(self)}", "Origin": origin})

    def request(self, method: str, path: str, **kwargs):
        """`self.client.request`, sending the Secure cookies received so far over plain HTTP too."""
        for cookie in self.client.cookies:
            cookie.secure = False
        return self.client.request(method, path, **kwargs)

    def form_token(self, path: str, name: str) -> str | None:
        with self.request("GET", path, name=name, catch_response=True) as response:
            match = CSRF_RE.search(response.text)
            if response.status_code != 200 or match is None:
                response.failure(f"{response.status_code} without a form")
                return None
            return match.group(1)


class Browsing(Visitor):
    """Reads public pages in Arabic, French and English."""

    weight = 7
    wait_time = between(0.5, 2)

    @task
    def read_a_page(self) -> None:
        language = random.choice(("ar", "fr", "en"))
        self.request("GET", random.choice(PLAN["pages"][language]), name=f"page ({language})")


class Answering(Visitor):
    """Opens the public consultation and answers it, all twenty questions."""

    weight = 2
    wait_time = between(1, 3)

    @task
    def answer(self) -> None:
        path = PLAN["consultation"]
        token = self.form_token(path, "consultation form")
        if token is None:
            return
        number = f"L-{os.getpid()}-{next(NUMBERS)}"
        _stored, posted = benchlib.answers(random.Random(number), number)
        with self.request(
            "POST", path, data={**posted, "csrfmiddlewaretoken": token}, name="consultation answer", catch_response=True
        ) as response:
            if response.status_code == 200:
                receipt("answer", number)
            else:
                response.failure(f"answer not counted: {response.status_code}")


class LiveParticipant(Visitor):
    """Follows the live session: posts an idea now and then, votes for the others' ideas."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self) -> None:
        super().on_start()
        self.path = f"/fr/live/{PLAN['live']}/"
        self.token = self.form_token(self.path, "live page")
        self.since, self.ideas, self.voted = 0, [], set()

    def json_headers(self) -> dict:
        return {"Accept": "application/json", "X-CSRFToken": self.token or ""}

    @task(1)
    def post_idea(self) -> None:
        text = f"idée L-{os.getpid()}-{next(NUMBERS)}"
        with self.request(
            "POST",
            self.path,
            data={"text": text, "csrfmiddlewaretoken": self.token},
            headers=self.json_headers(),
            name="live idea",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                receipt("idea", text)
            else:
                response.failure(f"idea refused: {response.status_code} {response.text[:120]}")

    @task(3)
    def vote(self) -> None:
        events = self.request("GET", f"{self.path}events/?since={self.since}", name="live events").json()["events"]
        for event in events:
            self.since = max(self.since, event.get("id") or 0)
            if event.get("type") == "idea":
                self.ideas.append(event["idea"]["pk"])
        choices = [idea for idea in self.ideas if idea not in self.voted]
        if choices:
            idea = random.choice(choices)
            self.voted.add(idea)
            self.request(
                "POST",
                f"{self.path}ideas/{idea}/vote/",
                data={"csrfmiddlewaretoken": self.token},
                headers=self.json_headers(),
                name="live vote",
            )
