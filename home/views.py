"""Views of the ground floor that are not Wagtail pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .locales import active_locale
from .page_routes import site_for_request

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """Send `/` to `/ar/`, `/fr/` or `/en/`, following the browser's Accept-Language."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness in one: the process answers and the database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "error", "database": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def search_terms(text: str) -> str:
    """A visitor's search text as every search backend takes it: words separated by single spaces.

    Double quotes become spaces: the search backend puts each word between double quotes for
    SQLite's full-text index, where one more quote (an unbalanced `"`) fails the whole query.
    The page still shows the text as it was typed.
    """
    return " ".join(text.replace('"', " ").split())


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    """Full-text search of the live pages of the visitor's language.

    Wagtail's database backend uses PostgreSQL's full-text search on PostgreSQL
    and SQLite's FTS5 otherwise.
    """
    query = request.GET.get("q", "").strip()[:200]
    results_page = None
    if query:
        site_for_request(request)  # the links to the results need it: kept, as for pages
        terms = search_terms(query)
        # Base pages: a result shows its title, link and description, which every page has.
        pages = Page.objects.live().public().filter(locale=active_locale())
        results = pages.search(terms) if terms else Page.objects.none()
        results_page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "results_page": results_page})
