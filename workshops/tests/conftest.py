"""A small trilingual site with one of each workshops page, built on the project's `site_tree`."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from home.models import Theme
from home.roles import ORGANISERS
from home.tests.layers import shared_layer
from workshops.models import Axis

from .factories import (
    ActionPlanPageFactory,
    AgendaSessionFactory,
    AxisFactory,
    LiveSessionFactory,
    MeetingPageFactory,
    MeetingParticipantFactory,
    OrganisationFactory,
    RecommendationFactory,
    RecommendationsPageFactory,
    WorkingGroupFactory,
    WorkshopIndexPageFactory,
    WorkshopOrganisationFactory,
    WorkshopPageFactory,
    WorkshopParticipantFactory,
    activity,
    commitment,
    indicator,
)

AXES = [
    ("transparency", "الشفافية", "Transparence", "Transparency"),
    ("competences", "الاختصاصات", "Compétences", "Competences"),
    ("financial-resources", "الموارد المالية", "Ressources financières", "Financial resources"),
]


@dataclass
class WorkshopsSite:
    tree: object
    axes: dict
    theme: Theme
    index: Page
    compilation: Page
    workshop: Page
    meeting: Page
    plan: Page

    @property
    def commune(self):
        return self.tree.commune

    def page_in(self, page, language: str):
        return self.tree.page_in(page, language)


def translate_page(page, locales):
    """Publish French and English copies of `page` (its parent must already be translated)."""
    for language, locale in locales.items():
        if language != page.locale.language_code:
            page.copy_for_translation(locale, copy_parents=False).save_revision().publish()


def translate_snippet(snippet, locales, names):
    for language, name in names.items():
        if language != snippet.locale.language_code:
            copy = snippet.copy_for_translation(locales[language])
            copy.name = name
            copy.save()


@shared_layer(parent="site_tree")
def workshops_site(site_tree) -> WorkshopsSite:
    """One page of each workshops type on `site_tree`, in three languages."""
    locales = site_tree.locales
    axes = {}
    for code, ar, fr, en in AXES:
        axes[code] = AxisFactory(locale=locales["ar"], code=code, name=ar)
        translate_snippet(axes[code], locales, {"fr": fr, "en": en})
    theme = Theme.objects.get(locale=locales["ar"], code="transparency")
    index = WorkshopIndexPageFactory(parent=site_tree.home)
    compilation = RecommendationsPageFactory(parent=index)
    workshop = WorkshopPageFactory(
        parent=index,
        title="ورشة تفاعلية حول اختصاصات المجالس",
        slug="atelier-competences-2020",
        theme=theme,
        start_date=datetime.date(2020, 3, 2),
    )
    workshop.communes.set([site_tree.commune])
    WorkshopOrganisationFactory(page=workshop, organisation=OrganisationFactory(locale=locales["ar"], name="الجمعية"))
    WorkshopParticipantFactory(page=workshop, name="Public Person", is_public=True)
    WorkshopParticipantFactory(page=workshop, name="Secret Person", is_public=False)
    AgendaSessionFactory(page=workshop)
    WorkingGroupFactory(page=workshop)
    RecommendationFactory(page=workshop, text="توضيح الاختصاصات", axis=axes["competences"])
    RecommendationFactory(
        page=workshop, text="تنويع آليات التمويل", axis=axes["financial-resources"], addressee="state"
    )
    workshop.save_revision().publish()
    meeting = MeetingPageFactory(parent=index, title="محضر لجنة الإشراف", slug="comite-de-pilotage")
    MeetingParticipantFactory(page=meeting, name="Nassar Lanjri")
    MeetingParticipantFactory(page=meeting, name="Abdelhak Andaloussi", attendance="also_present")
    MeetingParticipantFactory(page=meeting, name="Hidden Member", is_public=False)
    plan = ActionPlanPageFactory(
        parent=site_tree.commune,
        title="تطوان جماعة منفتحة",
        slug="tetouan-commune-ouverte",
        commitments=[
            commitment(
                "الشفافية المالية",
                axis="transparency",
                activities=[
                    activity("Budget citoyen", status="done"),
                    activity("Braille", status="in_progress", percent=40),
                    activity("Late one", due=datetime.date(2020, 1, 1), start=datetime.date(2019, 1, 1)),
                ],
                indicators=[indicator("Documents publiés", target=10, current=5)],
            )
        ],
    )
    plan.save_revision().publish()
    for page in (index, compilation, workshop, meeting, plan):
        translate_page(page, locales)
    return WorkshopsSite(site_tree, axes, theme, index, compilation, workshop, meeting, plan)


@pytest.fixture
def axis_of():
    def find(code, language):
        return Axis.objects.get(code=code, locale__language_code=language)

    return find


@dataclass
class LiveSite:
    tree: object
    workshop: object
    session: object
    axes: dict

    @property
    def code(self) -> str:
        return self.session.code


@pytest.fixture
def live_site(site_tree) -> LiveSite:
    locales = site_tree.locales
    axes = {}
    for code, ar, fr in [("transparency", "الشفافية", "Transparence"), ("competences", "الاختصاصات", "Compétences")]:
        axes[code] = AxisFactory(locale=locales["ar"], code=code, name=ar)
        translate_snippet(axes[code], locales, {"fr": fr})
    index = WorkshopIndexPageFactory(parent=site_tree.home)
    workshop = WorkshopPageFactory(parent=index, title="ورشة تفاعلية")
    workshop.save_revision().publish()
    session = LiveSessionFactory(workshop=workshop)
    session.axes.set(axes.values())
    return LiveSite(site_tree, workshop, session, axes)


@pytest.fixture
def organiser(db):
    user = User.objects.create_user("facilitator", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user
