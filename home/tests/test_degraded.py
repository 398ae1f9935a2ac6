"""Redis stops: the site serves its pages uncached, limits hold per process, readiness says so."""

import pytest
from django.test import RequestFactory

from home.live import publish
from home.ratelimit import first_time, is_rate_limited


def test_pages_are_served_while_redis_is_down_and_cached_again_when_it_is_back(
    client, site_tree, settings_on_own_redis, settings
):
    settings.PAGE_CACHE = True
    assert client.get("/ar/").status_code == 200
    assert client.get("/ar/")["X-Page-Cache"] == "hit"

    settings_on_own_redis.stop()
    for path in ("/ar/", "/fr/", "/en/communes/", "/fr/search/?q=budget"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "X-Page-Cache" not in response or response["X-Page-Cache"] == "miss"

    settings_on_own_redis.start()
    client.get("/fr/")
    assert client.get("/fr/")["X-Page-Cache"] == "hit"


def test_readiness_reports_redis_down_with_a_503_while_liveness_stays_ok(client, db, settings_on_own_redis):
    ready = client.get("/readyz", HTTP_ACCEPT="application/json")
    assert ready.status_code == 200, ready.content
    settings_on_own_redis.stop()
    not_ready = client.get("/readyz", HTTP_ACCEPT="application/json")
    assert not_ready.status_code == 503 and not_ready["Retry-After"] == "10"
    failing = [check for check, state in not_ready.json().items() if state != "OK"]
    assert len(failing) == 3 and any("ChannelLayer" in check for check in failing), not_ready.json()
    assert client.get("/healthz").status_code == 200
    settings_on_own_redis.start()
    assert client.get("/readyz", HTTP_ACCEPT="application/json").status_code == 200


def test_limits_count_in_the_process_while_redis_is_down(settings_on_own_redis):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    settings_on_own_redis.stop()
    assert [is_rate_limited(request, "degraded", limit=2, window=60) for _ in range(3)] == [False, False, True]
    assert first_time("degraded-post", 10) is True
    assert first_time("degraded-post", 10) is False


def test_a_live_event_that_cannot_be_announced_does_not_fail_the_change(
    db, settings_on_own_redis, django_capture_on_commit_callbacks, caplog
):
    settings_on_own_redis.stop()
    with django_capture_on_commit_callbacks(execute=True):
        publish("live.test", "idea", {"id": 1})
    assert "not announced" in caplog.text


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_readiness_is_never_cached(client, db, language):
    assert "no-cache" in client.get("/readyz", HTTP_ACCEPT="application/json")["Cache-Control"]


def test_a_session_lost_to_a_database_outage_gets_the_503_page_not_a_400(rf, db):
    """Django reports any database error on saving a session as "the session was deleted" (400)."""
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.exceptions import SessionInterrupted
    from django.core.exceptions import BadRequest
    from django.db import OperationalError
    from django.utils import translation

    from home.views import bad_request

    def interrupted_session() -> SessionInterrupted:
        try:
            try:
                try:
                    raise OperationalError("connection refused")
                except OperationalError:
                    raise UpdateError  # noqa: B904 - as Django's session store does
            except UpdateError:
                raise SessionInterrupted("The request's session was deleted.")  # noqa: B904 - as its middleware does
        except SessionInterrupted as error:
            return error

    response = bad_request(rf.post("/fr/live/ABCD/"), interrupted_session())
    assert response.status_code == 503 and response["Retry-After"] == "30"
    with translation.override("fr"):
        assert translation.gettext("The site is unavailable for a moment") in response.content.decode()
    assert bad_request(rf.get("/fr/"), BadRequest("odd")).status_code == 400
