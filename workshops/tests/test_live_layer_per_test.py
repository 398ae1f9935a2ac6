"""A server left running by one test does not break the live sockets of the next.

Tests of one process (a pytest-xdist worker) follow each other: a WebSocket consumer of a server
that an earlier test started may still be waiting on its channel layer when the next test's sockets
receive from event loops of their own, which channels-redis refuses ("Two event loops are trying to
receive() on one channel layer at once!"). Each test gets a layer of its own (the root conftest's
`own_channel_layer`). The two tests below run in this order in one process, the order that failed:
the first leaves a board connected to a server that outlives it, the second talks to its own boards.
"""

import json

import pytest
from asgiref.sync import async_to_sync
from websockets.sync.client import connect

from home.tests.browser import AsgiLiveServer

from .live_clients import browser_session, joined, socket

pytestmark = [
    pytest.mark.xdist_group("live-layer-order"),
    pytest.mark.random_order(disabled=True),  # the order is the point
    pytest.mark.django_db(transaction=True),
]

boards_left_open = []


@pytest.fixture(scope="module")
def server_outliving_its_test():
    with AsgiLiveServer() as server:
        yield server
        for board in boards_left_open:
            board.close()


def test_a_board_stays_connected_after_its_test(server_outliving_its_test, live_site):
    address = server_outliving_its_test.url.replace("http://", "ws://")
    board = connect(f"{address}/ws/live/{live_site.code}/", origin=server_outliving_its_test.url)
    board.send(json.dumps({"type": "hello", "since": 0}))
    assert json.loads(board.recv(timeout=5))["type"] == "session"
    boards_left_open.append(board)  # its consumer keeps waiting on this test's layer


def test_the_next_test_posts_and_its_boards_follow(server_outliving_its_test, live_site):
    if not boards_left_open:  # a shuffled run may separate the two
        pytest.skip("meaningful only right after the test above, in the same process")
    phone_session = browser_session()

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        phone = socket(f"/ws/live/{live_site.code}/", session=phone_session)
        await joined(board)
        await joined(phone)
        await phone.send_json_to({"type": "post", "text": "Une idée", "client_key": "k"})
        event = await board.receive_json_from(timeout=5)
        for connection in (board, phone):
            await connection.disconnect()
        return event

    assert async_to_sync(scenario)()["idea"]["text"] == "Une idée"
