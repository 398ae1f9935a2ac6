"""Organisers see one listing per consultation, edit answers with the same rules, keep a history, mark spam."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail.models import ModelLogEntry

from consultations.models import Response
from home.roles import COMMUNE_EDITORS_PREFIX, ORGANISERS


@pytest.fixture
def answered(client, public_consultation, french_consultation, valid_answers):
    """One answer through the Arabic page, one through the French page."""
    client.post(public_consultation.url, valid_answers)
    client.post(french_consultation.url, {**valid_answers, "name": "Réponse française"})
    return public_consultation


@pytest.fixture
def organiser_client(client, site_tree):
    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return client


def test_responses_in_every_language_form_one_set(answered, french_consultation):
    assert answered.get_submissions().count() == 2
    assert french_consultation.get_submissions().count() == 2
    assert set(Response.objects.values_list("language", flat=True)) == {"ar", "fr"}


def test_listing_filters_by_consultation_language_and_channel(organiser_client, answered):
    base = f"/admin/consultations/responses/?consultation={answered.translation_key}"
    listing = organiser_client.get(base)
    assert listing.status_code == 200
    assert listing.content.decode().count("/admin/consultations/responses/inspect/") >= 2
    french_only = organiser_client.get(base + "&language=fr").content.decode()
    assert french_only.count("/admin/consultations/responses/inspect/") == 1
    assert organiser_client.get(base + "&channel=file").content.decode().count("/responses/inspect/") == 0
    # Wagtail's own submissions link for the page leads to this listing.
    redirect = organiser_client.get(f"/admin/forms/submissions/{answered.pk}/")
    assert redirect.status_code == 302 and str(answered.translation_key) in redirect["Location"]


def test_a_consultations_listing_shows_its_live_count(organiser_client, answered):
    spam = Response.objects.filter(language="fr").get()
    spam.is_spam = True
    spam.save()
    key = answered.translation_key
    listing = organiser_client.get(f"/admin/consultations/responses/?consultation={key}").content.decode()
    html = BeautifulSoup(listing, "html.parser")
    counter = html.select_one(f'[data-live-count="{key}"]')
    assert counter.text == "1"  # the Arabic answer; the French one is spam
    assert counter["data-live-version"] == "3"  # two answers, then the spam: what live events are compared with
    region = counter.find_parent(attrs={"aria-live": "polite"})
    with translation.override("ar"):  # the admin's language when the browser asks for none
        assert translation.gettext("Responses to this consultation, spam left out:") in region.text
    # The counting script is on the page (it serves every admin page).
    assert html.find("script", src=lambda src: src and src.endswith("consultations/live_counts.js"))
    # Refreshing the results (as filters do) brings the counter too; the unfiltered listing has none.
    results = organiser_client.get(f"/admin/consultations/responses/results/?consultation={key}").content.decode()
    assert f'data-live-count="{key}"' in results
    assert "data-live-count" not in organiser_client.get("/admin/consultations/responses/").content.decode()


def test_organiser_edits_answers_with_the_forms_rules_and_the_change_is_logged(organiser_client, answered):
    response = Response.objects.filter(language="ar").get()
    url = f"/admin/consultations/responses/answers/{response.pk}/"
    assert organiser_client.get(url).status_code == 200
    data = {
        "name": "Corrigé",
        "axis": "competences",
        "tools": ["petitions"],
        "plan": "no",
        "satisfaction": "2",
        "grid_0": "1",
        "grid_1": "1",
    }
    refused = organiser_client.post(url, {**data, "satisfaction": "99"})
    assert refused.status_code == 200
    response.refresh_from_db()
    assert response.form_data["name"] == "Budget participatif des jeunes"
    assert organiser_client.post(url, data).status_code == 302
    response.refresh_from_db()
    assert response.form_data["name"] == "Corrigé" and "plan-year" not in response.form_data
    entry = ModelLogEntry.objects.for_instance(response).get()
    assert entry.action == "wagtail.edit"
    history = organiser_client.get(f"/admin/consultations/responses/history/{response.pk}/")
    assert history.status_code == 200


def test_spam_is_kept_but_left_out_of_counts(organiser_client, answered):
    response = Response.objects.filter(language="fr").get()
    edit = organiser_client.post(
        f"/admin/consultations/responses/edit/{response.pk}/",
        {"channel": "online", "is_spam": "on", "respondent_name": "", "respondent_email": "", "respondent_commune": ""},
    )
    assert edit.status_code == 302
    assert Response.objects.count() == 2
    assert answered.get_submissions().count() == 1
    assert ModelLogEntry.objects.for_instance(response).filter(action="wagtail.edit").exists()


def test_dashboard_shows_open_consultations_and_members_yet_to_answer(organiser_client, answered):
    content = organiser_client.get("/admin/").content.decode()
    assert answered.title in content
    assert 'data-live-count="' in content


def test_commune_editors_cannot_read_responses(client, site_tree, answered):
    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(site_tree.commune.group_for_editors())
    assert editor.groups.filter(name__startswith=COMMUNE_EDITORS_PREFIX).exists()
    client.force_login(editor)
    assert client.get("/admin/consultations/responses/").status_code == 302
    response = Response.objects.first()
    assert client.get(f"/admin/consultations/responses/answers/{response.pk}/").status_code == 302


def test_open_consultations_appear_on_the_home_page(client, site_tree, answered):
    assert answered.title in client.get(site_tree.home.url).content.decode()


def test_each_answer_shows_in_the_admin_with_its_label(organiser_client, answered):
    response = Response.objects.filter(language="ar").get()
    detail = organiser_client.get(f"/admin/consultations/responses/inspect/{response.pk}/").content.decode()
    for shown in (
        "Budget participatif des jeunes",  # short text
        "Ressources financières",  # single choice, by its label
        "Budget participatif, Conseil des jeunes",  # multiple choice
        "Transparence: 3",  # matrix
        "Routes, Eau, Écoles",  # ranking, in order
        "2022-11-14",  # date
        "commune@example.ma",  # e-mail
        "2022",  # number shown because its condition is met
    ):
        assert shown in detail, shown


def add_responses(consultation, count: int) -> None:
    Response.objects.bulk_create(
        Response(page=consultation, consultation_key=consultation.translation_key, language="ar", form_data={})
        for _ in range(count)
    )


def test_listing_queries_do_not_grow_with_its_responses(organiser_client, consultations_index, public_consultation):
    from consultations.tests.factories import ConsultationPageFactory

    other = ConsultationPageFactory(parent=consultations_index, title="Another consultation")
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        organiser_client.get("/admin/consultations/responses/")
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert organiser_client.get("/admin/consultations/responses/").status_code == 200
        return len(captured)

    for consultation in (public_consultation, other):
        add_responses(consultation, 2)
    with_few = queries()
    for consultation in (public_consultation, other):
        add_responses(consultation, 8)
    assert queries() == with_few


def test_listing_counts_no_further_than_its_cap(organiser_client, public_consultation, monkeypatch):
    from home.paginators import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 30)
    add_responses(public_consultation, 45)
    listing = organiser_client.get("/admin/consultations/responses/")
    assert listing.context["paginator"].num_pages == 2
    assert "أكثر من 30" in listing.content.decode()  # the organiser's admin is in Arabic
    deep = organiser_client.get("/admin/consultations/responses/?p=99")
    assert deep.status_code == 200 and deep.context["page_obj"].number == 2
    with translation.override("en"):
        assert CappedPaginator(Response.objects.filter(language="fr"), 20).items_count_label == "0 responses"
