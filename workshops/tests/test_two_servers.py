"""Two ASGI server processes sharing Redis: an idea posted through one appears on a board held by the other."""

import asyncio
import json

import pytest

from home.tests.servers import needs_shared_services, post_form
from workshops.models import Idea

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), needs_shared_services]


def test_an_idea_posted_to_server_a_appears_on_a_board_on_server_b(two_servers, live_site):
    import websockets

    server_a, server_b = two_servers
    code = live_site.code

    async def scenario():
        async with websockets.connect(
            f"ws://127.0.0.1:{server_b}/ws/live/{code}/", additional_headers={"Origin": f"http://127.0.0.1:{server_b}"}
        ) as board:
            await board.send(json.dumps({"type": "hello", "since": 0}))
            assert json.loads(await asyncio.wait_for(board.recv(), 10)) == {
                "type": "session",
                "status": "open",
                "up_to": 0,
            }
            status = await asyncio.to_thread(
                post_form, f"http://127.0.0.1:{server_a}", f"/fr/live/{code}/", {"text": "Via le serveur A"}
            )
            assert status == 200
            event = json.loads(await asyncio.wait_for(board.recv(), 10))
            assert event["type"] == "idea" and event["idea"]["text"] == "Via le serveur A"

    asyncio.run(scenario())
    assert Idea.objects.get().text == "Via le serveur A"
