"""Answering a consultation online: every question type, from the form to the stored response."""

import pytest

from consultations.models import Response


def test_every_question_type_renders_with_a_label(client, public_consultation):
    content = client.get(public_consultation.url).content.decode()
    for code in ("name", "story", "axis", "tools", "plan", "plan-year", "satisfaction", "meeting", "contact", "report"):
        assert f'name="{code}' in content, code
    assert "Votre commune" in content  # the section heading
    assert 'name="grid_0"' in content and 'name="priorities_2"' in content
    assert "Faible" in content and "Forte" in content


def test_a_valid_answer_is_stored_with_stable_codes(client, public_consultation, valid_answers):
    response = client.post(public_consultation.url, valid_answers)
    assert response.status_code == 200, response.content.decode()[:2000]
    stored = Response.objects.get()
    assert stored.consultation_key == public_consultation.translation_key
    assert stored.channel == "online"
    assert stored.form_data == {
        "name": "Budget participatif des jeunes",
        "story": "Un récit.",
        "axis": "finance",
        "tools": ["budget", "youth"],
        "plan": "yes",
        "plan-year": 2022,
        "satisfaction": 4,
        "grid": {"transparency": 3, "participation": 2},
        "priorities": ["b", "a", "c"],
        "meeting": "2022-11-14",
        "contact": "commune@example.ma",
        "report": None,
    }
    assert stored.consent_given_at is not None


def test_hidden_conditional_question_is_ignored(client, public_consultation, valid_answers):
    answers = {**valid_answers, "plan": "no", "plan-year": "1900"}  # out of bounds, but not asked
    assert client.post(public_consultation.url, answers).status_code == 200
    assert "plan-year" not in Response.objects.get().form_data


def test_shown_conditional_question_is_validated(client, public_consultation, valid_answers):
    response = client.post(public_consultation.url, {**valid_answers, "plan-year": "1900"})
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_other_needs_its_text(client, public_consultation, valid_answers):
    response = client.post(public_consultation.url, {**valid_answers, "axis": "other"})
    assert response.status_code == 400
    response = client.post(public_consultation.url, {**valid_answers, "axis": "other", "axis__other": "Le foncier"})
    assert response.status_code == 200
    stored = Response.objects.get()
    assert stored.form_data["axis"] == "other" and stored.form_data["axis__other"] == "Le foncier"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": ""}, "Champ requis"),
        ({"axis": "nothing"}, "Sélectionnez un choix valide"),
        ({"tools": ["budget", "youth", "petitions"]}, "au plus 2"),
        ({"satisfaction": "9"}, "Sélectionnez un choix valide"),
        ({"priorities_0": "1", "priorities_1": "1"}, "une seule fois"),
        ({"priorities_0": "7"}, "de 1 à 3"),
        ({"meeting": "2019-01-01"}, "2020-01-01"),
        ({"name": "x" * 81}, "80"),
        ({"contact": "not-an-email"}, "adresse de courriel valide"),
        ({"consent": ""}, "consentement"),
    ],
)
def test_bad_answers_get_a_clear_message_in_the_visitors_language(
    client, french_consultation, valid_answers, change, message
):
    response = client.post(french_consultation.url, {**valid_answers, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Response.objects.exists()
