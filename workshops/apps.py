from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Pages of this app that live under a member's page (`home.CommunePage`).
COMMUNE_SUBPAGE_TYPES = ["workshops.ActionPlanPage", "workshops.MeetingPage"]


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.models import CommunePage

        from .signals import purge_page_cache

        # Pages show recommendations' follow-up, uptake and these snippets; the
        # cached pages and labels must go when they change, as on a publication.
        for model in (
            "workshops.RecommendationUpdate",
            "workshops.CommuneUptake",
            "workshops.Axis",
            "workshops.Organisation",
        ):
            post_save.connect(purge_page_cache, sender=model)
            post_delete.connect(purge_page_cache, sender=model)

        # The ground floor lists the child types of a member page it knows
        # (experiences); this floor adds its own there, so that `home` never
        # has to name it. Wagtail reads the list lazily, on first use.
        CommunePage.subpage_types = [
            *CommunePage.subpage_types,
            *(name for name in COMMUNE_SUBPAGE_TYPES if name not in CommunePage.subpage_types),
        ]
