"""Two ASGI server processes sharing Redis: an answer posted through one reaches a WebSocket held by the other.

Runs only with REDIS_URL and a PostgreSQL DATABASE_URL (CI's second pass): both servers then use
the test database and the Redis channel layer, as several workers do in production.
"""

import asyncio
import json

import pytest
from django.contrib.auth.models import Group, User

from home.roles import ORGANISERS
from home.tests.servers import needs_shared_services, post_form, session_cookie_for

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), needs_shared_services]


def test_an_answer_posted_to_server_a_reaches_a_dashboard_on_server_b(two_servers, public_consultation, valid_answers):
    import websockets

    server_a, server_b = two_servers
    organiser = User.objects.create_user("organiser", password="pw")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    cookie = session_cookie_for(organiser)
    key = str(public_consultation.translation_key)
    path = public_consultation.url

    async def scenario():
        async with websockets.connect(
            f"ws://127.0.0.1:{server_b}/ws/consultations/counts/",
            additional_headers={"Cookie": f"sessionid={cookie}", "Origin": f"http://127.0.0.1:{server_b}"},
        ) as socket_b:
            await socket_b.send(json.dumps({"type": "hello", "since": 0}))
            caught_up = json.loads(await asyncio.wait_for(socket_b.recv(), 10))
            assert caught_up == {"type": "count", "key": key, "count": 0, "version": 0}
            status = await asyncio.to_thread(post_form, f"http://127.0.0.1:{server_a}", path, valid_answers)
            assert status == 200
            event = json.loads(await asyncio.wait_for(socket_b.recv(), 10))
            assert event == {"type": "count", "key": key, "count": 1, "version": 1}

    asyncio.run(scenario())
