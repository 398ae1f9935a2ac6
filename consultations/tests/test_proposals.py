"""Citizen proposals: submitted, moderated (publish, reject with reason, merge), supported once, exported."""

import io
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.db import IntegrityError, connection, transaction
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.http import urlencode

from consultations.proposals import Proposal, ProposalsPage, Support, record_support, supporter_identity
from home.roles import MODERATORS


@pytest.fixture
def moderator_client(client, site_tree):
    user = User.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(user)
    return client


def submit(client, page, **fields):
    data = {"title": "Éclairage du quartier", "description": "Installer des lampadaires.", "consent": "on", **fields}
    return client.post(page.url + "submit/", data)


def test_a_proposal_waits_for_moderation_before_it_is_listed(client, proposals_page):
    assert submit(client, proposals_page, author_email="a@example.ma").status_code == 200
    proposal = Proposal.objects.get()
    assert proposal.status == "pending" and proposal.consent_given_at
    assert "Éclairage du quartier" not in client.get(proposals_page.url).content.decode()
    proposal.status = "published"
    proposal.save()
    assert "Éclairage du quartier" in client.get(proposals_page.url).content.decode()


def test_missing_consent_or_title_is_refused_with_a_message(client, proposals_page):
    response = submit(client, proposals_page, consent="", title="")
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_html_in_proposals_is_shown_as_text(client, proposals_page):
    submit(client, proposals_page, title="<script>alert(1)</script>")
    Proposal.objects.update(status="published")
    content = client.get(proposals_page.url).content.decode()
    assert "<script>alert(1)</script>" not in content and "&lt;script&gt;" in content


def test_honeypot_and_floods_are_kept_for_moderation_and_marked(client, proposals_page):
    submit(client, proposals_page, website="http://spam.example")
    assert Proposal.objects.get().held == "hidden"
    for number in range(8):
        submit(client, proposals_page, title=f"Idée {number}")
    assert Proposal.objects.filter(title__startswith="Idée", held="").count() == 5
    assert Proposal.objects.filter(held="address").count() == 3
    assert not Proposal.objects.exclude(status="pending").exists()


@pytest.fixture
def published(proposals_page):
    return Proposal.objects.create(
        page=proposals_page, title="Éclairage", description="d", status="published", consent_given_at=timezone.now()
    )


def fresh_browser(number: int) -> Client:
    return Client(HTTP_USER_AGENT=f"Browser/{number}", REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}")


def ask_to_support(browser: Client, page, proposal, email: str):
    return browser.post(page.url + f"{proposal.pk}/support/", {"email": email})


def confirmation_link(message) -> str:
    link = re.search(r"https?://\S+", message.body).group(0)
    assert link.startswith(f"{settings.WAGTAILADMIN_BASE_URL}/ar/")  # the site's public address
    return link.removeprefix(settings.WAGTAILADMIN_BASE_URL)


def test_supports_without_confirmation_are_not_counted(proposals_page, published):
    for number in range(20):
        response = ask_to_support(fresh_browser(number), proposals_page, published, f"voter{number}@example.ma")
        assert response.status_code == 302
    published.refresh_from_db()
    assert published.supports == 0 and not Support.objects.exists()
    assert len(mail.outbox) == 20
    page = fresh_browser(0).get(proposals_page.url).content.decode()
    assert "0 تأييد مؤكد" in page  # the page shows confirmed supports only


def test_a_confirmed_email_counts_once_whatever_the_browser(proposals_page, published):
    first_browser, second_browser = fresh_browser(1), fresh_browser(2)
    ask_to_support(first_browser, proposals_page, published, "Amina@Example.ma")
    message = mail.outbox[0]
    assert message.to == ["Amina@Example.ma"]
    assert message.subject == "أكدوا تأييدكم" and published.title in message.body
    assert "في انتظار تأكيدكم" in first_browser.get(proposals_page.url).content.decode()
    link = confirmation_link(message)

    counted = first_browser.get(link)
    assert counted.status_code == 200 and "شكرا، تم احتساب تأييدكم." in counted.content.decode()
    again = first_browser.get(link)
    assert "أنتم تؤيدون هذا المقترح من قبل" in again.content.decode()
    ask_to_support(second_browser, proposals_page, published, "amina@example.ma ")
    assert len(mail.outbox) == 1  # one link an hour per address and proposal: no mail flood either
    assert "أنتم تؤيدون هذا المقترح من قبل" in second_browser.get(link).content.decode()

    published.refresh_from_db()
    assert published.supports == 1 and Support.objects.get().confirmed_at
    assert "amina" not in Support.objects.get().supporter.lower()  # only a keyed hash is stored
    assert "1 تأييد مؤكد" in first_browser.get(proposals_page.url).content.decode()


def test_a_signed_in_member_supports_at_once_and_counts_as_their_address(client, proposals_page, published):
    user = User.objects.create_user("amina", email="amina@example.ma", password="pw")
    client.force_login(user)
    client.post(proposals_page.url + f"{published.pk}/support/")
    client.post(proposals_page.url + f"{published.pk}/support/")
    assert not mail.outbox
    ask_to_support(fresh_browser(3), proposals_page, published, "amina@example.ma")
    fresh_browser(3).get(confirmation_link(mail.outbox[0]))
    published.refresh_from_db()
    assert published.supports == 1 and Support.objects.count() == 1


def test_one_identity_cannot_support_twice_even_at_the_same_time(published):
    supporter = supporter_identity(email="amina@example.ma")
    assert record_support(published, supporter) is True
    assert record_support(published, supporter) is False
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=published, supporter=supporter, confirmed_at=timezone.now())
    published.refresh_from_db()
    assert published.supports == 1 and Support.objects.count() == 1


def test_a_wrong_email_address_is_refused_with_a_message(proposals_page, published):
    response = ask_to_support(fresh_browser(4), proposals_page, published, "not-an-address")
    assert response.status_code == 400
    assert "أدخِل عنوان بريد إلكتروني صحيح." in response.content.decode()
    assert not mail.outbox


def test_a_tampered_or_expired_link_is_refused_with_a_translated_message(proposals_page, published):
    browser = fresh_browser(5)
    ask_to_support(browser, proposals_page, published, "amina@example.ma")
    link = confirmation_link(mail.outbox[0])
    tampered = browser.get(link[:-3] + ("abc" if not link.endswith("abc") else "xyz"))
    assert tampered.status_code == 400
    assert "هذا الرابط غير صالح" in tampered.content.decode()
    with override_settings(SUPPORT_CONFIRMATION_MAX_AGE=-1):
        expired = browser.get(link)
    assert expired.status_code == 400 and "انتهت صلاحية هذا الرابط" in expired.content.decode()
    published.refresh_from_db()
    assert published.supports == 0 and not Support.objects.exists()


def test_a_link_made_for_another_purpose_does_not_confirm_a_support(proposals_page, published):
    supporter = supporter_identity(email="amina@example.ma")
    forged = signing.dumps({"proposal": published.pk, "supporter": supporter})  # signed, but not for supports
    response = fresh_browser(6).get(proposals_page.url + "support/confirm/?" + urlencode({"token": forged}))
    assert response.status_code == 400 and not Support.objects.exists()


def test_moderator_rejects_with_a_reason_sent_to_the_author(moderator_client, client, proposals_page):
    submit(client, proposals_page, author_email="citoyen@example.ma")
    proposal = Proposal.objects.get()
    url = f"/admin/consultations/proposals/edit/{proposal.pk}/"
    fields = {
        "title": proposal.title,
        "description": proposal.description,
        "theme": "",
        "commune": "",
        "merged_into": "",
    }
    refused = moderator_client.post(url, {**fields, "status": "rejected", "rejection_reason": ""})
    assert refused.status_code == 200  # a reason is required
    assert (
        moderator_client.post(url, {**fields, "status": "rejected", "rejection_reason": "Hors sujet."}).status_code
        == 302
    )
    assert len(mail.outbox) == 1 and "Hors sujet." in mail.outbox[0].body
    assert mail.outbox[0].to == ["citoyen@example.ma"]


def test_moderator_merges_a_proposal_into_another_with_its_supports(moderator_client, client, proposals_page):
    submit(client, proposals_page, title="Lampadaires")
    submit(client, proposals_page, title="Éclairage public", author_email="b@example.ma")
    first, second = Proposal.objects.order_by("pk")
    Proposal.objects.filter(pk=second.pk).update(supports=3, status="published")
    Proposal.objects.filter(pk=first.pk).update(status="published")
    fields = {
        "title": second.title,
        "description": second.description,
        "theme": "",
        "commune": "",
        "rejection_reason": "",
    }
    response = moderator_client.post(
        f"/admin/consultations/proposals/edit/{second.pk}/", {**fields, "status": "merged", "merged_into": first.pk}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.supports == 3
    assert "Lampadaires" in mail.outbox[0].body


def test_moderators_export_proposals_with_their_supports(moderator_client, client, proposals_page):
    submit(client, proposals_page, title='=HYPERLINK("http://x")')
    response = moderator_client.get("/admin/consultations/proposals/export/")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.max_row == 2
    cell = sheet["D2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.quotePrefix


def test_visitors_and_commune_editors_cannot_moderate(client, site_tree, proposals_page):
    submit(client, proposals_page)
    proposal = Proposal.objects.get()
    assert client.get(f"/admin/consultations/proposals/edit/{proposal.pk}/").status_code == 302
    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(site_tree.commune.group_for_editors())
    client.force_login(editor)
    assert client.get(f"/admin/consultations/proposals/edit/{proposal.pk}/").status_code == 302


def test_the_list_filters_by_status_and_pages_through_many_proposals(client, proposals_page):
    from consultations.proposals import PER_PAGE

    target = Proposal.objects.create(
        page=proposals_page, title="Cible", description="d", status="published", consent_given_at="2026-01-01T00:00Z"
    )
    Proposal.objects.create(
        page=proposals_page,
        title="Fusionnée",
        description="d",
        status="merged",
        merged_into=target,
        consent_given_at="2026-01-01T00:00Z",
    )
    Proposal.objects.create(
        page=proposals_page, title="Rejetée", description="d", status="rejected", consent_given_at="2026-01-01T00:00Z"
    )
    merged_only = client.get(proposals_page.url, {"status": "merged"}).content.decode()
    assert "Fusionnée" in merged_only and "Rejetée" not in merged_only and f"#proposal-{target.pk}" in merged_only
    everything = client.get(proposals_page.url, {"status": "rejected"}).content.decode()  # not public: ignored
    assert "Cible" in everything and "Fusionnée" in everything and "Rejetée" not in everything

    Proposal.objects.bulk_create(
        Proposal(
            page=proposals_page,
            title=f"P{n}",
            description="d",
            status="published",
            consent_given_at="2026-01-01T00:00Z",
        )
        for n in range(PER_PAGE + 5)
    )
    first = client.get(proposals_page.url, {"status": "published"}).content.decode()
    assert 'href="?status=published&amp;page=2"' in first
    second = client.get(proposals_page.url, {"status": "published", "page": 2}).content
    assert second.decode().count('class="card proposal"') == 6
    assert client.get(proposals_page.url, {"page": "999"}).status_code == 200


@pytest.mark.skipif(connection.vendor == "sqlite", reason="in-memory SQLite refuses concurrent writers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_confirmations_arriving_at_the_same_moment_count_once(site_tree):
    page = ProposalsPage(title="Propositions", slug="propositions")
    site_tree.home.add_child(instance=page)
    proposal = Proposal.objects.create(
        page=page, title="Éclairage", description="d", status="published", consent_given_at=timezone.now()
    )
    supporter = supporter_identity(email="amina@example.ma")
    start = threading.Barrier(8)

    def confirm() -> bool:
        start.wait()
        try:
            return record_support(proposal, supporter)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        counted = list(pool.map(lambda _number: confirm(), range(8)))
    assert counted.count(True) == 1
    proposal.refresh_from_db()
    assert proposal.supports == 1 and Support.objects.filter(proposal=proposal).count() == 1
