import pytest
from django.contrib.auth.models import Group, User

from consultations.proposals import ProposalsPage
from consultations.tests.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from home.roles import ORGANISERS


@pytest.fixture
def organiser(site_tree):
    """A member of the organisers' group (site_tree's roles)."""
    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


@pytest.fixture
def consultations_index(site_tree):
    return ConsultationIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def proposals_page(site_tree):
    page = ProposalsPage(title="المقترحات", slug="proposals")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def public_consultation(consultations_index):
    return ConsultationPageFactory(parent=consultations_index)


@pytest.fixture
def french_consultation(site_tree, consultations_index, public_consultation):
    """The French page of `public_consultation` (a translation sharing its responses)."""
    french_index = consultations_index.copy_for_translation(site_tree.locales["fr"])
    french_index.save_revision().publish()
    french = public_consultation.copy_for_translation(site_tree.locales["fr"])
    french.save_revision().publish()
    return french.specific


@pytest.fixture
def consultation_in(site_tree, consultations_index, public_consultation):
    """The page of `public_consultation` in a given language (translations made on demand)."""

    def page_in(language: str):
        if language == "ar":
            return public_consultation
        locale = site_tree.locales[language]
        if consultations_index.get_translation_or_none(locale) is None:
            consultations_index.copy_for_translation(locale).save_revision().publish()
        translation = public_consultation.get_translation_or_none(locale)
        if translation is None:
            translation = public_consultation.copy_for_translation(locale)
            translation.save_revision().publish()
        return translation.specific

    return page_in


@pytest.fixture
def valid_answers():
    """A complete, valid public answer to every question type, as the browser posts it."""
    return {
        "name": "Budget participatif des jeunes",
        "story": "Un récit.",
        "axis": "finance",
        "tools": ["budget", "youth"],
        "plan": "yes",
        "plan-year": "2022",
        "satisfaction": "4",
        "grid_0": "3",
        "grid_1": "2",
        "priorities_0": "2",
        "priorities_1": "1",
        "priorities_2": "3",
        "meeting": "2022-11-14",
        "contact": "commune@example.ma",
        "consent": "on",
    }
