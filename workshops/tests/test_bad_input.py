"""Bad input is refused with a translated message, and commune editors stay within their commune."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.blocks import StructValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.roles import ORGANISERS
from home.tests.factories import CommunePageFactory
from home.tests.nasty_input import live_pages, page_route_templates, server_errors
from workshops.blocks import ActivityBlock, IndicatorBlock
from workshops.models import ActionPlanPage, CommuneUptake, Recommendation, WorkshopPage

from .factories import ActionPlanPageFactory, CommuneUptakeFactory, LiveSessionFactory, WorkshopPageFactory

EMPTY_INLINES = ("organisations", "participants", "sessions", "working_groups", "documents", "photos")


def member_of(group, username):
    user = User.objects.create_user(username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(workshops_site):
    return member_of(Group.objects.get(name=ORGANISERS), "organiser")


@pytest.fixture
def tetouan_editor(workshops_site):
    return member_of(workshops_site.tree.commune.group_for_editors(), "tetouan-editor")


@pytest.fixture
def sefrou(workshops_site):
    return CommunePageFactory(parent=workshops_site.tree.communes, title="صفرو", slug="sefrou")


def workshop_form(theme, start="2022-03-25", end="2022-03-26", **extra):
    data = {
        "title": "لقاء تواصلي حول برنامج تحسين أداء الجماعات",
        "slug": "programme-performance",
        "kind": "workshop",
        "summary": "",
        "start_date": start,
        "end_date": end,
        "city": "أكادير",
        "venue": "",
        "theme": theme.pk,
        "report": streamfield([]),
        "points_discussed": streamfield([("point", "تقديم البرنامج")]),
        "points_agreed": streamfield([("bilingual_point", {"ar": "التصديق", "fr": "Approbation"})]),
        "outcome": rich_text("<p>Recommandations lues le deuxième jour.</p>"),
        "videos": streamfield([]),
        "recommendations": inline_formset(
            [
                {
                    "text": "تعزيز التعاون بين الجماعات الترابية",
                    "axis": "",
                    "priority": "high",
                    "addressee": "communes",
                    "themes": (theme.pk,),  # a tuple: nested_form_data would flatten a list
                }
            ]
        ),
        **{name: inline_formset([]) for name in EMPTY_INLINES},
        **extra,
    }
    return nested_form_data(data)


def test_workshop_ending_before_it_starts_is_refused_in_the_admin(client, workshops_site, organiser):
    client.force_login(organiser)
    url = f"/admin/pages/add/workshops/workshoppage/{workshops_site.index.pk}/"
    assert client.get(url).status_code == 200
    refused = client.post(url, workshop_form(workshops_site.theme, start="2022-03-26", end="2022-03-25"))
    assert refused.status_code == 200
    form = refused.context["form"]
    assert list(form.errors) == ["end_date"]
    # The admin speaks Arabic by default: the message is shown translated.
    assert "لا يمكن أن يكون تاريخ النهاية سابقًا لتاريخ البداية." in refused.content.decode()
    assert not WorkshopPage.objects.filter(slug="programme-performance").exists()
    accepted = client.post(url, workshop_form(workshops_site.theme))
    assert accepted.status_code == 302
    page = WorkshopPage.objects.get(slug="programme-performance")
    recommendation = page.recommendations.get()
    assert list(recommendation.themes.all()) == [workshops_site.theme]
    assert recommendation.locale == page.locale


def test_the_date_error_is_translated(workshops_site):
    page = WorkshopPage(title="x", slug="x", start_date=datetime.date(2022, 3, 26), end_date=datetime.date(2022, 3, 25))
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        page.clean()
    with translation.override("fr"):
        assert error.value.message_dict["end_date"] == [
            "La date de fin ne peut pas être antérieure à la date de début."
        ]


def test_activity_due_before_it_starts_is_refused():
    block = ActivityBlock()
    value = block.to_python(
        {"title": "Budget en braille", "status": "not_started", "start_date": "2024-05-01", "due_date": "2024-04-01"}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "due_date" in error.value.block_errors


def indicator_as_posted(target):
    """An indicator as the editing form reads it: every value a string."""
    block = IndicatorBlock()
    return block, StructValue(
        block,
        [
            ("kind", "result"),
            ("name", "Documents publiés"),
            ("unit", ""),
            ("baseline", ""),
            ("target", target),
            ("current", ""),
        ],
    )


def test_indicator_target_must_be_a_number():
    block, value = indicator_as_posted("beaucoup")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "target" in error.value.block_errors
    block, value = indicator_as_posted("12.5")
    assert str(block.clean(value)["target"]) == "12.5"
    # A value stored by other means that is not a number reads as empty instead of breaking the page.
    assert block.to_python({"kind": "result", "name": "x", "target": "beaucoup"})["target"] is None


def plan_form(activity=None, target="10"):
    activity = activity or {"start_date": "2024-01-01", "due_date": "2024-06-30"}
    return nested_form_data(
        {
            "title": "خطة عمل",
            "slug": "plan-2024",
            "summary": "",
            "framework": "OGP Local",
            "period_start": "2023-01-01",
            "period_end": "2026-12-31",
            "approved_on": "",
            "data_note": "",
            "commitments": streamfield(
                [
                    (
                        "commitment",
                        {
                            "title": "Transparence financière",
                            "axis": "transparency",
                            "problem": "",
                            "solution": "",
                            "expected_results": "",
                            "activities": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "title": "Budget citoyen",
                                            "responsible": "Direction financière",
                                            "status": "in_progress",
                                            "percent_complete": "50",
                                            **activity,
                                        },
                                    )
                                ]
                            ),
                            "indicators": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "kind": "result",
                                            "name": "Budgets publiés",
                                            "unit": "",
                                            "baseline": "0",
                                            "target": target,
                                            "current": "",
                                        },
                                    )
                                ]
                            ),
                        },
                    )
                ]
            ),
            "updates": inline_formset([]),
        }
    )


def test_commune_editor_adds_a_plan_to_its_commune_and_bad_values_are_refused(client, workshops_site, tetouan_editor):
    client.force_login(tetouan_editor)
    url = f"/admin/pages/add/workshops/actionplanpage/{workshops_site.tree.commune.pk}/"
    assert client.get(url).status_code == 200
    late = client.post(url, plan_form(activity={"start_date": "2024-06-30", "due_date": "2024-01-01"}))
    assert late.status_code == 200
    with translation.override("ar"):  # the admin speaks the site's default language
        message = translation.gettext("The due date cannot be before the start date.")
    # Stream block errors reach the admin inside JSON, where Arabic is \u-escaped.
    assert message in late.content.decode() or json.dumps(message)[1:-1] in late.content.decode()
    wordy = client.post(url, plan_form(target="beaucoup"))
    assert wordy.status_code == 200
    assert not ActionPlanPage.objects.filter(slug="plan-2024").exists()
    assert client.post(url, plan_form()).status_code == 302
    plan = ActionPlanPage.objects.get(slug="plan-2024")
    assert plan.commitment_views()[0].activities[0].percent == 50


def test_commune_editor_cannot_change_another_communes_plan(client, workshops_site, tetouan_editor, sefrou):
    sefrou_plan = ActionPlanPageFactory(parent=sefrou, title="Plan de Sefrou", slug="plan-sefrou")
    own_plan = workshops_site.plan
    assert own_plan.permissions_for_user(tetouan_editor).can_edit()
    for language in ("fr", "en"):
        assert workshops_site.page_in(own_plan, language).permissions_for_user(tetouan_editor).can_edit()
    assert not sefrou_plan.permissions_for_user(tetouan_editor).can_edit()
    client.force_login(tetouan_editor)
    assert client.get(f"/admin/pages/{own_plan.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{sefrou_plan.pk}/edit/").status_code == 302
    posted = client.post(f"/admin/pages/{sefrou_plan.pk}/edit/", {**plan_form(), "title": "hacked"})
    assert posted.status_code == 302
    sefrou_plan.refresh_from_db()
    assert sefrou_plan.title == "Plan de Sefrou"
    assert client.get(f"/admin/pages/add/workshops/actionplanpage/{sefrou.pk}/").status_code == 302


@pytest.fixture
def recommendation(workshops_site):
    return Recommendation.objects.get(text="توضيح الاختصاصات", locale__language_code="ar")


def test_commune_editor_cannot_open_another_communes_uptake_history_or_usage(
    client, workshops_site, tetouan_editor, sefrou, recommendation
):
    own = CommuneUptakeFactory(recommendation=recommendation, commune=workshops_site.tree.commune)
    sefrou_uptake = CommuneUptakeFactory(recommendation=recommendation, commune=sefrou, note="Sefrou's note")
    client.force_login(tetouan_editor)
    for view in ("history", "usage"):
        assert client.get(f"/admin/workshops/uptake/{view}/{own.pk}/").status_code == 200
        # Django's locale middleware turns the admin's 404 into a redirect to a prefixed path, a 404 too.
        assert client.get(f"/admin/workshops/uptake/{view}/{sefrou_uptake.pk}/", follow=True).status_code == 404


def test_commune_editor_records_its_own_uptake_only(client, workshops_site, tetouan_editor, sefrou, recommendation):
    sefrou_uptake = CommuneUptakeFactory(recommendation=recommendation, commune=sefrou, note="Sefrou's note")
    client.force_login(tetouan_editor)
    listing = client.get("/admin/workshops/uptake/")
    assert listing.status_code == 200
    assert "Sefrou" not in listing.content.decode() and "صفرو" not in listing.content.decode()
    # Another commune's uptake does not exist for this editor (Django's locale middleware turns
    # the admin's 404 into a redirect to the language-prefixed path, which is a 404 too).
    assert client.get(f"/admin/workshops/uptake/edit/{sefrou_uptake.pk}/", follow=True).status_code == 404
    refused = client.post(
        f"/admin/workshops/uptake/edit/{sefrou_uptake.pk}/",
        {"recommendation": recommendation.pk, "commune": sefrou.pk, "status": "done", "note": "hacked"},
        follow=True,
    )
    assert refused.status_code == 404
    assert client.post(f"/admin/workshops/uptake/delete/{sefrou_uptake.pk}/", follow=True).status_code == 404
    # Naming another commune in the form is refused too.
    add_url = "/admin/workshops/uptake/new/"
    assert client.get(add_url).status_code == 200
    other = client.post(add_url, {"recommendation": recommendation.pk, "commune": sefrou.pk, "status": "done"})
    assert other.status_code == 200
    assert CommuneUptake.objects.filter(commune=sefrou).get().note == "Sefrou's note"
    own = client.post(
        add_url,
        {"recommendation": recommendation.pk, "commune": workshops_site.tree.commune.pk, "status": "in_progress"},
    )
    assert own.status_code == 302
    uptake = CommuneUptake.objects.get(commune=workshops_site.tree.commune)
    assert client.get(f"/admin/workshops/uptake/edit/{uptake.pk}/").status_code == 200
    changed = client.post(
        f"/admin/workshops/uptake/edit/{uptake.pk}/",
        {"recommendation": recommendation.pk, "commune": workshops_site.tree.commune.pk, "status": "done"},
    )
    assert changed.status_code == 302
    uptake.refresh_from_db()
    assert uptake.status == "done"


def test_uptake_is_attached_to_the_original_recommendation_and_commune(workshops_site, recommendation):
    french = Recommendation.objects.get(translation_key=recommendation.translation_key, locale__language_code="fr")
    french_commune = workshops_site.page_in(workshops_site.tree.commune, "fr")
    uptake = CommuneUptakeFactory(recommendation=french, commune=french_commune)
    assert uptake.recommendation == recommendation
    assert uptake.commune.pk == workshops_site.tree.commune.pk


def test_organiser_may_record_any_communes_uptake(client, workshops_site, organiser, sefrou, recommendation):
    client.force_login(organiser)
    response = client.post(
        "/admin/workshops/uptake/new/", {"recommendation": recommendation.pk, "commune": sefrou.pk, "status": "planned"}
    )
    assert response.status_code == 302
    assert CommuneUptake.objects.filter(commune=sefrou).exists()


def test_unknown_filter_values_give_an_empty_result_never_an_error(client, workshops_site):
    url = workshops_site.page_in(workshops_site.compilation, "fr").url
    with translation.override("fr"):
        two = translation.ngettext("%(counter)s recommendation", "%(counter)s recommendations", 2) % {"counter": 2}
        no_match = translation.gettext("No recommendation matches these filters.")
    assert two in client.get(url).content.decode()
    for query in (
        "axis=nothing",
        "theme=nothing",
        "year=abcd",
        "year=99999999999999999999",
        "year=1999",
        "commune=nowhere",
        "status=lost",
        "workshop=missing",
        "q=zzzzzz",
        "page=999",
        "page=abc",
    ):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        if not query.startswith("page="):
            assert no_match in response.content.decode(), query
        for export in ("export/xlsx/", "export/csv/", "communes/"):
            assert client.get(f"{url}{export}?{query}").status_code == 200, (export, query)


def test_a_workshop_start_date_is_required(workshops_site):
    page = WorkshopPageFactory.build(start_date=None)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_uptake_only_for_recommendations_addressed_to_communes(client, workshops_site, organiser):
    state = Recommendation.objects.get(addressee="state", locale__language_code="ar")
    client.force_login(organiser)
    response = client.post(
        "/admin/workshops/uptake/new/",
        {"recommendation": state.pk, "commune": workshops_site.tree.commune.pk, "status": "planned"},
    )
    assert response.status_code == 200
    assert not CommuneUptake.objects.exists()


def test_every_workshops_page_and_live_session_url_answers_odd_values_without_a_server_error(workshops_site):
    session = LiveSessionFactory(workshop=workshops_site.workshop)
    live_urls = [
        reverse("live_join"),
        reverse("live_session", args=[session.code]),
        reverse("live_board", args=[session.code]),
        reverse("live_events", args=[session.code]),
        reverse("live_vote", args=[session.code, 1]),
    ]
    assert server_errors([*page_route_templates(live_pages("workshops")), *live_urls]) == []
