"""Organisers manage snippets, pages and the follow-up of recommendations in the admin."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation

from home.roles import ORGANISERS
from workshops.admin_views import CommuneUptakeForm, RecommendationUpdateForm
from workshops.models import Recommendation, RecommendationUpdate


@pytest.fixture
def organiser_client(client, workshops_site):
    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return client


def test_organiser_opens_every_workshops_screen(organiser_client, workshops_site):
    site = workshops_site
    urls = [
        "/admin/snippets/workshops/organisation/",
        "/admin/snippets/workshops/axis/",
        "/admin/workshops/recommendation-updates/",
        "/admin/workshops/recommendation-updates/new/",
        "/admin/workshops/uptake/",
        "/admin/workshops/uptake/new/",
        f"/admin/pages/add/workshops/meetingpage/{site.index.pk}/",
        f"/admin/pages/add/workshops/workshoppage/{site.index.pk}/",
        f"/admin/pages/add/workshops/meetingpage/{site.tree.commune.pk}/",
    ]
    urls += [
        f"/admin/pages/{page.pk}/edit/"
        for page in (site.index, site.compilation, site.workshop, site.meeting, site.plan)
    ]
    for url in urls:
        assert organiser_client.get(url).status_code == 200, url


def test_workshop_edit_view_links_to_the_follow_up(organiser_client, workshops_site):
    html = organiser_client.get(f"/admin/pages/{workshops_site.workshop.pk}/edit/").content.decode()
    assert f"/admin/workshops/recommendation-updates/?workshop={workshops_site.workshop.translation_key}" in html
    listing = organiser_client.get(
        f"/admin/workshops/recommendation-updates/?workshop={workshops_site.workshop.translation_key}"
    )
    assert listing.status_code == 200


def test_follow_up_changes_the_public_status_at_once(organiser_client, client, workshops_site):
    """The compilation is cached until the next publication; a follow-up note counts as one."""
    recommendation = Recommendation.objects.get(text="توضيح الاختصاصات", locale__language_code="ar")
    url = workshops_site.page_in(workshops_site.compilation, "fr").url + "?status=done"
    with translation.override("fr"):
        no_match = translation.gettext("No recommendation matches these filters.")
    assert no_match in client.get(url).content.decode()
    response = organiser_client.post(
        "/admin/workshops/recommendation-updates/new/",
        {"recommendation": recommendation.pk, "date": "2024-05-02", "status": "done", "note": "Fait."},
    )
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "توضيح الاختصاصات" in html and "status--done" in html
    workshop_html = client.get(workshops_site.page_in(workshops_site.workshop, "en").url).content.decode()
    assert "status--done" in workshop_html


def test_follow_up_cannot_be_dated_in_the_future(organiser_client, workshops_site):
    recommendation = Recommendation.objects.get(text="توضيح الاختصاصات", locale__language_code="ar")
    response = organiser_client.post(
        "/admin/workshops/recommendation-updates/new/",
        {"recommendation": recommendation.pk, "date": "2999-01-01", "status": "done", "note": ""},
    )
    assert response.status_code == 200
    assert not RecommendationUpdate.objects.exists()


def test_forms_offer_each_recommendation_once_in_its_original_language(workshops_site):
    choices = RecommendationUpdateForm().fields["recommendation"].queryset
    assert set(choices.values_list("locale__language_code", flat=True)) == {"ar"}
    assert choices.count() == 2
    uptake_choices = CommuneUptakeForm(for_user=None).fields["recommendation"].queryset
    assert list(uptake_choices.values_list("addressee", flat=True)) == ["communes"]


def test_commune_editor_sees_uptake_but_not_follow_up(client, workshops_site):
    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(workshops_site.tree.commune.group_for_editors())
    client.force_login(editor)
    assert client.get("/admin/workshops/uptake/").status_code == 200
    assert client.get("/admin/workshops/recommendation-updates/").status_code == 302
    assert client.get("/admin/snippets/workshops/axis/").status_code == 302


def test_preview_of_an_unsaved_workshop_shows_its_unsaved_inlines(organiser_client, workshops_site):
    from .test_bad_input import workshop_form

    url = f"/admin/pages/add/workshops/workshoppage/{workshops_site.index.pk}/preview/"
    data = workshop_form(workshops_site.theme)
    data.update(
        {
            "participants-TOTAL_FORMS": "2",
            "participants-0-name": "Shown Person",
            "participants-0-role": "",
            "participants-0-organisation": "",
            "participants-0-is_public": "on",
            "participants-0-ORDER": "1",
            "participants-1-name": "Unshown Person",
            "participants-1-role": "",
            "participants-1-organisation": "",
            "participants-1-ORDER": "2",
        }
    )
    assert organiser_client.post(url, data).json()["is_valid"]
    html = organiser_client.get(url).content.decode()
    assert "Shown Person" in html and "Unshown Person" not in html
    assert "تعزيز التعاون بين الجماعات الترابية" in html
