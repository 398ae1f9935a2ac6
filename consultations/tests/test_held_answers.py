"""No valid answer is thrown away: a hall on one Wi-Fi, a filled hidden field and a double click all keep theirs."""

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from consultations.exports import ConsultationExport
from consultations.models import Held, Response, ResponseCount
from consultations.views import RELEASE_ACTION

HELD_NOTICE = "so the organisers will check them before they count"


def arabic(message: str) -> str:
    with translation.override("ar"):
        return translation.gettext(message)


@pytest.fixture
def hall_limit(settings):
    settings.CONSULTATION_ANSWERS_PER_ADDRESS_PER_HOUR = 20
    return 20


def answer_from_the_hall(client, consultation, answers, number: int):
    """One citizen's answer, from the hall's one address and the same phone model as everyone."""
    return client.post(
        consultation.url,
        {**answers, "name": f"Citoyen {number}"},
        REMOTE_ADDR="196.200.1.1",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile",
    )


def counted(consultation) -> int:
    return ResponseCount.of([consultation.translation_key])[consultation.translation_key].count


def test_a_hall_on_one_wifi_keeps_every_answer_and_is_told_which_wait(
    client, public_consultation, valid_answers, hall_limit
):
    pages = [answer_from_the_hall(client, public_consultation, valid_answers, number) for number in range(25)]

    assert [page.status_code for page in pages] == [200] * hall_limit + [202] * 5
    assert arabic("Thank you: your answers have been recorded.") in pages[0].content.decode()
    held_page = pages[-1].content.decode()
    assert (
        arabic(
            "Thank you: your answers have been received. Many answers came from the same connection in a short "
            "time, so the organisers will check them before they count."
        )
        in held_page
    )
    assert HELD_NOTICE not in held_page  # in the visitor's language, Arabic here
    assert Response.objects.count() == 25
    assert Response.objects.filter(held=Held.MANY_FROM_ONE_ADDRESS).count() == 5
    assert counted(public_consultation) == hall_limit == public_consultation.get_submissions().count()
    assert ConsultationExport(public_consultation, Response.objects.all()).responses.count() == hall_limit


def test_a_filled_hidden_field_is_held_not_dropped(client, public_consultation, valid_answers):
    page = client.post(public_consultation.url, {**valid_answers, "website": "http://spam.example"})
    assert page.status_code == 202
    assert Response.objects.get().held == Held.HIDDEN_FIELD
    assert counted(public_consultation) == 0


def test_an_organiser_releases_held_answers_and_discards_one(
    client, admin_client, public_consultation, valid_answers, hall_limit
):
    for number in range(hall_limit + 3):
        answer_from_the_hall(client, public_consultation, valid_answers, number)
    key = public_consultation.translation_key
    listing = admin_client.get(f"/admin/consultations/responses/?consultation={key}&held=address").content.decode()
    assert listing.count("/admin/consultations/responses/release/") == 3 + 1  # each row, and all of them
    discarded = Response.objects.filter(held=Held.MANY_FROM_ONE_ADDRESS).first()
    assert admin_client.post(f"/admin/consultations/responses/delete/{discarded.pk}/").status_code == 302
    assert counted(public_consultation) == hall_limit

    confirmation = admin_client.get(f"/admin/consultations/responses/release/?consultation={key}")
    assert confirmation.status_code == 200 and Response.objects.exclude(held="").count() == 2  # nothing yet
    released = admin_client.post(f"/admin/consultations/responses/release/?consultation={key}")
    assert released.status_code == 302
    assert not Response.objects.exclude(held="").exists()
    assert counted(public_consultation) == hall_limit + 2 == public_consultation.get_submissions().count()
    assert ModelLogEntry.objects.filter(action=RELEASE_ACTION).count() == 2


def test_a_commune_editor_cannot_release(client, site_tree, public_consultation, valid_answers):
    client.post(public_consultation.url, {**valid_answers, "website": "x"})
    held = Response.objects.get()
    client.force_login(site_tree.commune.group_for_editors().user_set.create(username="editor"))
    assert client.post(f"/admin/consultations/responses/release/{held.pk}/").status_code == 302
    held.refresh_from_db()
    assert held.held == Held.HIDDEN_FIELD


def test_a_double_post_shows_the_first_answers_receipt(client, public_consultation, valid_answers):
    first = client.post(public_consultation.url, valid_answers)
    again = client.post(public_consultation.url, valid_answers)
    response = Response.objects.get()
    receipt = arabic("Receipt: answer %(reference)s, received on %(date)s.") % {
        "reference": response.reference,
        "date": "",
    }
    assert receipt.split(response.reference)[0] + response.reference in first.content.decode()
    assert response.reference in again.content.decode()
    assert arabic("These answers had already been received: they are recorded once.") in again.content.decode()
    assert counted(public_consultation) == 1
