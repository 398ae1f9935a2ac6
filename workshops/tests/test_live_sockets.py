"""Live sessions over real WebSocket round trips (in-memory layer, or Redis when REDIS_URL is set)."""

import json
import os
import subprocess
import sys

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import translation
from websockets.exceptions import ConnectionClosed
from websockets.frames import CloseCode
from websockets.sync.client import connect

from home.tests.browser import AsgiLiveServer
from home.tests.nasty_input import DEEPLY_NESTED_FRAMES
from home.tests.sockets import refusal_code
from network_site.asgi import websocket_application
from network_site.settings.base import cache_and_channel_layers
from workshops import live
from workshops.models import Idea, IdeaVote, LiveSession

from .live_clients import browser_session, joined, participant_of, socket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run(scenario):
    async_to_sync(scenario)()


def test_an_idea_posted_from_a_phone_appears_on_every_board(live_site):
    phone_session = browser_session()

    async def scenario():
        boards = [socket(f"/ws/live/{live_site.code}/") for _ in range(3)]
        for board in boards:
            caught_up = await joined(board)
            assert caught_up == [{"type": "session", "status": "open", "up_to": 0}]
        phone = socket(f"/ws/live/{live_site.code}/", session=phone_session)
        await joined(phone)
        await phone.send_json_to(
            {"type": "post", "text": "  نشر الميزانية   المواطنة ", "axis": "transparency", "client_key": "k1"}
        )
        for board in boards:
            event = await board.receive_json_from(timeout=5)
            assert event["type"] == "idea"
            assert event["idea"]["text"] == "نشر الميزانية المواطنة"
            assert event["idea"]["axis"] == "transparency"
            assert event["idea"]["votes"] == 0 and event["idea"]["shown"] is True
            assert "hidden" not in event["idea"]  # the public never gets moderation details
        # The author gets the idea like everyone, and an acknowledgement of its post.
        to_author = {event["type"]: event for event in [await phone.receive_json_from(timeout=5) for _ in range(2)]}
        assert to_author["idea"] == event
        assert to_author["posted"] == {"type": "posted", "idea": event["idea"]["pk"], "client_key": "k1"}
        for connection in (*boards, phone):
            await connection.disconnect()

    run(scenario)
    idea = Idea.objects.get()
    assert idea.participant == participant_of(phone_session) and idea.axis.code == "transparency"


def test_a_resent_idea_is_kept_once(live_site):
    phone_session = browser_session()

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/", session=phone_session)
        await joined(phone)
        for _attempt in range(2):
            await phone.send_json_to({"type": "post", "text": "Une seule fois", "client_key": "same"})
        events = [await phone.receive_json_from(timeout=5) for _ in range(3)]
        assert sorted(event["type"] for event in events) == ["idea", "posted", "posted"]
        await phone.disconnect()

    run(scenario)
    assert Idea.objects.count() == 1


BAD_MESSAGES = [
    ({"type": "post", "text": "   "}, "Write your idea first."),
    ({"type": "post", "text": "x" * 281}, "An idea has at most 280 characters."),
    ({"type": "post", "text": 42}, "Write your idea first."),
    ({"type": "post", "text": "Bien", "axis": "unknown-axis"}, "Choose one of the session's axes."),
    ({"type": "vote", "idea": "1"}, "Say which idea."),
    ({"type": "vote", "idea": 999999}, "This idea is not in this session."),
    ({"type": "hide", "idea": 1}, "Unknown message type."),
    ({"type": "merge", "idea": 1, "into": 2}, "Unknown message type."),
]


def test_bad_messages_are_refused_to_their_sender_only(live_site):
    """Every bad message in one connection (hello and eight messages stay under the rate limit)."""
    phone_session = browser_session()

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board)
        phone = socket(f"/ws/live/{live_site.code}/?lang=en", session=phone_session)
        await joined(phone)
        for message, expected in BAD_MESSAGES:
            await phone.send_json_to(message)
            error = await phone.receive_json_from(timeout=5)
            assert error["type"] == "error" and error["message"] == expected, message
        assert await board.receive_nothing(timeout=0.3)
        await phone.disconnect()
        await board.disconnect()

    run(scenario)
    assert Idea.objects.count() == 0


def test_errors_speak_the_language_of_the_page(live_site):
    phone_session = browser_session()

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/?lang=fr", session=phone_session)
        await joined(phone)
        await phone.send_json_to({"type": "post", "text": ""})
        return (await phone.receive_json_from(timeout=5))["message"]

    message = async_to_sync(scenario)()
    with translation.override("fr"):
        assert message == translation.gettext("Write your idea first.") != "Write your idea first."


def test_script_in_an_idea_is_kept_as_text(live_site, client):
    payload = '<script>alert("x")</script><b>gras</b>'
    live.post_idea(live_site.session, "someone", payload)
    assert Idea.objects.get().text == payload
    page = client.get(f"/fr/live/{live_site.code}/board/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;gras&lt;/b&gt;" in page
    assert "<script>alert" not in page


def test_malformed_frames_get_an_error_and_the_server_keeps_serving(live_site):
    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board)
        for bad in ("{not json", "[1, 2]", '{"type": 7}', '{"type": "explode"}', "x" * 5000):
            await board.send_to(text_data=bad)
            assert (await board.receive_json_from(timeout=5))["type"] == "error"
        await board.send_to(bytes_data=b"\x00\xff")
        assert (await board.receive_json_from(timeout=5))["type"] == "error"
        await board.send_json_to({"type": "hello", "since": 0})
        assert await board.receive_json_from(timeout=5) == {"type": "session", "status": "open", "up_to": 0}
        await board.disconnect()

    run(scenario)


def test_a_flood_from_one_connection_is_limited_and_others_carry_on(live_site):
    flooder_session, other_session = browser_session(), browser_session()

    async def scenario():
        flooder = socket(f"/ws/live/{live_site.code}/?lang=en", session=flooder_session)
        await joined(flooder)
        other = socket(f"/ws/live/{live_site.code}/", session=other_session)
        await joined(other)
        for number in range(30):
            await flooder.send_json_to({"type": "post", "text": f"spam {number}", "client_key": f"s{number}"})
        received = []
        while not await flooder.receive_nothing(timeout=0.5):
            received.append(await flooder.receive_json_from(timeout=5))
        assert {"type": "error", "message": "Too many messages: wait a moment."} in received
        await other.send_json_to({"type": "post", "text": "Toujours là", "client_key": "ok"})
        while True:
            event = await other.receive_json_from(timeout=5)
            if event["type"] == "posted":
                break
        await flooder.disconnect()
        await other.disconnect()

    run(scenario)
    # The hello counts against the rate: 9 of the 30 posts got through, then the limit held.
    assert Idea.objects.filter(text__startswith="spam").count() == 9
    assert Idea.objects.filter(text="Toujours là").exists()


def test_a_forged_code_is_refused(live_site):
    async def scenario():
        for path in ("/ws/live/ZZZZZZ/", "/ws/live/ZZZZZZ/facilitate/"):
            assert await refusal_code(socket(path)) == 4403

    run(scenario)


def test_participants_cannot_facilitate(live_site, django_user_model):
    stranger = django_user_model.objects.create_user("visitor", password="pw")

    async def scenario():
        for user in (None, stranger):
            assert await refusal_code(socket(f"/ws/live/{live_site.code}/facilitate/", user=user)) == 4403

    run(scenario)


def test_votes_count_once_per_participant_and_update_live(live_site):
    idea = live.post_idea(live_site.session, "author", "Budget participatif des jeunes")
    voter_session = browser_session()

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board, since=idea.sequence)
        voter = socket(f"/ws/live/{live_site.code}/?lang=en", session=voter_session)
        await joined(voter, since=idea.sequence)
        await voter.send_json_to({"type": "vote", "idea": idea.pk})
        event = await board.receive_json_from(timeout=5)
        assert event["idea"]["pk"] == idea.pk and event["idea"]["votes"] == 1
        assert (await voter.receive_json_from(timeout=5))["idea"]["votes"] == 1
        await voter.send_json_to({"type": "vote", "idea": idea.pk})
        refusal = await voter.receive_json_from(timeout=5)
        assert refusal == {"type": "error", "message": "You have already voted for this idea.", "idea": idea.pk}
        assert await board.receive_nothing(timeout=0.3)
        await board.disconnect()
        await voter.disconnect()

    run(scenario)
    idea.refresh_from_db()
    assert idea.votes == 1 and IdeaVote.objects.count() == 1


def test_a_board_that_reconnects_catches_up_on_everything_it_missed(live_site, organiser):
    first = live.post_idea(live_site.session, "a", "Première idée")
    seen = first.sequence
    # While the board is away: two ideas, a vote, and a moderation.
    second = live.post_idea(live_site.session, "b", "Deuxième idée", axis="competences")
    live.post_idea(live_site.session, "c", "Troisième idée")
    live.vote(live_site.session, "d", first.pk)
    live.moderate(live_site.session, "hide", {"idea": second.pk})

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        return await joined(board, since=seen)

    events = async_to_sync(scenario)()
    assert events[0] == {"type": "session", "status": "open", "up_to": LiveSession.objects.get().sequence}
    ideas = [event["idea"] for event in events[1:]]
    # Every idea changed after `seen`, once, in the order of the changes, with its latest state.
    assert [idea["pk"] for idea in ideas] == [Idea.objects.get(text="Troisième idée").pk, first.pk, second.pk]
    assert ideas[1]["votes"] == 1
    assert ideas[2] == {"pk": second.pk, "shown": False}
    assert [event["id"] for event in events[1:]] == sorted(event["id"] for event in events[1:])


def test_a_closed_session_accepts_nothing_but_can_still_be_watched(live_site):
    idea = live.post_idea(live_site.session, "a", "Avant la fin")
    live.set_status(live_site.session, LiveSession.Status.CLOSED)
    phone_session = browser_session()

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/?lang=en", session=phone_session)
        caught_up = await joined(phone)
        assert caught_up[0]["status"] == "closed"
        assert caught_up[1]["idea"]["text"] == "Avant la fin"
        for message in ({"type": "post", "text": "Trop tard"}, {"type": "vote", "idea": idea.pk}):
            await phone.send_json_to(message)
            error = await phone.receive_json_from(timeout=5)
            assert error["message"] == "This session is closed: it accepts no more ideas or votes."
        await phone.disconnect()

    run(scenario)
    assert Idea.objects.count() == 1 and IdeaVote.objects.count() == 0


def test_facilitators_moderate_and_every_board_follows(live_site, organiser):
    one = live.post_idea(live_site.session, "a", "Publier les procès-verbaux")
    two = live.post_idea(live_site.session, "b", "Publier les PV des sessions")
    live.vote(live_site.session, "c", one.pk)
    live.vote(live_site.session, "c", two.pk)
    live.vote(live_site.session, "d", two.pk)
    since = LiveSession.objects.get().sequence

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board, since=since)
        desk = socket(f"/ws/live/{live_site.code}/facilitate/", user=organiser)
        await joined(desk, since=since)

        await desk.send_json_to({"type": "highlight", "idea": one.pk})
        assert (await board.receive_json_from(timeout=5))["idea"]["highlighted"] is True
        assert (await desk.receive_json_from(timeout=5))["idea"]["highlighted"] is True

        await desk.send_json_to({"type": "tag", "idea": one.pk, "tags": [" PV ", "transparence", ""]})
        assert (await board.receive_json_from(timeout=5))["idea"]["tags"] == ["PV", "transparence"]
        await desk.receive_json_from(timeout=5)

        await desk.send_json_to({"type": "merge", "idea": two.pk, "into": one.pk})
        board_events = {
            e["idea"]["pk"]: e["idea"] for e in [await board.receive_json_from(timeout=5) for _ in range(2)]
        }
        assert board_events[two.pk] == {"pk": two.pk, "shown": False}
        # "c" voted for both: the merged idea counts each participant once.
        assert board_events[one.pk]["votes"] == 2
        desk_events = {e["idea"]["pk"]: e["idea"] for e in [await desk.receive_json_from(timeout=5) for _ in range(2)]}
        assert desk_events[two.pk]["merged_into"] == one.pk and desk_events[two.pk]["text"]

        await desk.send_json_to({"type": "hide", "idea": one.pk})
        hidden_on_board = await board.receive_json_from(timeout=5)
        hidden_on_desk = await desk.receive_json_from(timeout=5)
        assert hidden_on_board["idea"] == {"pk": one.pk, "shown": False}
        assert hidden_on_desk["idea"]["hidden"] is True and hidden_on_desk["id"] == hidden_on_board["id"]

        await desk.send_json_to({"type": "merge", "idea": one.pk, "into": one.pk})
        assert (await desk.receive_json_from(timeout=5))["type"] == "error"
        await board.disconnect()
        await desk.disconnect()

    run(scenario)
    one.refresh_from_db()
    assert one.hidden and one.highlighted and one.votes == 2
    assert sorted(one.tags.names()) == ["PV", "transparence"]


def test_closing_the_session_reaches_every_phone(live_site, organiser, client):
    client.force_login(organiser)

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/")
        await joined(phone)
        await sync_to_async(client.post)(
            f"/admin/workshops/live-sessions/{live_site.session.pk}/facilitate/", {"action": "close"}
        )
        closed = await phone.receive_json_from(timeout=5)
        await phone.disconnect()
        return closed

    closed = async_to_sync(scenario)()
    session = LiveSession.objects.get()
    assert closed == {"type": "session", "status": "closed", "id": session.sequence}
    assert session.status == LiveSession.Status.CLOSED


def test_live_event_numbers_follow_one_another_so_a_board_can_tell_when_it_missed_one(live_site, organiser):
    """Every change takes the next number and announces at least one event under it (see `contiguous` in live.js)."""
    session = live_site.session

    def changes():
        first = live.post_idea(session, "a", "Une", client_key="one")
        live.post_idea(session, "a", "Une", client_key="one")  # the same post, resent
        second = live.post_idea(session, "b", "Deux")
        live.vote(session, "c", first.pk)
        live.moderate(session, "merge", {"idea": second.pk, "into": first.pk})
        live.moderate(session, "hide", {"idea": first.pk})
        live.set_status(session, LiveSession.Status.CLOSED)

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board)
        await sync_to_async(changes)()
        events = []
        while not await board.receive_nothing(timeout=0.3):
            events.append(await board.receive_json_from(timeout=5))
        await board.disconnect()
        return events

    numbers = sorted({event["id"] for event in async_to_sync(scenario)()})
    assert numbers == list(range(1, LiveSession.objects.get().sequence + 1)) and len(numbers) == 7


@pytest.mark.django_db(transaction=False)
def test_a_quiet_board_keeps_its_socket_on_redis():
    """A consumer waits in a Redis BZPOPMIN of `brpop_timeout` seconds: reading its answer must not time out first.

    With redis-py's default read timeout (as long as that wait), every quiet spell of a few seconds
    raised TimeoutError in one consumer and dropped its board's socket.
    """
    from channels_redis.core import RedisChannelLayer

    _caches, layers = cache_and_channel_layers("redis://127.0.0.1:6379/15")
    layer = RedisChannelLayer(**layers["default"]["CONFIG"])
    pool = layer.create_pool(0)  # no connection is opened
    assert pool.connection_kwargs["socket_timeout"] > layer.brpop_timeout


def test_an_event_reaches_a_board_without_a_thread_hop(live_site, monkeypatch):
    """Forwarding a published event touches no database: no `aclose_old_connections` per socket and event."""
    hops = []

    async def counted():
        hops.append(1)

    monkeypatch.setattr("channels.consumer.aclose_old_connections", counted)

    async def scenario():
        board = socket(f"/ws/live/{live_site.code}/")
        await joined(board)
        hops.clear()
        await sync_to_async(live.post_idea)(live_site.session, "a", "Une idée")
        event = await board.receive_json_from(timeout=5)
        hops_for_the_event = len(hops)
        await board.disconnect()
        return event, hops_for_the_event

    event, hops_for_the_event = async_to_sync(scenario)()
    assert event["idea"]["text"] == "Une idée" and hops_for_the_event == 0


@pytest.mark.django_db(transaction=False)
def test_the_in_memory_layer_fans_out_in_order_and_scans_for_expiry_once_per_interval(monkeypatch):
    """Every member gets every message, in order; the scan for expired entries does not run at every step."""
    from channels.layers import InMemoryChannelLayer as ChannelsLayer

    from home.live import InMemoryChannelLayer

    scans = []
    original_scan = ChannelsLayer._clean_expired
    monkeypatch.setattr(ChannelsLayer, "_clean_expired", lambda layer: scans.append(1) or original_scan(layer))
    layer = InMemoryChannelLayer()
    layer.clean_interval = 60  # however slow the machine running the test

    async def scenario():
        channels = [await layer.new_channel() for _ in range(50)]
        for channel in channels:
            await layer.group_add("board", channel)
        for number in range(3):
            await layer.group_send("board", {"type": "live.event", "text": str(number)})
        return [[(await layer.receive(channel))["text"] for _ in range(3)] for channel in channels]

    assert async_to_sync(scenario)() == [["0", "1", "2"]] * 50
    assert len(scans) == 1  # for 3 publications and 150 receipts


def test_a_deeply_nested_message_gets_a_translated_error_and_the_socket_keeps_serving(live_site, caplog):
    phone_session = browser_session()

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/?lang=fr", session=phone_session)
        await joined(phone)
        replies = []
        for frame in DEEPLY_NESTED_FRAMES:
            await phone.send_to(text_data=frame)
            replies.append(await phone.receive_json_from(timeout=5))
        await phone.send_json_to({"type": "hello", "since": 0})
        replies.append(await phone.receive_json_from(timeout=5))
        await phone.disconnect()
        return replies

    *errors, caught_up = async_to_sync(scenario)()
    with translation.override("fr"):
        too_deep = translation.gettext("This message is nested too deeply.")
    assert too_deep != "This message is nested too deeply."
    assert errors == [{"type": "error", "message": too_deep}] * len(DEEPLY_NESTED_FRAMES)
    assert caught_up == {"type": "session", "status": "open", "up_to": 0}
    assert "RecursionError" not in caplog.text


def test_the_server_closes_a_socket_that_sends_a_huge_frame_and_keeps_serving_others(live_site):
    """uvicorn, as production runs it, refuses a 1 MB frame from its header (close code 1009, "too big")."""
    with AsgiLiveServer() as server:
        address = f"{server.url.replace('http://', 'ws://')}/ws/live/{live_site.code}/"
        with connect(address, origin=server.url) as board, connect(address, origin=server.url) as flooder:
            flooder.send("x" * 1_000_000)
            with pytest.raises(ConnectionClosed) as closed:
                flooder.recv(timeout=5)
            assert closed.value.rcvd.code == CloseCode.MESSAGE_TOO_BIG
            board.send(json.dumps({"type": "hello", "since": 0}))
            assert json.loads(board.recv(timeout=5)) == {"type": "session", "status": "open", "up_to": 0}
        with connect(address, origin=server.url) as newcomer:
            newcomer.send(json.dumps({"type": "hello", "since": 0}))
            assert json.loads(newcomer.recv(timeout=5))["type"] == "session"


def production_websocket_origins() -> list[str]:
    """The allowed origins the production settings build for a site on https://shabaka.example.ma."""
    environment = {
        **os.environ,
        "SECRET_KEY": "production-like-" + "x" * 50,
        "ALLOWED_HOSTS": "shabaka.example.ma",
        "CSRF_TRUSTED_ORIGINS": "",
        "WAGTAILADMIN_BASE_URL": "https://shabaka.example.ma",
    }
    script = (
        "import json; from network_site.settings import production; "
        "print(json.dumps(production.WEBSOCKET_ALLOWED_ORIGINS))"
    )
    output = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, check=True, text=True)
    return json.loads(output.stdout)


def test_a_production_site_accepts_websockets_from_its_own_origin_only(live_site):
    site_sockets = websocket_application(production_websocket_origins())

    async def opened_from(origin: str | None) -> bool:
        headers = [(b"host", b"shabaka.example.ma")] + ([(b"origin", origin.encode())] if origin else [])
        connection = WebsocketCommunicator(site_sockets, f"/ws/live/{live_site.code}/", headers=headers)
        connected, _code = await connection.connect()
        await connection.disconnect()
        return connected

    async def scenario():
        return {
            origin: await opened_from(origin)
            for origin in (
                "https://shabaka.example.ma",
                "https://shabaka.example.ma:8443",
                "http://shabaka.example.ma",
                "https://evil.example",
                "https://shabaka.example.ma.evil.example",
                None,
            )
        }

    assert async_to_sync(scenario)() == {
        "https://shabaka.example.ma": True,
        "https://shabaka.example.ma:8443": False,
        "http://shabaka.example.ma": False,
        "https://evil.example": False,
        "https://shabaka.example.ma.evil.example": False,
        None: False,
    }


def test_ten_sockets_of_one_participant_post_no_more_ideas_a_minute_than_http_allows(live_site, client):
    phone_session = browser_session()

    async def scenario():
        phones = [socket(f"/ws/live/{live_site.code}/?lang=en", session=phone_session) for _ in range(10)]
        for phone in phones:
            await joined(phone)
        for round_number in range(2):
            for number, phone in enumerate(phones):
                await phone.send_json_to({"type": "post", "text": f"idée {round_number}-{number}"})
        refusals = 0
        for phone in phones:
            for _message in range(2):
                event = await phone.receive_json_from(timeout=5)
                while event["type"] == "idea":  # other phones' ideas, announced to everyone
                    event = await phone.receive_json_from(timeout=5)
                refusals += event == {"type": "error", "message": "You are posting very fast: wait a minute."}
        for phone in phones:
            await phone.disconnect()
        return refusals

    assert async_to_sync(scenario)() == 20 - live.IDEAS_PER_MINUTE
    assert Idea.objects.count() == live.IDEAS_PER_MINUTE
    client.cookies["sessionid"] = phone_session.session_key  # the same participant, now without JavaScript
    response = client.post(f"/en/live/{live_site.code}/", {"text": "par le formulaire"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["error"] == "You are posting very fast: wait a minute."
    assert Idea.objects.count() == live.IDEAS_PER_MINUTE


def test_invalid_messages_use_up_the_connection_limit(live_site):
    phone_session = browser_session()

    async def scenario():
        phone = socket(f"/ws/live/{live_site.code}/?lang=en", session=phone_session)
        await joined(phone)  # the hello is the first message of ten
        for _flood in range(9):
            await phone.send_to(text_data="{not json")
            assert (await phone.receive_json_from(timeout=5))["message"] == "This message is not valid JSON."
        await phone.send_json_to({"type": "post", "text": "Une idée valable"})
        refusal = await phone.receive_json_from(timeout=5)
        await phone.disconnect()
        return refusal

    assert async_to_sync(scenario)() == {"type": "error", "message": "Too many messages: wait a moment."}
    assert not Idea.objects.exists()
