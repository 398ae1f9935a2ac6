"""Admin registrations of the ground floor: snippets organisers manage."""

from django.utils.translation import gettext_lazy as _
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
