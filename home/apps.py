from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from . import checks, signals  # noqa: F401 - checks registers the deployment checks
        from .locales import forget_locales

        post_migrate.connect(signals.create_roles, sender=self)
        post_save.connect(signals.give_commune_its_editors, sender="home.CommunePage")
        page_published.connect(signals.purge_page_cache)
        page_unpublished.connect(signals.purge_page_cache)
        post_delete.connect(signals.purge_page_cache, sender="wagtailcore.Page")
        # A move or a new slug changes pages' URLs: kept routes (home/page_routes.py) and breadcrumbs.
        post_page_move.connect(signals.purge_page_cache)
        page_slug_changed.connect(signals.purge_page_cache)
        post_save.connect(signals.purge_page_cache, sender="wagtailcore.Site")
        post_delete.connect(signals.purge_page_cache, sender="wagtailcore.Site")
        post_save.connect(forget_locales, sender="wagtailcore.Locale")
        post_delete.connect(forget_locales, sender="wagtailcore.Locale")
        # The site chrome shows these on every page.
        for model in ("home.SiteIdentity", "home.NetworkSettings", "home.Mechanism", "home.Theme"):
            post_save.connect(signals.purge_page_cache, sender=model)
            post_delete.connect(signals.purge_page_cache, sender=model)
        # Listings leave out the pages behind a view restriction (password, login, groups).
        post_save.connect(signals.purge_page_cache, sender="wagtailcore.PageViewRestriction")
        post_delete.connect(signals.purge_page_cache, sender="wagtailcore.PageViewRestriction")
