"""WebSocket clients of a live session: its board, participants and facilitators.

Live tests run in real transactions (`transaction=True`): consumers reach the
database from other threads, and events are published only after a commit.
"""

from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore

from network_site.routing import websocket_urlpatterns
from workshops import live


def browser_session() -> SessionStore:
    """A saved browser session, as the participants' page creates."""
    store = SessionStore()
    store.create()
    return store


def socket(path: str, *, user=None, session: SessionStore | None = None) -> WebsocketCommunicator:
    connection = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    connection.scope["user"] = user or AnonymousUser()
    connection.scope["session"] = session
    return connection


def participant_of(store: SessionStore) -> str:
    return live.participant_id(store.session_key)


async def joined(connection: WebsocketCommunicator, since: int = 0) -> list[dict]:
    """Connect, say hello, and return the catch-up (the session's state and the ideas after `since`)."""
    connected, _code = await connection.connect()
    assert connected
    await connection.send_json_to({"type": "hello", "since": since})
    events = [await connection.receive_json_from(timeout=5)]
    while not await connection.receive_nothing(timeout=0.2):
        events.append(await connection.receive_json_from(timeout=5))
    return events
