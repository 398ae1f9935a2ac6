"""Wagtail's page view, with the site and the route to each plain page kept until the next publication.

Wagtail finds a page by walking the tree on every request: the site (a query
ordered by a CASE expression), the home page of the language (the locale, the
translation, its specific row), then for each segment of the URL the child by
slug and its specific row: 10 of the 14 queries of an experience page, the same
for every visitor until the tree changes. Every change that can move a route
(publication, unpublication, deletion, a move, a new slug, a site's settings)
starts a new page-cache generation (`home/apps.py`), so the site and the route
of a page that takes no arguments are kept under that generation, the route as
(content type, primary key): a known route costs one query, the page's specific
row, checked to be live. Pages with routes of their own (`RoutablePageMixin`:
forms, results, exports) and paths that lead nowhere are not kept; Wagtail's
view restrictions and serve hooks still run on every request (`wagtail.views.serve`).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .page_cache import PAGE_CACHE_TIMEOUT, cached_until_publication, key_until_publication


def serve(request: HttpRequest, path: str) -> HttpResponse:
    site = site_for_request(request)
    if site is not None:
        key = key_until_publication(f"route:{site.pk}:{translation.get_language()}:{path}")
        route = cache.get(key)
        if route is None:
            route = _plain_route(request, path)
            if route is not None:
                cache.set(key, route, PAGE_CACHE_TIMEOUT)
        else:
            _use_route(request, *route)
    return wagtail_views.serve(request, path)


def site_for_request(request: HttpRequest) -> Site | None:
    """`Site.find_for_request`, its answer for each host and port kept until the next publication.

    The host has passed `ALLOWED_HOSTS` (CommonMiddleware), so the kept answers are few.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()
        request._wagtail_site = cached_until_publication(
            f"site:{hostname}:{port}", lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def _plain_route(request: HttpRequest, path: str) -> tuple[int, int] | None:
    """(content type, primary key) of the page Wagtail routes `path` to, if it takes no arguments."""
    result = Page.route_for_request(request, path)  # kept on the request: wagtail_views.serve reuses it
    if result is None or result.args or result.kwargs:
        return None
    return result.page.content_type_id, result.page.pk


def _use_route(request: HttpRequest, content_type_id: int, pk: int) -> None:
    """Give Wagtail the page of a known route, as `Page.route_for_request` keeps it on the request."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=pk, live=True).first() if model is not None else None
    if page is not None:
        request._wagtail_route_for_request = RouteResult(page)


# Wagtail's front-end URLs (`include("home.page_routes")`), pages served by the view above.
urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"] + [
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
