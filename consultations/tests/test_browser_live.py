"""An organiser watches a consultation's responses listing while a citizen answers: the count grows without reload.

The pages come from the real ASGI application served in a thread of the test process (`asgi_server`).
"""

import pytest

from home.tests.browser import chromium_path

if chromium_path() is None:
    pytest.skip("Chromium is not installed (no `chromium` on PATH)", allow_module_level=True)

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import translation
from playwright.sync_api import expect

from consultations.models import Response
from consultations.tests.factories import ConsultationPageFactory
from home.roles import ORGANISERS
from home.tests.servers import session_cookie_for

pytestmark = pytest.mark.browser

IDEA = "ما هي أولوياتكم لجماعتكم؟"
CONSENT = "I agree that my answers are processed for this consultation, as described above."
SEND = "Send my answers"
THANKS = "Thank you: your answers have been recorded."


@pytest.fixture
def consultation(browser_site, consultations_index):
    return ConsultationPageFactory(
        parent=consultations_index,
        title="استشارة حول الميزانية",
        questions=[{"code": "idea", "field_type": "short_text", "label": IDEA}],
    )


@pytest.fixture
def organiser_page(browser, asgi_server):
    """An organiser's browser, signed in, its admin in English."""
    organiser = User.objects.create_user("organiser")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    context = browser.new_context(base_url=asgi_server.url, locale="en-US", viewport={"width": 1280, "height": 800})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie_for(organiser), "url": asgi_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def answer_as_a_citizen(browser, asgi_server, consultation) -> None:
    citizen = browser.new_context(base_url=asgi_server.url)
    try:
        form = citizen.new_page()
        form.set_default_timeout(10_000)
        form.goto(consultation.url)
        form.get_by_label(IDEA).fill("الماء الصالح للشرب في الدواوير")
        with translation.override("ar"):  # the consultation's page is in Arabic
            consent, send, thanks = (translation.gettext(text) for text in (CONSENT, SEND, THANKS))
        form.get_by_label(consent).check()
        form.get_by_role("button", name=send).click()
        expect(form.get_by_text(thanks)).to_be_visible()
    finally:
        citizen.close()


def test_the_listing_count_grows_as_a_citizen_answers(browser, asgi_server, organiser_page, consultation):
    key = consultation.translation_key
    with organiser_page.expect_websocket() as opened:
        organiser_page.goto(f"/admin/consultations/responses/?consultation={key}")
    # The first message is the count caught up from the database: the counter is followed from here on.
    opened.value.wait_for_event("framereceived")
    live_region = organiser_page.get_by_text("Responses to this consultation, spam left out:")
    expect(live_region).to_have_attribute("aria-live", "polite")
    counter = live_region.locator(f'[data-live-count="{key}"]')
    expect(counter).to_have_text("0")
    organiser_page.evaluate("window.sameDocument = true")
    answer_as_a_citizen(browser, asgi_server, consultation)
    expect(counter).to_have_text("1")
    assert organiser_page.evaluate("window.sameDocument") is True  # no reload
    assert Response.objects.get().form_data == {"idea": "الماء الصالح للشرب في الدواوير"}


def test_a_consultation_chosen_in_the_filters_brings_a_live_count(browser, asgi_server, organiser_page, consultation):
    organiser_page.goto("/admin/consultations/responses/")
    organiser_page.evaluate("window.sameDocument = true")
    # The socket opens once the counter is there; an answer sent before it has joined still
    # arrives, through the catch-up that answers the socket's `hello`.
    with organiser_page.expect_websocket():
        organiser_page.get_by_role("button", name="Show filters").click()
        organiser_page.get_by_role("button", name="Consultation", exact=True).click()
        filters = organiser_page.locator("#drilldown-id_consultation")
        filters.get_by_label("Consultation").select_option(label=consultation.title)
        counter = organiser_page.locator(f'[data-live-count="{consultation.translation_key}"]')
        expect(counter).to_have_text("0")

    answer_as_a_citizen(browser, asgi_server, consultation)

    expect(counter).to_have_text("1")
    assert organiser_page.evaluate("window.sameDocument") is True  # the filters swapped the results in place
