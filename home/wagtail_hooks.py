"""Admin registrations of the ground floor: snippets organisers manage; the daily turn of the page cache."""

import datetime

from axes.models import AccessAttempt
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Mechanism, SiteIdentity, Theme


class MechanismViewSet(SnippetViewSet):
    model = Mechanism
    icon = "tag"
    list_display = ["name", "code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    list_display = ["name", "code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "code"]


class SiteIdentityViewSet(SnippetViewSet):
    model = SiteIdentity
    icon = "site"
    list_display = ["network_name", "locale"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "globe"
    menu_order = 300
    items = (MechanismViewSet, ThemeViewSet, SiteIdentityViewSet)


register_snippet(NetworkViewSetGroup)


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Failed sign-in attempts are recorded by django-axes only: they can be seen and deleted, never written."""

    def user_has_permission(self, user, action):
        return action in ("view", "delete") and super().user_has_permission(user, action)


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class LockedOutLoginViewSet(ModelViewSet):
    """*Settings → Failed sign-ins*: deleting a row unlocks that username and address at once."""

    model = AccessAttempt
    icon = "lock-open"
    menu_label = _("Failed sign-ins")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["username"]
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]


@hooks.register("register_admin_viewset")
def register_locked_out_logins():
    return LockedOutLoginViewSet("failed_sign_ins")


@hooks.register("page_cache_next_change")
def next_midnight():
    """Events, plans and news dated by day change side (upcoming, past) at local midnight."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
