"""Signal receivers of the ground floor, connected in `HomeConfig.ready()`."""

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions

from .page_cache import purge
from .roles import commune_editor_group, sync_roles


def create_roles(using: str = "default", **kwargs) -> None:
    """After every `migrate`, make sure the site-wide groups and their permissions exist.

    Django creates each app's permissions in its own `post_migrate` receiver,
    and this app may come first: create them all now so that none is missing.
    """
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()


def give_commune_its_editors(instance, created: bool, raw: bool = False, **kwargs) -> None:
    """Each new member page (or translation of one) is editable by that member's group."""
    if created and not raw:
        commune_editor_group(instance)


def purge_page_cache(**kwargs) -> None:
    """A publication can change any listing (home, index, feeds, menus): drop the page cache."""
    purge()
