"""The site's roles and the permissions behind them.

* Network organisers: every page, snippet, setting, image and document.
* Moderators: admin access; the proposal queue grants them more.
* Commune editors: one group per member, allowed to edit and publish that
  member's pages (in every language) and nothing else: deleting, moving and
  unpublishing a page need the `bulk_delete_page` permission on it, which only
  organisers hold (`RemovalNeedsBulkDelete`, used by every page of the site).

The functions are idempotent: the roles migration and the page-save signal call
them as often as needed.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, PagePermissionTester

ORGANISERS = "Network organisers"
MODERATORS = "Moderators"
COMMUNE_EDITORS_PREFIX = "Commune editors"

PAGE_PERMISSIONS_FOR_ORGANISERS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
PAGE_PERMISSIONS_FOR_COMMUNE_EDITORS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = {
    ORGANISERS: [
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
    COMMUNE_EDITORS_PREFIX: ["add_image", "choose_image", "add_document", "choose_document"],
}
# Model permissions organisers hold in full (add, change, delete, view), by app label.
ORGANISER_MODEL_APPS = ["home", "consultations", "workshops", "wagtailredirects"]
# Organisers see the locked-out logins and unlock them (delete the failed attempts).
ORGANISER_LOCKOUT_PERMISSIONS = ["view_accessattempt", "delete_accessattempt"]


def _permission(codename: str, app_label: str | None = None) -> Permission:
    permissions = Permission.objects.filter(codename=codename)
    if app_label:
        permissions = permissions.filter(content_type__app_label=app_label)
    return permissions.get()


def _grant_collections(group: Group, codenames: list[str]) -> None:
    root = Collection.get_first_root_node()
    if root is None:  # an emptied database (flush), before the tree is rebuilt
        return
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=_permission(codename))


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(codename, "wagtailcore")
        )


@transaction.atomic
def sync_roles() -> None:
    """Create the site-wide groups and give them their permissions."""
    organisers, _created = Group.objects.get_or_create(name=ORGANISERS)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    # Wagtail's first migration makes a "Moderators" group that may publish every
    # page and an "Editors" group: here moderators only moderate proposals, and
    # editing belongs to organisers and commune editors.
    GroupPagePermission.objects.filter(group=moderators).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()
    Group.objects.filter(name="Editors", user__isnull=True).delete()
    access_admin = _permission("access_admin", "wagtailadmin")
    organisers.permissions.add(access_admin)
    moderators.permissions.set([access_admin])
    organisers.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=ORGANISER_MODEL_APPS),
        *Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation"),
        *Permission.objects.filter(content_type__app_label="axes", codename__in=ORGANISER_LOCKOUT_PERMISSIONS),
    )
    root_page = Page.get_first_root_node()
    if root_page is not None:
        _grant_pages(organisers, root_page, PAGE_PERMISSIONS_FOR_ORGANISERS)
    _grant_collections(organisers, COLLECTION_PERMISSIONS[ORGANISERS])


def commune_editor_group(commune: Page) -> Group:
    """The group of `commune`'s editors, created on first use, with rights on this translation."""
    from .models import CommuneEditorGroup

    link = CommuneEditorGroup.objects.select_related("group").filter(commune_key=commune.translation_key).first()
    if link is None:
        name = f"{COMMUNE_EDITORS_PREFIX}: {commune.title}"
        if Group.objects.filter(name=name).exists():  # two members with the same name
            name = f"{name} ({str(commune.translation_key)[:8]})"
        group = Group.objects.create(name=name)
        group.permissions.add(_permission("access_admin", "wagtailadmin"))
        _grant_collections(group, COLLECTION_PERMISSIONS[COMMUNE_EDITORS_PREFIX])
        link = CommuneEditorGroup.objects.create(commune_key=commune.translation_key, group=group)
    _grant_pages(link.group, commune, PAGE_PERMISSIONS_FOR_COMMUNE_EDITORS)
    return link.group


class RemovalNeedsBulkDelete(PagePermissionTester):
    """Wagtail's page permissions, where taking a page away needs `bulk_delete_page` on it.

    Wagtail lets whoever may edit a page also delete, move (a move is a delete
    and an add) and unpublish it. Here a commune's editors keep their member page
    and experiences up to date, while removing a page from the network, or from
    the public, belongs to organisers. The admin's menus follow these answers, and
    the delete, move and unpublish views refuse when they say no.
    """

    def may_remove(self) -> bool:
        return self.user.is_superuser or "bulk_delete" in self.permissions

    def can_delete(self, ignore_bulk=False):
        return self.may_remove() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self.may_remove() and super().can_unpublish()
