"""Factories for workshops: pages, their inlines, snippets, follow-up and uptake."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from wagtail.models import Locale

from workshops.models import (
    ActionPlanPage,
    AgendaSession,
    Axis,
    CommuneUptake,
    LiveSession,
    MeetingPage,
    MeetingParticipant,
    Organisation,
    PlanUpdate,
    Recommendation,
    RecommendationsPage,
    RecommendationUpdate,
    WorkingGroup,
    WorkshopIndexPage,
    WorkshopOrganisation,
    WorkshopPage,
    WorkshopParticipant,
)


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "ar"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class AxisFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"axis-{n}")
    name = factory.Sequence(lambda n: f"Axis {n}")
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Axis


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = "ORG"
    website = "https://example.org/"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Organisation


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "الورشات واللقاءات"
    slug = "workshops"
    show_in_menus = True

    class Meta:
        model = WorkshopIndexPage


class RecommendationsPageFactory(wagtail_factories.PageFactory):
    title = "التوصيات"
    slug = "recommendations"

    class Meta:
        model = RecommendationsPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    kind = WorkshopPage.Kind.WORKSHOP
    summary = "ورشة تفاعلية حول الاختصاصات"
    start_date = datetime.date(2020, 3, 2)
    city = "الرباط"
    venue = "مقر المديرية العامة"

    class Meta:
        model = WorkshopPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Minutes {n}")
    slug = factory.Sequence(lambda n: f"minutes-{n}")
    date = datetime.date(2022, 11, 14)
    start_time = datetime.time(16, 0)
    closing_time = datetime.time(18, 45)
    venue = "مقر جماعة تطوان"
    vote = MeetingPage.Vote.UNANIMOUS

    class Meta:
        model = MeetingPage


def commitment(title="Commitment", axis="", activities=(), indicators=()):
    """A commitment block value as StreamField raw data."""
    return (
        "commitment",
        {
            "title": title,
            "axis": axis,
            "problem": "Problème",
            "solution": "Solution",
            "expected_results": "Résultats",
            "activities": list(activities),
            "indicators": list(indicators),
        },
    )


def activity(title="Activity", status="not_started", start=None, due=None, percent=None, responsible="Commune"):
    return {
        "title": title,
        "responsible": responsible,
        "start_date": start,
        "due_date": due,
        "status": status,
        "percent_complete": percent,
    }


def indicator(name="Indicator", target=Decimal("10"), current=None, baseline=Decimal("0"), kind="result"):
    return {"kind": kind, "name": name, "unit": "%", "baseline": baseline, "target": target, "current": current}


class ActionPlanPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Plan {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    summary = "خطة عمل تطوان جماعة منفتحة"
    framework = "OGP Local"
    period_start = datetime.date(2023, 1, 1)
    period_end = datetime.date(2026, 12, 31)

    class Meta:
        model = ActionPlanPage


class WorkshopParticipantFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Participant {n}")
    role = "رئيس"
    organisation = "جماعة"
    is_public = True

    class Meta:
        model = WorkshopParticipant


class MeetingParticipantFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Member {n}")
    role = "Vice-président"
    organisation = "Commune de Tétouan"
    is_public = True

    class Meta:
        model = MeetingParticipant


class AgendaSessionFactory(factory.django.DjangoModelFactory):
    day = datetime.date(2020, 3, 2)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 30)
    title = factory.Sequence(lambda n: f"Session {n}")
    speakers = "Speaker"

    class Meta:
        model = AgendaSession


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")
    topic = "Topic"
    rapporteur = "Rapporteur"

    class Meta:
        model = WorkingGroup


class WorkshopOrganisationFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    role = WorkshopOrganisation.Role.ORGANISER

    class Meta:
        model = WorkshopOrganisation


class RecommendationFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Recommendation {n}")
    priority = Recommendation.Priority.HIGH
    addressee = Recommendation.Addressee.COMMUNES

    class Meta:
        model = Recommendation


class RecommendationUpdateFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2021, 1, 15)
    status = "adopted"
    note = "Adoptée par le bureau."

    class Meta:
        model = RecommendationUpdate


class CommuneUptakeFactory(factory.django.DjangoModelFactory):
    status = CommuneUptake.UptakeStatus.IN_PROGRESS
    note = "En cours."

    class Meta:
        model = CommuneUptake


class PlanUpdateFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2023, 6, 1)
    text = "Mise à jour."

    class Meta:
        model = PlanUpdate


class LiveSessionFactory(factory.django.DjangoModelFactory):
    title = "ما هي أولوياتكم لمشاركة المواطنين؟"

    class Meta:
        model = LiveSession
