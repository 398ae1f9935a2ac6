"""Member councils answer through private links; bad input is refused cleanly, nothing saved is lost."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from consultations.models import ConsultationIndexPage, ConsultationPage, MemberInvitation, Response
from consultations.proposals import ProposalsPage
from consultations.tests.factories import ConsultationPageFactory
from home.private_files import private_storage
from home.tests.factories import CommunePageFactory
from home.tests.nasty_input import live_pages, page_route_templates, server_errors

MEMBER_QUESTIONS = [
    {
        "code": "axis",
        "field_type": "single_choice",
        "label": "المحور",
        "choices": "competences | الاختصاصات\nfinance | الموارد المالية",
    },
    {"code": "proposal", "field_type": "long_text", "label": "اقتراحكم", "required": False},
]


@pytest.fixture
def members_consultation(consultations_index):
    return ConsultationPageFactory(
        parent=consultations_index, audience=ConsultationPage.Audience.MEMBERS, questions=MEMBER_QUESTIONS
    )


@pytest.fixture
def sefrou(site_tree):
    return CommunePageFactory(parent=site_tree.communes, title="صفرو", slug="sefrou")


def link_for(consultation, member):
    invitation = MemberInvitation.objects.create(consultation_key=consultation.translation_key, member=member)
    return invitation, consultation.url + consultation.reverse_subpage("member_form", args=[invitation.token])


def test_council_edits_its_response_until_closing(client, site_tree, members_consultation):
    _invitation, url = link_for(members_consultation, site_tree.commune)
    assert client.post(url, {"axis": "finance", "proposal": "أولى"}).status_code == 200
    assert client.post(url, {"axis": "competences", "proposal": "ثانية"}).status_code == 200
    response = Response.objects.get()
    assert response.member == site_tree.commune
    assert response.form_data == {"axis": "competences", "proposal": "ثانية"}
    page = client.get(url).content.decode()
    assert "ثانية" in page and 'name="proposal"' in page

    ConsultationPage.objects.filter(pk=members_consultation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1), opens_at=timezone.now() - datetime.timedelta(days=2)
    )
    closed = client.get(url).content.decode()
    assert "ثانية" in closed and 'name="proposal"' not in closed  # read-only copy
    late = client.post(url, {"axis": "finance", "proposal": "متأخرة"})
    assert late.status_code == 409
    assert Response.objects.get().form_data["proposal"] == "ثانية"


def test_members_consultation_shows_no_form_without_a_link(client, members_consultation):
    content = client.get(members_consultation.url).content.decode()
    assert '<form class="questionnaire"' not in content


def test_members_only_questions_reach_members_only_unless_made_public(client, site_tree, members_consultation):
    question = MEMBER_QUESTIONS[-1]["label"]
    invitation, url = link_for(members_consultation, site_tree.commune)
    public_page = client.get(members_consultation.url).content.decode()
    assert "questionnaire/" not in public_page and "print/" not in public_page
    for route in ("questionnaire/", "print/"):
        refused = client.get(members_consultation.url + route)
        assert refused.status_code == 403 and "private link" not in refused.content.decode()  # in Arabic
        assert question not in refused.content.decode()
        forged = client.get(url + route.replace("/", "x/"))
        assert forged.status_code == 404
    member_page = client.get(url).content.decode()
    for route in ("questionnaire/", "print/"):
        assert f'href="{url}{route}"' in member_page
        assert client.get(url + route).status_code == 200
    assert question in client.get(url + "print/").content.decode()
    assert client.get(url.replace(invitation.token, invitation.token[:-3] + "abc") + "print/").status_code == 403

    ConsultationPage.objects.filter(pk=members_consultation.pk).update(questions_public=True)
    assert client.get(members_consultation.url + "questionnaire/").status_code == 200
    assert question in client.get(members_consultation.url + "print/").content.decode()
    assert 'name="proposal"' not in client.get(members_consultation.url).content.decode()  # still no form


def test_revoked_and_forged_links_are_refused(client, site_tree, members_consultation):
    invitation, url = link_for(members_consultation, site_tree.commune)
    forged = url.replace(invitation.token[-5:], "abcde")
    assert client.get(forged).status_code == 403
    invitation.revoked_at = timezone.now()
    invitation.save()
    assert client.get(url).status_code == 403
    assert client.post(url, {"axis": "finance"}).status_code == 403
    assert not Response.objects.exists()


def test_one_councils_link_never_reaches_another_councils_response(client, site_tree, members_consultation, sefrou):
    _a, tetouan_url = link_for(members_consultation, site_tree.commune)
    _b, sefrou_url = link_for(members_consultation, sefrou)
    client.post(tetouan_url, {"axis": "finance", "proposal": "سر تطوان"})
    assert "سر تطوان" not in client.get(sefrou_url).content.decode()
    client.post(sefrou_url, {"axis": "competences", "proposal": "صفرو"})
    assert Response.objects.get(member=site_tree.commune).form_data["proposal"] == "سر تطوان"
    assert Response.objects.count() == 2


def test_a_link_of_another_consultation_is_refused(client, site_tree, members_consultation, consultations_index):
    other = ConsultationPageFactory(parent=consultations_index, audience="members", questions=MEMBER_QUESTIONS)
    invitation, _url = link_for(other, site_tree.commune)
    url = members_consultation.url + members_consultation.reverse_subpage("member_form", args=[invitation.token])
    assert client.get(url).status_code == 403


def test_organiser_creates_and_sends_member_links(admin_client, site_tree, members_consultation, sefrou):
    response = admin_client.post(f"/admin/consultations/member-links/create/{members_consultation.pk}/")
    assert response.status_code == 302
    assert MemberInvitation.objects.filter(consultation_key=members_consultation.translation_key).count() == 2
    site_tree.commune.contact_email = "contact@tetouan.example.ma"
    site_tree.commune.save()
    admin_client.post(f"/admin/consultations/member-links/send/{members_consultation.pk}/")
    assert len(mail.outbox) == 1
    invitation = MemberInvitation.objects.get(member=site_tree.commune)
    assert invitation.token in mail.outbox[0].body
    listing = admin_client.get(
        f"/admin/consultations/member-links/?consultation={members_consultation.translation_key}"
    )
    assert listing.status_code == 200
    assert invitation.token in listing.content.decode()


def test_member_link_e_mails_point_at_the_public_address_whatever_host_the_organiser_used(
    admin_client, settings, site_tree, members_consultation
):
    settings.WAGTAILADMIN_BASE_URL = "https://shabaka.example.ma"
    settings.ALLOWED_HOSTS = ["testserver", "10.0.0.7"]  # the organiser reached the server by its address
    site_tree.commune.contact_email = "contact@tetouan.example.ma"
    site_tree.commune.save()
    admin_client.post(f"/admin/consultations/member-links/create/{members_consultation.pk}/")
    admin_client.post(f"/admin/consultations/member-links/send/{members_consultation.pk}/", HTTP_HOST="10.0.0.7")
    invitation = MemberInvitation.objects.get(member=site_tree.commune)
    link = "https://shabaka.example.ma" + members_consultation.url + f"answer/{invitation.token}/"
    assert link in mail.outbox[0].body
    assert "10.0.0.7" not in mail.outbox[0].body
    assert "localhost" not in mail.outbox[0].body


def test_submissions_before_opening_and_after_closing_are_refused(client, consultations_index, valid_answers):
    later = ConsultationPageFactory(
        parent=consultations_index,
        opens_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=9),
    )
    assert client.post(later.url, valid_answers).status_code == 409
    earlier = ConsultationPageFactory(
        parent=consultations_index,
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    assert client.post(earlier.url, valid_answers).status_code == 409
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "payload", ['<script>alert("x")</script>', '=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]
)
def test_scripts_and_formulas_are_stored_as_given_and_shown_escaped(
    admin_client, client, public_consultation, valid_answers, payload
):
    client.post(public_consultation.url, {**valid_answers, "name": payload[:80]})
    response = Response.objects.get()
    assert response.form_data["name"] == payload[:80]
    detail = admin_client.get(f"/admin/consultations/responses/inspect/{response.pk}/").content.decode()
    assert "<script>alert" not in detail
    if payload.startswith("<script>"):
        assert "&lt;script&gt;" in detail


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (20, 20), "green")
    exif = Image.Exif()
    exif[0x8825] = {2: (33.0, 59.0, 0.0), 1: "N"}  # GPSInfo
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def post_with_file(client, consultation, answers, name, content, content_type="application/octet-stream"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(consultation.url, {**answers, "report": upload})


def test_a_real_pdf_is_stored_privately_under_a_safe_name(
    client, public_consultation, valid_answers, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = post_with_file(client, public_consultation, valid_answers, "../../rapport\u202egpj.pdf", pdf_bytes())
    assert response.status_code == 200
    stored = Response.objects.get().form_data["report"]
    assert stored["name"] == "rapportgpj.pdf"
    assert stored["file"].startswith("responses/") and ".." not in stored["file"]
    with private_storage().open(stored["file"], "rb") as file:
        assert file.read() == pdf_bytes()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", b"MZ\x90\x00 not a pdf", "ne correspond pas"),
        ("rapport.exe", b"MZ\x90\x00", "pas acceptés"),
        ("big.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 10), "plus de 1"),
        ("name\x00.pdf", b"MZ", "ne correspond pas"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(
    client, french_consultation, valid_answers, name, content, message, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = post_with_file(client, french_consultation, valid_answers, name, content)
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_photos_lose_their_location_before_storing(client, public_consultation, valid_answers, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert Image.open(io.BytesIO(jpeg_with_gps())).getexif()
    post_with_file(client, public_consultation, valid_answers, "photo.jpg", jpeg_with_gps(), "image/jpeg")
    stored = Response.objects.get().form_data["report"]
    with Image.open(private_storage().path(stored["file"])) as image:
        assert not image.getexif()


def test_decompression_bombs_are_refused(client, public_consultation, valid_answers, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("1", (10000, 10000)).save(buffer, format="PNG")  # 100 megapixels, a few kB
    response = post_with_file(client, public_consultation, valid_answers, "bomb.png", buffer.getvalue(), "image/png")
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_a_post_with_thousands_of_fields_is_refused_cleanly(client, public_consultation, valid_answers):
    data = {**valid_answers, **{f"extra{number}": "x" for number in range(3000)}}
    response = client.post(public_consultation.url, data)
    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]  # the site's own, translated page
    assert not Response.objects.exists()


def test_a_huge_body_is_refused_cleanly(client, public_consultation, valid_answers):
    response = client.post(public_consultation.url, {**valid_answers, "story": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_a_post_from_a_foreign_origin_is_refused(public_consultation, valid_answers):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.get(public_consultation.url)
    token = page.cookies["csrftoken"].value
    response = strict.post(
        public_consultation.url, {**valid_answers, "csrfmiddlewaretoken": token}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert 'lang="ar"' in response.content.decode()
    assert not Response.objects.exists()


def test_every_consultation_page_answers_odd_values_without_a_server_error(
    site_tree, public_consultation, members_consultation
):
    proposals = ProposalsPage(title="المقترحات", slug="proposals")
    site_tree.home.add_child(instance=proposals)
    proposals.save_revision().publish()
    _invitation, member_link = link_for(members_consultation, site_tree.commune)
    pages = live_pages("consultations", language="ar")
    assert {type(page) for page in pages} == {ConsultationIndexPage, ConsultationPage, ProposalsPage}
    assert server_errors([*page_route_templates(pages), member_link]) == []
