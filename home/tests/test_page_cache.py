"""Anonymous visitors get cached pages; publishing purges them; personal responses are never shared."""

import pytest
from django.contrib.auth.models import User

from home.page_cache import CACHE_HEADER


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_second_anonymous_visit_is_served_from_the_cache(client, site_tree, page_cache_on, django_assert_num_queries):
    url = site_tree.commune.url
    assert client.get(url)[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response[CACHE_HEADER] == "hit"
    assert site_tree.commune.title in response.content.decode()


def test_publishing_a_page_purges_the_cache_once_committed(
    client, site_tree, page_cache_on, django_capture_on_commit_callbacks
):
    url = site_tree.communes.url
    client.get(url)
    assert client.get(url)[CACHE_HEADER] == "hit"
    commune = site_tree.commune
    commune.title = "تطوان الجديدة"
    with django_capture_on_commit_callbacks(execute=True):
        commune.save_revision().publish()
        # Until the commit, a visitor still gets the page as it was (and cannot cache the new
        # generation with the old content).
        assert client.get(url)[CACHE_HEADER] == "hit"
    response = client.get(url)
    assert response[CACHE_HEADER] == "miss"
    assert "تطوان الجديدة" in response.content.decode()


def test_logged_in_editors_always_get_fresh_pages(client, site_tree, page_cache_on):
    url = site_tree.home.url
    client.get(url)
    client.force_login(User.objects.create_superuser("admin", "a@example.ma", "pw"))
    response = client.get(url)
    assert CACHE_HEADER not in response


def test_responses_that_vary_on_cookies_or_set_them_are_not_cached(client, site_tree, page_cache_on):
    from django.http import HttpResponse

    from home.page_cache import _is_cacheable_response

    with_csrf = HttpResponse("form")
    with_csrf["Vary"] = "Accept-Language, Cookie"
    assert not _is_cacheable_response(with_csrf)
    with_cookie = HttpResponse("x")
    with_cookie.set_cookie("csrftoken", "abc")
    assert not _is_cacheable_response(with_cookie)
    assert _is_cacheable_response(HttpResponse("plain"))


def test_posts_and_admin_pages_bypass_the_cache(client, site_tree, page_cache_on):
    assert CACHE_HEADER not in client.get("/admin/login/")
    assert CACHE_HEADER not in client.get("/healthz")
    assert CACHE_HEADER not in client.post(site_tree.home.url)


def test_made_up_query_parameters_make_no_cache_entries(client, site_tree, page_cache_on):
    url = site_tree.communes.url
    client.get(url + "?mechanism=participatory-budget&page=1")
    assert client.get(url + "?page=1&mechanism=participatory-budget")[CACHE_HEADER] == "hit"  # any order
    for number in range(50):
        response = client.get(f"{url}?utm_source={number}")  # built afresh, neither read nor stored
        assert response.status_code == 200 and CACHE_HEADER not in response
        assert site_tree.commune.title in response.content.decode()
