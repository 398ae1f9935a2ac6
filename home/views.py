"""Views of the ground floor that are not Wagtail pages."""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.admin.views.account import PasswordResetView
from wagtail.models import Page

from .locales import active_locale
from .page_routes import site_for_request
from .ratelimit import client_address, is_over_limit

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
        # Base pages: a result shows its title, link and description, which every page has.
        results = Page.objects.live().public().filter(locale=active_locale()).search(query)
        results_page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "results_page": results_page})


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, refused past `PASSWORD_RESETS_PER_HOUR` per client address and per e-mail.

    Without it anyone could make the site send an address any number of reset
    e-mails. The refusal is the same whether or not the address has an account.
    """

    def form_valid(self, form):
        limit, hour = settings.PASSWORD_RESETS_PER_HOUR, 60 * 60
        email = hashlib.sha256(form.cleaned_data["email"].strip().lower().encode()).hexdigest()[:32]
        by_address = is_over_limit(f"password-reset:address:{client_address(self.request)}", limit=limit, window=hour)
        by_email = is_over_limit(f"password-reset:email:{email}", limit=limit, window=hour)
        if by_address or by_email:
            form.add_error(None, gettext("Too many password reset requests. Please try again in an hour."))
            return self.form_invalid(form)
        return super().form_valid(form)
