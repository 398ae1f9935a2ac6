"""A live session in real browsers: a participant posts from a phone, the board shows it without reload."""

import pytest

from home.tests.browser import accessibility_violations, chromium_path, describe_violations

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from home.tests.servers import session_cookie_for
from workshops.models import Idea

pytestmark = pytest.mark.browser


@pytest.fixture
def session_on_site(browser_site, asgi_server, request):
    return request.getfixturevalue("live_site")


def test_an_idea_posted_on_a_phone_appears_on_the_board_and_on_other_phones(
    browser, asgi_server, session_on_site, organiser
):
    code = session_on_site.code
    board_context = browser.new_context(base_url=asgi_server.url, viewport={"width": 1280, "height": 800})
    phone_context = browser.new_context(base_url=asgi_server.url, viewport={"width": 390, "height": 844})
    desk_context = browser.new_context(base_url=asgi_server.url, locale="en-US")
    try:
        board = board_context.new_page()
        board.set_default_timeout(10_000)
        with board.expect_websocket() as opened:
            board.goto(f"/ar/live/{code}/board/")
        opened.value.wait_for_event("framereceived")  # the catch-up: the board follows from here on
        assert board.locator("html").get_attribute("dir") == "rtl"
        expect(board.locator(".board__code strong")).to_have_text(code)
        board.evaluate("window.sameDocument = true")
        violations = accessibility_violations(board)
        assert not violations, describe_violations(violations)

        phone = phone_context.new_page()
        phone.set_default_timeout(10_000)
        with phone.expect_websocket() as phone_socket:
            phone.goto(f"/ar/live/{code}/")
        phone_socket.value.wait_for_event("framereceived")
        violations = accessibility_violations(phone)
        assert not violations, describe_violations(violations)
        with translation.override("ar"):
            label, axis_label, post = (
                translation.gettext(text) for text in ("Your idea", "Axis (optional)", "Post my idea")
            )
        phone.get_by_label(label).fill("فتح البيانات <b>المالية</b>")
        phone.get_by_label(axis_label).select_option("transparency")
        phone.get_by_role("button", name=post).click()

        column = board.locator('.idea-list[data-axis="transparency"]')
        expect(column.locator(".idea__text")).to_have_text("فتح البيانات <b>المالية</b>")
        assert board.evaluate("window.sameDocument") is True  # no reload
        expect(phone.locator(".idea__text")).to_have_text("فتح البيانات <b>المالية</b>")
        expect(phone.get_by_label(label)).to_have_value("")

        phone.locator(".idea [data-vote-form] button").click()
        expect(column.locator('[data-field="votes"]')).to_have_text("1")

        # The facilitator hides the idea from the admin: it leaves the board and the phone at once.
        desk_context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie_for(organiser), "url": asgi_server.url}]
        )
        desk = desk_context.new_page()
        desk.set_default_timeout(10_000)
        with desk.expect_websocket() as desk_socket:
            desk.goto(f"/admin/workshops/live-sessions/{session_on_site.session.pk}/facilitate/")
        desk_socket.value.wait_for_event("framereceived")
        desk.get_by_role("button", name="Hide").click()
        expect(column.locator(".idea")).to_have_count(0)
        expect(phone.locator(".idea")).to_have_count(0)
        expect(desk.locator(".idea--hidden")).to_have_count(1)
        assert board.evaluate("window.sameDocument") is True
    finally:
        for context in (board_context, phone_context, desk_context):
            context.close()
    idea = Idea.objects.get()
    assert idea.votes == 1 and idea.hidden


def test_a_board_whose_websockets_are_blocked_falls_back_to_polling(browser, asgi_server, session_on_site):
    context = browser.new_context(base_url=asgi_server.url, locale="fr-FR")
    phone_context = browser.new_context(base_url=asgi_server.url)
    try:
        board = context.new_page()
        board.set_default_timeout(20_000)
        board.route_web_socket("**/ws/**", lambda socket: socket.close(code=1011, reason="blocked by a proxy"))
        board.goto(f"/fr/live/{session_on_site.code}/board/")
        with translation.override("fr"):
            polling = translation.gettext("Updated every few seconds.")
        expect(board.locator("[data-live-status]")).to_have_text(polling)
        phone = phone_context.new_page()
        phone.goto(f"/fr/live/{session_on_site.code}/")
        with translation.override("fr"):
            label, post = (translation.gettext(text) for text in ("Your idea", "Post my idea"))
        phone.get_by_label(label).fill("Arrivée par sondage")
        phone.get_by_role("button", name=post).click()
        expect(board.locator(".idea__text")).to_have_text("Arrivée par sondage")
    finally:
        context.close()
        phone_context.close()
