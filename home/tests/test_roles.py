"""Roles: organisers edit everything, each commune's editors only their commune, moderators no page."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from home.roles import MODERATORS, ORGANISERS
from home.tests.factories import CommunePageFactory


def member_of(group: Group, username: str) -> User:
    user = User.objects.create_user(username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(site_tree):
    return member_of(Group.objects.get(name=ORGANISERS), "organiser")


@pytest.fixture
def tetouan_editor(site_tree):
    return member_of(site_tree.commune.group_for_editors(), "tetouan-editor")


def test_migrate_creates_the_roles(db):
    assert Group.objects.filter(name=ORGANISERS).exists()
    assert Group.objects.filter(name=MODERATORS).exists()
    assert not Group.objects.filter(name="Editors").exists()


def test_each_member_gets_its_own_editor_group_with_rights_on_every_translation(site_tree):
    group = site_tree.commune.group_for_editors()
    pages_with_rights = set(group.page_permissions.values_list("page_id", flat=True))
    translations = set(site_tree.commune.get_translations(inclusive=True).values_list("pk", flat=True))
    assert translations <= pages_with_rights
    assert len(translations) == 3


def test_commune_editor_can_edit_own_commune_in_every_language_but_not_another(site_tree, tetouan_editor):
    other = CommunePageFactory(parent=site_tree.communes, title="صفرو", slug="sefrou")
    for language in ("ar", "fr", "en"):
        page = site_tree.page_in(site_tree.commune, language)
        permissions = page.permissions_for_user(tetouan_editor)
        assert permissions.can_edit() and permissions.can_publish()
        assert site_tree.page_in(site_tree.experience, language).permissions_for_user(tetouan_editor).can_edit()
    assert not other.permissions_for_user(tetouan_editor).can_edit()
    assert not site_tree.news.permissions_for_user(tetouan_editor).can_edit()
    assert not site_tree.home.permissions_for_user(tetouan_editor).can_edit()


def test_commune_editor_is_refused_another_communes_edit_view(client, site_tree, tetouan_editor):
    other = CommunePageFactory(parent=site_tree.communes, title="صفرو", slug="sefrou")
    client.force_login(tetouan_editor)
    assert client.get(f"/admin/pages/{site_tree.commune.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(f"/admin/pages/{other.pk}/edit/", {"title": "hacked", "slug": "sefrou"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    other.refresh_from_db()
    assert other.title == "صفرو"


def test_organiser_edits_every_page_and_loads_the_admin(client, site_tree, organiser):
    for page in Page.objects.filter(depth__gt=1):
        assert page.permissions_for_user(organiser).can_edit(), page
    client.force_login(organiser)
    for url in [
        "/admin/",
        f"/admin/pages/{site_tree.commune.pk}/edit/",
        f"/admin/pages/{site_tree.communes.pk}/",
        "/admin/snippets/home/mechanism/",
        "/admin/snippets/home/siteidentity/",
        "/admin/settings/home/networksettings/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/locales/",
    ]:
        assert client.get(url, follow=True).status_code == 200, url


def test_moderator_can_reach_the_admin_but_edit_no_page(client, site_tree):
    moderator = member_of(Group.objects.get(name=MODERATORS), "moderator")
    assert not site_tree.home.permissions_for_user(moderator).can_edit()
    assert not site_tree.commune.permissions_for_user(moderator).can_edit()
    client.force_login(moderator)
    assert client.get("/admin/").status_code == 200


def test_anonymous_visitor_is_sent_to_the_login_page(client, site_tree):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.fixture
def sefrou(site_tree):
    return CommunePageFactory(parent=site_tree.communes, title="صفرو", slug="sefrou")


def test_commune_editor_edits_and_publishes_but_cannot_delete_move_or_unpublish(client, site_tree, tetouan_editor):
    client.force_login(tetouan_editor)
    for page in (site_tree.commune, site_tree.experience):
        permissions = page.permissions_for_user(tetouan_editor)
        assert permissions.can_edit() and permissions.can_publish()
        assert not permissions.can_delete() and not permissions.can_move() and not permissions.can_unpublish()
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        for action in ("delete", "move", "unpublish"):
            refused = client.get(f"/admin/pages/{page.pk}/{action}/")
            # Wagtail answers a refused admin page by sending back to the dashboard with an error.
            assert (refused.status_code, refused["Location"]) == (302, "/admin/"), action
        assert f"/admin/pages/{page.pk}/delete/" not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert client.post(f"/admin/pages/{site_tree.experience.pk}/delete/").status_code == 302
    assert Page.objects.filter(pk=site_tree.experience.pk, live=True).exists()


def test_commune_editor_is_refused_another_communes_history_and_usage(client, site_tree, tetouan_editor, sefrou):
    client.force_login(tetouan_editor)
    for url in (f"/admin/pages/{sefrou.pk}/history/", f"/admin/pages/{sefrou.pk}/usage/"):
        refused = client.get(url)
        assert (refused.status_code, refused["Location"]) == (302, "/admin/"), url


def test_organiser_may_still_delete_move_and_unpublish(site_tree, organiser):
    permissions = site_tree.experience.permissions_for_user(organiser)
    assert permissions.can_delete() and permissions.can_move() and permissions.can_unpublish()


def test_commune_editor_does_not_see_another_communes_draft_pages_in_the_explorer(
    client, site_tree, tetouan_editor, sefrou
):
    from home.tests.factories import ExperiencePageFactory

    draft = ExperiencePageFactory(parent=sefrou, title="Brouillon confidentiel de Sefrou", live=False)
    client.force_login(tetouan_editor)
    listing = client.get(f"/admin/pages/{sefrou.pk}/")
    assert draft.title not in listing.content.decode()
    for path in (f"/admin/pages/{draft.pk}/", f"/admin/pages/{draft.pk}/results/", f"/admin/pages/{sefrou.pk}/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200 and response.redirect_chain, path
        assert draft.title not in response.content.decode() and "صفرو" not in response.content.decode()
    own = client.get(f"/admin/pages/{site_tree.commune.pk}/")
    assert own.status_code == 200 and "تطوان" in own.content.decode()
