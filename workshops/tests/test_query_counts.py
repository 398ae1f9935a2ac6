"""Workshops pages cost a fixed number of queries, whatever the number of items they show."""

import datetime

import pytest
import wagtail_factories
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from home.models import Theme
from home.tests.factories import CommunePageFactory
from workshops.models import MeetingDocument, WorkshopDocument, WorkshopPhoto

from .conftest import translate_page
from .factories import (
    ActionPlanPageFactory,
    AgendaSessionFactory,
    CommuneUptakeFactory,
    MeetingPageFactory,
    MeetingParticipantFactory,
    OrganisationFactory,
    RecommendationFactory,
    RecommendationUpdateFactory,
    WorkingGroupFactory,
    WorkshopOrganisationFactory,
    WorkshopPageFactory,
    WorkshopParticipantFactory,
    activity,
    commitment,
    indicator,
)

MAX_QUERIES = 15


def count_queries(client, url: str, cold: bool = False) -> int:
    """Queries of a second request; `cold`: with the cache emptied first (as after a publication)."""
    client.get(url)  # Warm Wagtail's per-process caches (site root paths, content types).
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def document(number: int) -> Document:
    return Document.objects.create(title=f"Document {number}", file="documents/x.pdf", file_size=1000)


def add_to_workshop(site, page, count: int) -> None:
    theme = Theme.objects.filter(locale=page.locale).first()
    for number in range(count):
        WorkshopParticipantFactory(page=page, is_public=number % 2 == 0)
        AgendaSessionFactory(page=page, day=datetime.date(2020, 3, 2 + number % 2))
        WorkingGroupFactory(page=page)
        WorkshopOrganisationFactory(page=page, organisation=OrganisationFactory(locale=page.locale))
        WorkshopDocument.objects.create(page=page, document=document(number), sort_order=number)
        WorkshopPhoto.objects.create(page=page, image=wagtail_factories.ImageFactory(), sort_order=number)
        recommendation = RecommendationFactory(page=page, axis=site.axes["competences"])
        recommendation.themes.set([theme])
        recommendation.save()
        RecommendationUpdateFactory(recommendation=recommendation)
        CommuneUptakeFactory(recommendation=recommendation, commune=site.tree.commune)


def add_to_meeting(site, page, count: int) -> None:
    for number in range(count):
        MeetingParticipantFactory(page=page, is_public=number % 2 == 0)
        MeetingDocument.objects.create(page=page, document=document(number), sort_order=number)


def add_to_plan(site, page, count: int) -> None:
    original = site.plan  # every language shows the original plan's items
    original.commitments = [
        commitment(
            f"Commitment {number}",
            axis=list(site.axes)[number % 3],
            activities=[activity(f"Activity {n}", status="in_progress", percent=n) for n in range(count)],
            indicators=[indicator(f"Indicator {n}", current=n) for n in range(count)],
        )
        for number in range(count)
    ]
    original.save_revision().publish()


def add_to_index(site, page, count: int) -> None:
    for number in range(count):
        workshop = WorkshopPageFactory(parent=page, start_date=datetime.date(2019, 1, 1) + datetime.timedelta(number))
        recommendation = RecommendationFactory(page=workshop, axis=site.axes["transparency"])
        recommendation.themes.set(Theme.objects.filter(locale=page.locale))
        recommendation.save()
        RecommendationUpdateFactory(recommendation=recommendation)
        CommuneUptakeFactory(recommendation=recommendation, commune=site.tree.commune)
        MeetingPageFactory(parent=page)
        CommunePageFactory(parent=site.tree.communes, title=f"Commune {number}")
        plan = ActionPlanPageFactory(parent=site.tree.commune, commitments=site.plan.commitments.raw_data)
        translate_page(plan, {page.locale.language_code: page.locale})


def add_to_commune(site, page, count: int) -> None:
    """Action plans and minutes under the member, in its page's language."""
    for _number in range(count):
        for factory in (ActionPlanPageFactory, MeetingPageFactory):
            translate_page(factory(parent=site.tree.commune), {page.locale.language_code: page.locale})


ADDERS = {
    "workshop": add_to_workshop,
    "meeting": add_to_meeting,
    "plan": add_to_plan,
    "index": add_to_index,
    "commune": add_to_commune,
}


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("name", list(ADDERS))
def test_page_queries_do_not_grow_with_its_items(client, workshops_site, name, language):
    page = workshops_site.page_in(getattr(workshops_site, name), language)
    add = ADDERS[name]
    add(workshops_site, page, 3)
    with_few = count_queries(client, page.url)
    add(workshops_site, page, 12)
    with_many = count_queries(client, page.url)
    assert with_few == with_many, f"{page.url}: {with_few} queries with 3 items, {with_many} with 15"
    assert with_many <= MAX_QUERIES, f"{page.url}: {with_many} queries"


@pytest.mark.parametrize("name", list(ADDERS))
def test_page_queries_do_not_grow_even_right_after_a_publication(
    client, workshops_site, name, django_capture_on_commit_callbacks
):
    """With nothing cached, more queries, but still the same number for 3 items as for 15: no N+1."""
    page = workshops_site.page_in(getattr(workshops_site, name), "fr")
    add = ADDERS[name]
    with django_capture_on_commit_callbacks(execute=True):  # committed, as an editor's changes are
        add(workshops_site, page, 3)
    with_few = count_queries(client, page.url, cold=True)
    with django_capture_on_commit_callbacks(execute=True):
        add(workshops_site, page, 12)
    with_many = count_queries(client, page.url, cold=True)
    assert with_few == with_many, f"{page.url}: {with_few} queries with 3 items, {with_many} with 15"


@pytest.mark.parametrize("route", ["", "communes/"])
def test_compilation_queries_do_not_grow_with_recommendations(client, workshops_site, route):
    index = workshops_site.page_in(workshops_site.index, "fr")
    url = workshops_site.page_in(workshops_site.compilation, "fr").url + route
    add_to_index(workshops_site, index, 3)
    with_few = count_queries(client, url)
    add_to_index(workshops_site, index, 12)
    with_many = count_queries(client, url)
    assert with_few == with_many, f"{url}: {with_few} queries with 3 workshops, {with_many} with 15"
    assert with_many <= MAX_QUERIES, f"{url}: {with_many} queries"
    assert count_queries(client, url, cold=True) == count_queries(client, url + "?page=1", cold=True)


def test_home_page_section_costs_nothing_once_cached(client, workshops_site):
    home = workshops_site.tree.home
    add_to_index(workshops_site, workshops_site.index, 3)
    with_few = count_queries(client, home.url)
    add_to_index(workshops_site, workshops_site.index, 12)
    with_many = count_queries(client, home.url)
    assert with_few == with_many <= 12  # the home page's own queries; the section adds none when cached
