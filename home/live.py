"""Live updates over Channels, written once for every app.

* `publish(group, event, payload)` announces something that has already been
  saved: it runs after the transaction commits, so a consumer that reacts by
  reading the database sees the change.
* `LiveConsumer` is the base of every WebSocket consumer: it decides who may
  join (`authorise`), validates incoming messages (size, JSON, nesting, known type, a
  rate per connection), answers errors to that client only, and catches a
  reconnecting client up from the database (`catch_up(since)`), because
  channel layers drop messages silently once a channel is full: correctness
  comes from the database, the layer only makes it fast.
* `static/js/live.js` is the browser side: reconnects with back-off, asks for
  what it missed, and falls back to polling when WebSockets are unavailable.
* `InMemoryChannelLayer` is Channels' in-memory layer (one process, no Redis)
  with a fan-out whose cost grows with the number of sockets, not its square.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import async_to_sync
from channels import layers
from channels.exceptions import ChannelFull
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

GROUP_NAME_RE = re.compile(r"[^a-zA-Z0-9_.-]")
CLOSE_FORBIDDEN = 4403


def group_name(*parts: Any) -> str:
    """A valid channel-layer group name (ASCII letters, digits, `-`, `_`, `.`; under 100 characters)."""
    return GROUP_NAME_RE.sub("-", ".".join(str(part) for part in parts))[:90]


def nesting_depth(value: Any) -> int:
    """How deep lists and objects nest in a decoded JSON value (a scalar: 0), counted without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in children)
    return deepest


def publish(group: str, event: str, payload: dict) -> None:
    """Tell the group's consumers about `event` once the current transaction has committed.

    The event travels as the JSON text the browsers get, encoded once here: a
    layer copies (in memory) or serialises (Redis) each message for every
    consumer of the group, and a string is the cheapest thing to copy, and
    no consumer encodes it again (200 boards, one encoding).
    """
    message = {"type": "live.event", "text": json.dumps({"type": event, **payload}, separators=(",", ":"))}

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception:  # whatever the layer's failure: the change is saved and clients catch up
            logger.warning("Live event %r for %s not announced: the channel layer failed", event, group, exc_info=True)

    # Best effort: what was saved stays saved and the request succeeds when the layer is down
    # (a Redis restart); boards catch up from the database when their sockets come back.
    transaction.on_commit(send)


class InMemoryChannelLayer(layers.InMemoryChannelLayer):
    """Channels' in-memory layer, without its scan of every channel at every step.

    Channels' layer looks through every channel's queue and every group membership
    for expired entries on each `receive` and each `group_send`. A publication to
    200 boards is 200 receives, so each event cost 200 × 400 checks: two thirds of
    the server's time in a profile of `bench/live.py`. Expiry is counted in seconds (a minute for a
    message, a day for a membership), so here the scan runs at most once every
    `clean_interval` seconds; and `group_send` puts the message in each member's
    queue in turn, instead of starting a task per member.
    """

    clean_interval = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.next_clean = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now >= self.next_clean:
            self.next_clean = now + self.clean_interval
            super()._clean_expired()

    async def group_send(self, group, message):
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        for channel in list(self.groups.get(group, ())):
            try:
                await self.send(channel, message)
            except ChannelFull:
                pass  # as in Channels: a full channel misses the message, and its client catches up


class LiveConsumer(AsyncJsonWebsocketConsumer):
    """Base consumer: authorisation, validated messages, per-connection rate limit, catch-up.

    Subclasses set `actions` ({message type: method name}), implement
    `authorise()` (the groups to join, or None to refuse) and, when clients can
    miss events, `catch_up(since)` (the events after `since`, from the database).
    """

    max_message_bytes = 2000
    # Messages are flat objects of scalars; deeper values are refused before any handler sees
    # them (a frame of 2000 bytes can nest 1000 deep: Python's parser and encoder recurse).
    max_nesting = 4
    rate_messages = 10
    rate_seconds = 10.0
    actions: dict[str, str] = {}

    async def connect(self):
        self.language = self._language()
        groups = await self.authorise()
        if groups is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.live_groups = groups
        self.sent_times: list[float] = []
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "live_groups", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    def _language(self) -> str:
        """The language of the page that opened the socket (`?lang=`), for the messages sent back."""
        query = parse_qs(self.scope.get("query_string", b"").decode(errors="replace"))
        asked = (query.get("lang") or [""])[0]
        return asked if asked in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    async def authorise(self) -> list[str] | None:
        raise NotImplementedError

    async def catch_up(self, since: int) -> list[dict]:
        return []

    @property
    def user(self):
        return self.scope.get("user")

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.language):
            await self._receive(text_data, bytes_data)

    async def _receive(self, text_data, bytes_data):
        if self._over_rate():  # every message counts, invalid ones too: they cost work as well
            await self.error(_("Too many messages: wait a moment."))
            return
        if bytes_data is not None or text_data is None:
            await self.error(_("Send text messages only."))
            return
        if len(text_data.encode()) > self.max_message_bytes:
            await self.error(_("This message is too long."))
            return
        try:
            content = json.loads(text_data)
            too_deep = nesting_depth(content) > self.max_nesting
        except RecursionError:  # deeper than Python's parser goes
            too_deep = True
        except ValueError:
            await self.error(_("This message is not valid JSON."))
            return
        if too_deep:
            await self.error(_("This message is nested too deeply."))
            return
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self.error(_("A message needs a type."))
            return
        kind = content["type"]
        if kind == "hello":
            since = content.get("since")
            for event in await self.catch_up(since if isinstance(since, int) and since >= 0 else 0):
                await self.send_json(event)
            return
        handler = self.actions.get(kind)
        if handler is None:
            await self.error(_("Unknown message type."))
            return
        await getattr(self, handler)(content)

    def _over_rate(self) -> bool:
        now = time.monotonic()
        self.sent_times = [moment for moment in self.sent_times if now - moment < self.rate_seconds]
        self.sent_times.append(now)
        return len(self.sent_times) > self.rate_messages

    async def error(self, message: str, **details) -> None:
        """Tell this client only what went wrong; `details` say which of its messages (e.g. a `client_key`)."""
        await self.send_json({"type": "error", "message": str(message), **details})

    async def dispatch(self, message):
        """Layer events straight to `live_event`; everything else through Channels' dispatch.

        Channels' dispatch first closes stale database connections in a thread
        (`aclose_old_connections`), for handlers that use the database. Forwarding
        an event uses none, and that thread hop for each socket (200 boards: 200
        hops queued on one thread per event) was a quarter of the server's CPU time
        in `bench/live.py`.
        Handlers that do use the database go through `database_sync_to_async`,
        which closes stale connections itself.
        """
        if message["type"] == "live.event":
            await self.live_event(message)
        else:
            await super().dispatch(message)

    async def live_event(self, message):
        """A `publish()`ed event: forwarded to the browser as it is, `{"type": event, ...payload}`."""
        await self.send(text_data=message["text"])
