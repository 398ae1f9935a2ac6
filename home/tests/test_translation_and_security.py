"""Content is translated through wagtail-localize; the interface speaks Arabic and French; headers are safe."""

import shutil

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import translation

from home.roles import ORGANISERS
from home.tests.factories import StandardPageFactory


@pytest.fixture
def organiser(site_tree):
    user = User.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    return user


def test_organiser_translates_a_page_into_french_from_the_admin(client, site_tree, organiser):
    page = StandardPageFactory(parent=site_tree.home, slug="charter", title="ميثاق الشبكة")
    client.force_login(organiser)
    url = f"/admin/localize/submit/page/{page.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [site_tree.locales["fr"].pk]})
    assert response.status_code == 302
    french = page.get_translation(site_tree.locales["fr"])
    assert french.get_parent().specific == site_tree.page_in(site_tree.home, "fr")
    # The translation editor opens for that page.
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "المحتوى"), ("fr", "contenu")],
)
def test_interface_strings_are_translated(client, site_tree, language, expected):
    with translation.override(language):
        skip = translation.gettext("Skip to main content")
    assert expected in skip, "the .po files must be compiled (make setup / make test do it)"
    assert skip in client.get(site_tree.page_in(site_tree.home, language).url).content.decode()


def test_every_interface_string_in_the_code_is_translated(tmp_path, monkeypatch, settings):
    """`makemessages` on a copy of the project finds no string without an Arabic and a French translation."""
    project = tmp_path / "project"
    leave_out = shutil.ignore_patterns(".*", "__pycache__", "node_modules", "media", "private_media", "staticfiles")
    shutil.copytree(settings.BASE_DIR, project, ignore=leave_out)
    monkeypatch.chdir(project)  # makemessages scans the current directory and writes next to it
    settings.LOCALE_PATHS = [project / "locale"]
    call_command("makemessages", locale=["ar", "fr"], verbosity=0)
    for language in ("ar", "fr"):
        catalog = polib.pofile(str(project / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing = [entry.msgid for entry in catalog.untranslated_entries() + catalog.fuzzy_entries()]
        assert not missing, f"{language}: run makemessages and translate {missing}"


def test_public_pages_carry_a_content_security_policy_and_the_admin_is_left_out(client, site_tree):
    public = client.get(site_tree.home.url)
    assert "script-src 'self'" in public["Content-Security-Policy"]
    assert public["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_admin_login_refuses_a_post_without_csrf_token(site_tree):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_a_forged_forwarded_for_header_does_not_escape_a_rate_limit(rf):
    from home.ratelimit import is_rate_limited

    def attempt(forged: str) -> bool:
        request = rf.post("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forged)
        return is_rate_limited(request, "test-forged", limit=3, window=60)

    assert [attempt(f"198.51.100.{number}") for number in range(5)] == [False, False, False, True, True]
