"""Routes to plain pages are kept until the next publication, and never outlive a change to the tree."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home.page_cache import key_until_publication


def assert_sent_to(client, old_url: str, new_url: str) -> None:
    """The old address no longer serves the page: Wagtail's automatic redirect sends it to the new one."""
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200


def queries_and_response(client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response


def test_a_known_route_costs_one_query_instead_of_walking_the_tree(client, site_tree):
    url = site_tree.page_in(site_tree.experience, "fr").url
    first, response = queries_and_response(client, url)
    again, response_again = queries_and_response(client, url)
    assert response.status_code == response_again.status_code == 200
    assert response_again.content == response.content
    # Walking home, communes, commune, experience: a locale, a translation and two queries per level.
    assert again <= first - 6


def test_an_unpublished_page_is_no_longer_served_from_its_known_route(client, site_tree):
    url = site_tree.news.url
    assert client.get(url).status_code == 200
    site_tree.news.unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_page_is_served_at_its_new_address_only(client, site_tree, django_capture_on_commit_callbacks):
    about, news_index = site_tree.about, site_tree.news_index
    old_url = about.url
    assert client.get(old_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        about.move(news_index, pos="last-child")
    about.refresh_from_db()
    assert about.url != old_url
    assert_sent_to(client, old_url, about.url)


def test_a_renamed_page_is_served_at_its_new_address_only(client, site_tree, django_capture_on_commit_callbacks):
    news = site_tree.news
    old_url = news.url
    assert client.get(old_url).status_code == 200
    news.slug = "renamed-news"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    news.refresh_from_db()
    assert_sent_to(client, old_url, news.url)


def test_view_restrictions_still_apply_to_a_known_route(client, site_tree):
    url = site_tree.about.url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=site_tree.about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_paths_that_lead_nowhere_are_not_kept(client, site_tree):
    site = Site.objects.get(is_default_site=True)
    assert client.get("/fr/no-such-page/").status_code == 404
    assert cache.get(key_until_publication(f"route:{site.pk}:fr:no-such-page/")) is None
    assert client.get(site_tree.about.url).status_code == 200
    assert cache.get(key_until_publication(f"route:{site.pk}:ar:{site_tree.about.slug}/")) is not None
