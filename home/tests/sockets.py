"""Helpers for tests that talk to the site's WebSocket consumers in process."""

from channels.testing import WebsocketCommunicator


async def refusal_code(connection: WebsocketCommunicator) -> int | None:
    """The close code a socket is refused with (None when accepted), the consumer ended either way.

    A server sends `websocket.disconnect` once it has closed a socket; a communicator does not,
    so a refused consumer would go on waiting on the channel layer until the test's event loop
    shuts down, and cancelling it there can hang (channels_redis).
    """
    connected, code = await connection.connect()
    await connection.disconnect()
    return None if connected else code
