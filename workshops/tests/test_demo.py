"""The demo holds the four seed events as structured records, in three languages."""

import pytest

from home.tests.servers import reads_the_demo
from workshops.models import (
    ActionPlanPage,
    CommuneUptake,
    Idea,
    LiveSession,
    MeetingPage,
    Recommendation,
    RecommendationsPage,
    RecommendationUpdate,
    WorkshopIndexPage,
    WorkshopPage,
)


@reads_the_demo
@pytest.mark.xdist_group("demo")
def test_demo_holds_the_seed_events_as_structured_records(client, demo_site):
    assert LiveSession.objects.count() == 1 and Idea.objects.count() == 6
    assert Recommendation.objects.exists() and RecommendationUpdate.objects.exists() and CommuneUptake.objects.exists()
    board = client.get("/fr/live/CAFE34/board/").content.decode()
    assert "Un guichet numérique unique" in board and "CAFE34" in board

    for language in ("ar", "fr", "en"):
        assert WorkshopIndexPage.objects.live().filter(locale__language_code=language, show_in_menus=True).exists()
        assert RecommendationsPage.objects.live().filter(locale__language_code=language).exists()
        assert WorkshopPage.objects.live().filter(locale__language_code=language).count() == 3
        assert MeetingPage.objects.live().filter(locale__language_code=language).count() == 1
        assert ActionPlanPage.objects.live().filter(locale__language_code=language).count() == 1

    sefrou = WorkshopPage.objects.get(slug="sefrou-2016-deuxieme-rencontre", locale__language_code="ar")
    assert sefrou.kind == "network_meeting" and sefrou.working_groups.count() == 4
    assert sefrou.documents.count() == 7 and sefrou.communes.count() == 15
    assert all(item.document.file.name.endswith(".pdf") for item in sefrou.documents.all())
    competences = WorkshopPage.objects.get(slug="atelier-competences-conseils-2020", locale__language_code="ar")
    assert str(competences.start_date) == "2020-03-02"
    assert sorted(competences.recommendations.values_list("axis__code", flat=True)) == [
        "competences",
        "financial-resources",
        "human-resources",
    ]
    agadir = WorkshopPage.objects.get(slug="agadir-2022-performance-des-communes", locale__language_code="ar")
    assert agadir.working_groups.count() == 3 and agadir.recommendations.count() == 5
    assert WorkshopPage.objects.get(slug=agadir.slug, locale__language_code="fr").title == (
        "Rencontre sur le Programme d'amélioration de la performance des communes"
    )
    minutes = MeetingPage.objects.get(slug="comite-de-pilotage-2022-11-14", locale__language_code="ar")
    assert minutes.vote == "unanimous" and str(minutes.closing_time) == "18:45:00"
    assert minutes.participants.filter(attendance="also_present").count() == 5
    plan = ActionPlanPage.objects.get(slug="plan-d-action-2023-2026", locale__language_code="ar")
    assert plan.get_parent().slug == "tetouan" and minutes.related_page_id == plan.pk
    views = plan.commitment_views()
    assert len(views) == 11
    assert 0 < plan.progress < 100
    french_plan = ActionPlanPage.objects.get(slug=plan.slug, locale__language_code="fr")
    assert (
        french_plan.commitment_views()[0].title
        == "Renforcer la transparence financière et simplifier le document du budget citoyen"
    )

    for url in (
        "/ar/workshops/",
        "/fr/workshops/feed/",
        "/en/workshops/recommendations/",
        "/fr/workshops/recommendations/communes/",
        "/ar/workshops/recommendations/export/xlsx/",
        "/fr/workshops/sefrou-2016-deuxieme-rencontre/",
        "/ar/workshops/atelier-competences-conseils-2020/",
        "/en/workshops/agadir-2022-performance-des-communes/",
        "/fr/communes/tetouan/comite-de-pilotage-2022-11-14/",
        "/en/communes/tetouan/plan-d-action-2023-2026/",
        "/ar/communes/tetouan/plan-d-action-2023-2026/export/",
    ):
        assert client.get(url).status_code == 200, url
    french = client.get("/fr/workshops/recommendations/").content.decode()
    assert "Clarifier les compétences propres et partagées" in french
    minutes_html = client.get("/fr/communes/tetouan/comite-de-pilotage-2022-11-14/").content.decode()
    assert 'lang="ar" dir="rtl"' in minutes_html and 'lang="fr" dir="ltr"' in minutes_html
    assert "Nassar Fkih Lanjri" in minutes_html and "Fuad Imrani" not in minutes_html
