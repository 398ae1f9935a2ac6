"""Views of the ground floor that are not Wagtail pages."""

import dataclasses
import hashlib
import sys

from channels.layers import get_channel_layer
from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

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


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler: a page in the visitor's language, built without the database.

    When the database cannot be reached (a restart, a failover) the answer is a 503 with
    `Retry-After`: the site comes back by itself, and what the visitor was sending was not saved.
    """
    return error_page(request, unavailable=database_unavailable(sys.exc_info()[1]))


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 handler, except when the database went away while the session was being saved.

    Django reports any database error on saving a session as "the session was deleted" (a 400); during
    an outage that is the documented 503, so the visitor knows to send again.
    """
    if database_unavailable(exception):
        return error_page(request, unavailable=True)
    return defaults.bad_request(request, exception)


def database_unavailable(exception: BaseException | None) -> bool:
    """Whether `exception`, or one it was raised while handling, says the database cannot be reached."""
    while exception is not None:
        if isinstance(exception, OperationalError | InterfaceError):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def error_page(request: HttpRequest, *, unavailable: bool) -> HttpResponse:
    """The 503 (database unavailable) or 500 page, in the visitor's language, without the database."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )
    with translation.override(language):
        if unavailable:
            title = _("The site is unavailable for a moment")
            paragraphs = [
                _("Please try again in a minute."),
                _("If you were sending a form, it was not received: send it again then."),
            ]
        else:
            title = _("Something went wrong")
            paragraphs = [_("Please try again in a moment.")]
        content = render_to_string("error_page.html", {"title": title, "paragraphs": paragraphs})
    response = HttpResponse(content, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    return response


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Whether it can serve is `/readyz`'s question."""
    return JsonResponse({"status": "ok"})


@dataclasses.dataclass
class ChannelLayerCheck(HealthCheck):
    """The channel layer carries a message (to a group nobody is in: with Redis, two commands)."""

    async def run(self):
        try:
            await get_channel_layer().group_send("readiness", {"type": "readiness.probe"})
        except Exception as error:  # any failure of the layer means "not ready"
            raise ServiceUnavailable("The channel layer is unreachable") from error


class ReadinessView(HealthCheckView):
    """Readiness: the database, the caches and the channel layer answer; 503 when one does not.

    A load balancer stops sending visitors to a process that is not ready; the site itself
    still serves what it can without Redis (see `network_site.settings.base.cache_and_channel_layers`).
    """

    checks = (
        "health_check.checks.Database",
        ("health_check.checks.Cache", {"alias": "default"}),
        ("health_check.checks.Cache", {"alias": "limits"}),
        ChannelLayerCheck,
    )

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
            response["Retry-After"] = "10"
        return response


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


def page_explorer(view_name: str):
    """Wagtail's page explorer (`view_name` "index" or "index_results"), only for pages the user may explore.

    Wagtail lets a user open the listing of any page under their "explorable root", the common
    ancestor of the pages they have rights on. A commune editor's commune exists in three language
    trees, so that root is the root of the site, and the listing's header would show the title of
    any other commune's page, drafts included. A page outside the user's explorable pages sends
    them back to their own explorer, as Wagtail does for pages outside their root.
    """
    wagtail_view = page_viewset_registry.as_view(view_name, parent_page_id_kwarg="parent_page_id")

    def explore(request: HttpRequest, parent_page_id: int) -> HttpResponse:
        explorable = PagePermissionPolicy().explorable_instances(request.user)
        if request.user.is_authenticated and not explorable.filter(pk=parent_page_id).exists():
            return redirect("wagtailadmin_explore_root")
        return wagtail_view(request, parent_page_id=parent_page_id)

    return explore
