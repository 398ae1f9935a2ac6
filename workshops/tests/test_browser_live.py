"""A live session in real browsers: a participant posts from a phone, the board shows it without reload."""

import pytest

from home.tests.browser import accessibility_violations, chromium_path, describe_violations

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

from django.utils import translation
from playwright.sync_api import expect

from workshops.models import Idea

pytestmark = pytest.mark.browser


@pytest.fixture
def session_on_site(browser_site, asgi_server, request):
    return request.getfixturevalue("live_site")


def test_an_idea_posted_on_a_phone_appears_on_the_board_and_on_other_phones(browser, asgi_server, session_on_site):
    code = session_on_site.code
    board_context = browser.new_context(base_url=asgi_server.url, viewport={"width": 1280, "height": 800})
    phone_context = browser.new_context(base_url=asgi_server.url, viewport={"width": 390, "height": 844})
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
    finally:
        board_context.close()
        phone_context.close()
    assert Idea.objects.get().votes == 1
