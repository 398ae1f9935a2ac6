"""Admin registrations of workshops: snippets, follow-up screens, page buttons, home section, demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.page_cache import cached_until_publication

from .admin_views import LiveSessionViewSet, RecommendationsViewSetGroup
from .models import Axis, CommuneUptake, MeetingPage, Organisation, WorkshopIndexPage, WorkshopPage
from .permissions import UptakePermissionPolicy

register_permission_policy(CommuneUptake, UptakePermissionPolicy(CommuneUptake))


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym"]
    search_backend_name = None


class AxisViewSet(SnippetViewSet):
    model = Axis
    icon = "list-ul"
    list_display = ["name", "code", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]
    search_backend_name = None


class WorkshopSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Workshops")
    menu_icon = "date"
    menu_order = 255
    items = (OrganisationViewSet, AxisViewSet)


register_snippet(WorkshopSnippetsGroup)


@hooks.register("register_admin_viewset")
def register_recommendation_viewsets():
    return RecommendationsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_live_session_viewset():
    return LiveSessionViewSet()


@hooks.register("register_page_header_buttons")
def workshop_page_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, WorkshopPage):
        return
    if user.has_perm("workshops.add_livesession"):
        yield Button(
            _("Open a live session"),
            url=f"{reverse('live_sessions:add')}?workshop={page.pk}",
            icon_name="comment",
            priority=80,
        )
    if user.has_perm("workshops.view_recommendationupdate"):
        yield Button(
            _("Follow-up of recommendations"),
            url=f"{reverse('recommendation_updates:index')}?workshop={page.translation_key}",
            icon_name="history",
            priority=90,
        )


# --- The public home page ---------------------------------------------------------------------


@dataclass
class EventsSection:
    events: list
    index: WorkshopIndexPage | None
    upcoming: bool
    template: str = "workshops/includes/home_section.html"


@hooks.register("home_page_sections")
def workshops_section(request, home_page):
    """Upcoming workshops of the home page's language, or else the latest workshops and minutes.

    Kept until the next publication (and the next day: "upcoming" moves with the date).
    """
    today = timezone.localdate()
    return cached_until_publication(
        f"workshops:home-section:{home_page.pk}:{today:%Y-%m-%d}", lambda: _events_section(home_page, today)
    )


def _events_section(home_page, today) -> EventsSection | None:
    index = WorkshopIndexPage.objects.live().child_of(home_page).first()
    if index is None:
        return None
    workshops = WorkshopPage.objects.live().public().descendant_of(index)
    upcoming = list(workshops.filter(start_date__gte=today).order_by("start_date")[:3])
    if upcoming:
        return EventsSection(upcoming, index, upcoming=True)
    recent = [
        *workshops.order_by("-start_date")[:3],
        *MeetingPage.objects.live().public().descendant_of(home_page).order_by("-date")[:3],
    ]
    recent = sorted(recent, key=lambda event: event.event_date, reverse=True)[:3]
    return EventsSection(recent, index, upcoming=False) if recent else None


@hooks.register("load_demo")
def load_workshops_demo(home, stdout=None):
    from .demo import build

    build(home, stdout)
