"""Sign-in and password reset resist guessing: failed logins lock out, organisers unlock, resets are throttled."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.core import mail

from home.roles import ORGANISERS, commune_editor_group

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return User.objects.create_user("amina", email="amina@tetouan.example.ma", password=PASSWORD)


def sign_in(client, password, username="amina", address="198.51.100.7", language="fr"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many failed sign-in attempts"),
        ("fr", "Trop de tentatives de connexion échouées"),
        ("ar", "محاولات دخول فاشلة كثيرة"),
    ],
)
def test_after_five_wrong_passwords_even_the_right_one_is_refused_in_the_visitors_language(
    client, editor, settings, language, message
):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(4):
        assert sign_in(client, "guess", language=language).status_code == 200  # the form again, with its error
    assert sign_in(client, "guess", language=language).status_code == 429

    refused = sign_in(client, PASSWORD, language=language)

    assert refused.status_code == 429
    assert message in refused.content.decode()
    assert 'class="login"' in refused.content.decode()  # Wagtail's sign-in look
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_for_the_username_from_another_address_and_for_the_address_with_another_username(
    client, editor
):
    User.objects.create_user("youssef", password=PASSWORD)
    for _attempt in range(5):
        sign_in(client, "guess")
    assert sign_in(client, PASSWORD, address="203.0.113.9").status_code == 429
    assert sign_in(client, PASSWORD, username="youssef").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(client, editor):
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": f"user{attempt}", "password": "guess"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}",
        )
    assert sign_in(client, PASSWORD).status_code == 429


def test_an_organiser_unlocks_from_the_admin_and_the_right_password_then_works(client, editor):
    organiser = User.objects.create_user("organiser", password="pw")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    for _attempt in range(5):
        sign_in(client, "guess")
    attempt = AccessAttempt.objects.get(username="amina")

    admin = client.__class__()
    admin.force_login(organiser)
    assert "amina" in admin.get("/admin/failed_sign_ins/").content.decode()
    assert admin.post(f"/admin/failed_sign_ins/delete/{attempt.pk}/").status_code == 302

    signed_in = sign_in(client, PASSWORD)
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_commune_editor_cannot_see_or_unlock_failed_sign_ins(client, editor, site_tree):
    editor.groups.add(commune_editor_group(site_tree.commune))
    client.force_login(editor)
    assert client.get("/admin/failed_sign_ins/").status_code == 302  # Wagtail sends a user without rights back


def request_reset(client, email, address):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def test_password_resets_are_throttled_per_e_mail_address(client, editor, settings):
    settings.PASSWORD_RESETS_PER_HOUR = 3
    for attempt in range(3):
        assert request_reset(client, "amina@tetouan.example.ma", f"198.51.100.{attempt}").status_code == 302
    refused = request_reset(client, "AMINA@tetouan.example.ma", "203.0.113.9")
    assert refused.status_code == 200
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 3


def test_password_resets_are_throttled_per_client_address(client, editor, settings):
    settings.PASSWORD_RESETS_PER_HOUR = 3
    for attempt in range(3):
        request_reset(client, f"someone{attempt}@example.ma", "198.51.100.7")
    refused = request_reset(client, "amina@tetouan.example.ma", "198.51.100.7")
    assert "Too many password reset requests" in refused.content.decode()
    assert len(mail.outbox) == 0
