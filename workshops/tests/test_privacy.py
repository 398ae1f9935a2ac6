"""A participant not marked public never appears on public pages, feeds, search results or exports."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook

PUBLIC, PRIVATE = "Public Person", "Secret Person"
MEETING_PRIVATE = "Hidden Member"


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_pages_name_only_public_participants(client, workshops_site, language):
    workshop = client.get(workshops_site.page_in(workshops_site.workshop, language).url).content.decode()
    assert PUBLIC in workshop and PRIVATE not in workshop
    meeting = client.get(workshops_site.page_in(workshops_site.meeting, language).url).content.decode()
    assert "Nassar Lanjri" in meeting and "Abdelhak Andaloussi" in meeting
    assert MEETING_PRIVATE not in meeting


def test_a_participant_made_private_disappears_at_the_next_publication(
    client, workshops_site, django_capture_on_commit_callbacks
):
    page = workshops_site.workshop
    url = page.url
    assert PUBLIC in client.get(url).content.decode()
    participant = page.participants.get(name=PUBLIC)
    participant.is_public = False
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    html = client.get(url).content.decode()
    assert PUBLIC not in html
    assert response_mentions_two_unnamed(html)


def response_mentions_two_unnamed(html: str) -> bool:
    singular = "and %(counter)s other participant, not named here"
    plural = "and %(counter)s other participants, not named here"
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            if translation.ngettext(singular, plural, 2) % {"counter": 2} in html:
                return True
    return False


def test_feed_lists_events_without_participants(client, workshops_site):
    index = workshops_site.page_in(workshops_site.index, "fr")
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    content = response.content.decode()
    assert workshops_site.workshop.title in content
    for name in (PUBLIC, PRIVATE, MEETING_PRIVATE, "Nassar Lanjri"):
        assert name not in content


def test_search_finds_public_participants_only(client, workshops_site):
    call_command("update_index", verbosity=0)
    found = client.get("/ar/search/", {"q": "Public Person"})
    assert workshops_site.workshop.title in found.content.decode()
    secret = client.get("/ar/search/", {"q": "Secret Person"})
    assert secret.status_code == 200
    assert workshops_site.workshop.title not in secret.content.decode()
    hidden = client.get("/ar/search/", {"q": "Hidden Member"})
    assert workshops_site.meeting.title not in hidden.content.decode()


def test_public_exports_hold_no_participant(client, workshops_site):
    compilation = workshops_site.compilation.url
    for url in (compilation + "export/xlsx/", compilation + "export/csv/", workshops_site.plan.url + "export/"):
        response = client.get(url)
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        if "xlsx" in response["Content-Type"] or "spreadsheetml" in response["Content-Type"]:
            workbook = load_workbook(io.BytesIO(content))
            text = " ".join(
                str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row
            )
        else:
            text = content.decode("utf-8")
        assert "الاختصاصات" in text or "Budget citoyen" in text  # the export is not empty
        for name in (PUBLIC, PRIVATE, MEETING_PRIVATE):
            assert name not in text, (url, name)


def test_home_page_shows_the_events_not_their_participants(client, workshops_site):
    html = client.get(workshops_site.tree.home.url).content.decode()
    assert workshops_site.workshop.title in html
    assert PRIVATE not in html and PUBLIC not in html


def test_a_restricted_workshop_is_left_out_of_listings_feeds_and_the_compilation(client, workshops_site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=workshops_site.workshop, restriction_type="password", password="x")
    index = client.get(workshops_site.index.url).content.decode()
    assert workshops_site.workshop.title not in index
    assert workshops_site.meeting.title in index
    feed = client.get(workshops_site.index.url + "feed/").content.decode()
    assert workshops_site.workshop.title not in feed
    compilation = client.get(workshops_site.compilation.url).content.decode()
    assert "توضيح الاختصاصات" not in compilation
    export = client.get(workshops_site.compilation.url + "export/csv/")
    assert "توضيح الاختصاصات" not in b"".join(export.streaming_content).decode()
