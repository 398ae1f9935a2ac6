"""Live counters over real WebSocket round trips (in-memory layer, or Redis when REDIS_URL is set)."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser, Group, User
from django.utils import translation

from consultations.models import ExportJob, Response
from home.roles import ORGANISERS
from home.tests.nasty_input import DEEPLY_NESTED_FRAMES
from home.tests.sockets import refusal_code
from network_site.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def communicator(path: str, user) -> WebsocketCommunicator:
    connection = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    connection.scope["user"] = user
    return connection


@pytest.fixture
def organiser(db):
    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


def test_organisers_see_response_counts_arrive_live(organiser, public_consultation, valid_answers, client):
    key = str(public_consultation.translation_key)
    url = public_consultation.url

    def count(number, version):
        return {"type": "count", "key": key, "count": number, "version": version}

    async def scenario():
        connection = communicator("/ws/consultations/counts/", organiser)
        connected, _ = await connection.connect()
        assert connected
        await connection.send_json_to({"type": "hello", "since": 0})
        assert await connection.receive_json_from(timeout=5) == count(0, 0)

        await sync_to_async(client.post)(url, valid_answers)
        assert await connection.receive_json_from(timeout=5) == count(1, 1)
        await sync_to_async(client.post)(url, {**valid_answers, "name": "Une autre réponse"})
        assert await connection.receive_json_from(timeout=5) == count(2, 2)

        first, second = await sync_to_async(list)(Response.objects.order_by("pk"))
        first.is_spam = True
        await sync_to_async(first.save)()
        assert await connection.receive_json_from(timeout=5) == count(1, 3)
        await sync_to_async(second.delete)()
        assert await connection.receive_json_from(timeout=5) == count(0, 4)
        await sync_to_async(first.delete)()  # spam was not counted: nothing changes, nothing is sent
        assert await connection.receive_nothing(timeout=0.5)
        await connection.disconnect()

        # A dashboard that reconnects catches up from the database.
        again = communicator("/ws/consultations/counts/", organiser)
        assert (await again.connect())[0]
        await again.send_json_to({"type": "hello", "since": 0})
        assert await again.receive_json_from(timeout=5) == count(0, 4)
        await again.disconnect()

    async_to_sync(scenario)()
    assert not Response.objects.exists()


def test_visitors_cannot_follow_counts(db):
    async def scenario():
        assert await refusal_code(communicator("/ws/consultations/counts/", AnonymousUser())) == 4403

    async_to_sync(scenario)()


def test_bad_messages_get_an_error_and_the_connection_stays(organiser):
    async def scenario():
        connection = communicator("/ws/consultations/counts/", organiser)
        await connection.connect()
        for bad in ("not json", '{"no": "type"}', '{"type": "explode"}', "x" * 5000):
            await connection.send_to(text_data=bad)
            assert (await connection.receive_json_from(timeout=5))["type"] == "error"
        await connection.send_to(bytes_data=b"\x00\x01")
        assert (await connection.receive_json_from(timeout=5))["type"] == "error"
        await connection.send_json_to({"type": "hello"})
        await connection.disconnect()

    async_to_sync(scenario)()


def test_a_deeply_nested_message_gets_a_translated_error_on_the_counts_socket(organiser):
    async def scenario():
        connection = communicator("/ws/consultations/counts/?lang=ar", organiser)
        assert (await connection.connect())[0]
        replies = []
        for frame in DEEPLY_NESTED_FRAMES:
            await connection.send_to(text_data=frame)
            replies.append(await connection.receive_json_from(timeout=5))
        await connection.send_json_to({"type": "hello"})
        assert await connection.receive_nothing(timeout=0.3)  # no open consultation: an empty catch-up
        await connection.disconnect()
        return replies

    replies = async_to_sync(scenario)()
    with translation.override("ar"):
        too_deep = translation.gettext("This message is nested too deeply.")
    assert replies == [{"type": "error", "message": too_deep}] * len(DEEPLY_NESTED_FRAMES)


def test_floods_are_limited_per_connection(organiser):
    slow_down = set()
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            slow_down.add(translation.gettext("Too many messages: wait a moment."))

    async def scenario():
        connection = communicator("/ws/consultations/counts/", organiser)
        await connection.connect()
        errors = 0
        for _ in range(15):
            await connection.send_json_to({"type": "ping"})
            message = await connection.receive_json_from(timeout=5)
            errors += message.get("message") in slow_down
        assert errors >= 4
        await connection.disconnect()

    async_to_sync(scenario)()


def test_export_progress_is_followed_by_its_requester_only(organiser, public_consultation):
    job = ExportJob.objects.create(
        consultation_key=public_consultation.translation_key, requested_by=organiser, total=10
    )
    stranger = User.objects.create_user("stranger", password="pw")

    async def scenario():
        assert await refusal_code(communicator(f"/ws/consultations/exports/{job.pk}/", stranger)) == 4403
        connection = communicator(f"/ws/consultations/exports/{job.pk}/", organiser)
        assert (await connection.connect())[0]
        await connection.send_json_to({"type": "hello", "since": 0})
        assert (await connection.receive_json_from(timeout=5))["status"] == "pending"
        await sync_to_async(job.save_progress)(5)
        event = await connection.receive_json_from(timeout=5)
        assert event["type"] == "progress" and event["rows"] == 5 and event["percent"] == 50
        await connection.disconnect()

    async_to_sync(scenario)()
