"""The demo's consultations: the members' questionnaire from the seeds, answered, and a public one of every type."""

import pytest

from consultations.models import ConsultationPage, Response
from consultations.questions import QuestionType
from home.tests.servers import reads_the_demo


@reads_the_demo
@pytest.mark.xdist_group("demo")
def test_demo_has_both_consultations_in_three_languages(demo_site):
    members = ConsultationPage.objects.get(slug="competences-des-conseils", locale__language_code="ar")
    assert members.audience == "members"
    assert {q.code for q in members.questions.all()} >= {"competences-clarity", "finance-sufficient", "staff"}
    assert members.get_submissions().filter(member__isnull=False).count() == 4
    public = ConsultationPage.objects.get(slug="budget-participatif", locale__language_code="fr")
    assert {q.field_type for q in public.questions.all()} == set(QuestionType.values)
    assert "Moins de 25 ans" in public.questions.get(code="age-group").choices
    assert Response.objects.count() == 4
    from consultations.proposals import Proposal

    assert Proposal.objects.filter(status="published").count() == 3
    assert set(Response.objects.values_list("channel", flat=True)) == {"online", "file"}
    sefrou = Response.objects.get(member__slug="sefrou")
    assert sefrou.channel == "file" and sefrou.form_data["staff"] == {"numbers": 1, "skills": 2, "training": 1}
