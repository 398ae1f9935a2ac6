"""Public pages cost a fixed number of SQL queries, whatever the number of items they list."""

import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from home.models import ExperienceDocument, FeaturedExperience
from home.tests.factories import CommunePageFactory, ExperiencePageFactory, NewsPageFactory, StandardPageFactory

# Upper bounds agreed for the project: every public page at most 15 queries.
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


def add_items(site_tree, count: int) -> None:
    """`count` members, experiences, other pages of a member, news items and documents on top of the fixture."""
    for number in range(count):
        CommunePageFactory(parent=site_tree.communes, title=f"Commune {number}")
        experience = ExperiencePageFactory(parent=site_tree.commune)
        # A member's page of another type than experiences, as the apps above add (action plans, minutes).
        StandardPageFactory(parent=site_tree.commune, slug=f"member-page-{uuid.uuid4().hex}")
        FeaturedExperience.objects.create(home_page=site_tree.home, page=experience, sort_order=number)
        NewsPageFactory(parent=site_tree.news_index)
        document = Document.objects.create(title=f"Document {number}", file="documents/x.pdf", file_size=1000)
        ExperienceDocument.objects.create(page=site_tree.experience, document=document, sort_order=number)


PAGES = ["home", "communes", "commune", "experience", "news_index", "news", "about"]


@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_its_items(client, site_tree, name):
    url = getattr(site_tree, name).url
    add_items(site_tree, 3)
    with_few = count_queries(client, url)
    add_items(site_tree, 9)
    with_many = count_queries(client, url)
    assert with_few == with_many, f"{url}: {with_few} queries with 3 items, {with_many} with 12"
    assert with_many <= MAX_QUERIES, f"{url}: {with_many} queries"


def test_commune_page_queries_do_not_grow_with_its_pages_even_right_after_a_publication(client, site_tree):
    """With nothing cached, more queries, but still the same number for 3 pages of each type as for 12."""
    url = site_tree.commune.url
    add_items(site_tree, 3)
    with_few = count_queries(client, url, cold=True)
    add_items(site_tree, 9)
    with_many = count_queries(client, url, cold=True)
    assert with_few == with_many, f"{url}: {with_few} queries with 3 pages of each type, {with_many} with 12"


def test_search_results_queries_do_not_grow(client, site_tree):
    from django.core.management import call_command

    add_items(site_tree, 3)
    call_command("update_index", verbosity=0)
    with_few = count_queries(client, "/ar/search/?q=Commune")
    add_items(site_tree, 9)
    call_command("update_index", verbosity=0)
    with_many = count_queries(client, "/ar/search/?q=Commune")
    assert with_few == with_many
