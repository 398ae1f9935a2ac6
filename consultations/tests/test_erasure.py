"""Right to erasure: an organiser erases a respondent's or an author's personal data; answers and counts stay."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from consultations.erasure import ERASE_ACTION
from consultations.exports import ConsultationExport, ExportOptions
from consultations.models import ExportJob, Response, ResponseCount
from consultations.proposals import Proposal
from consultations.tests.test_members_and_bad_input import pdf_bytes
from home.private_files import private_storage
from home.roles import MODERATORS

NAME, EMAIL, CONTACT = "Fatima Zahra Bennani", "fatima@example.ma", "f.bennani@example.ma"


@pytest.fixture
def identified_response(client, public_consultation, valid_answers, organiser):
    """A public answer with the respondent's name, e-mail, an e-mail answer and a file; an export of it kept."""
    upload = SimpleUploadedFile("cv.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(
        public_consultation.url,
        {
            **valid_answers,
            "contact": CONTACT,
            "report": upload,
            "respondent_name": NAME,
            "respondent_email": EMAIL,
            "respondent_commune": "Fès",
        },
    )
    response = Response.objects.get()
    log(instance=response, action="wagtail.edit", user=organiser)
    job = ExportJob.objects.create(consultation_key=public_consultation.translation_key, requested_by=organiser)
    job.file.save("export.xlsx", ContentFile(NAME.encode()))
    return response


def erase_url(response) -> str:
    return f"/admin/consultations/responses/erase/{response.pk}/"


def test_the_organiser_confirms_before_anything_is_erased(client, organiser, identified_response):
    client.force_login(organiser)
    assert erase_url(identified_response) in client.get("/admin/consultations/responses/").content.decode()
    page = client.get(erase_url(identified_response), HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    assert "Effacer définitivement" in page.content.decode()
    assert Response.objects.get().respondent_name == NAME


def test_erasure_removes_the_person_and_keeps_the_anonymous_answers_and_counts(
    client, organiser, identified_response, public_consultation, django_capture_on_commit_callbacks
):
    file_name = identified_response.form_data["report"]["file"]
    export_name = ExportJob.objects.get().file.name
    count_before = ResponseCount.of([public_consultation.translation_key])[public_consultation.translation_key]
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(erase_url(identified_response))
    assert done.status_code == 302

    response = Response.objects.get()
    assert (response.respondent_name, response.respondent_email, response.respondent_commune) == ("", "", "")
    assert "contact" not in response.form_data and "report" not in response.form_data
    assert response.form_data["name"] == "Budget participatif des jeunes" and response.form_data["axis"] == "finance"
    assert ResponseCount.of([public_consultation.translation_key])[public_consultation.translation_key] == count_before
    assert not private_storage().exists(file_name)
    assert not private_storage().exists(export_name) and ExportJob.objects.get().file.name == ""

    export = io.BytesIO()
    ConsultationExport(public_consultation, Response.objects.all(), ExportOptions()).write_xlsx(export)
    contents = export.getvalue()
    assert NAME.encode() not in contents and EMAIL.encode() not in contents

    entry = ModelLogEntry.objects.for_instance(response).get(action=ERASE_ACTION)
    assert entry.user == organiser and "respondent_email" in entry.data["fields"]
    history = repr(list(ModelLogEntry.objects.values()))
    assert NAME not in history and EMAIL not in history and CONTACT not in history


def test_a_commune_editor_cannot_erase(client, site_tree, identified_response):
    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(site_tree.commune.group_for_editors())
    client.force_login(editor)
    assert client.post(erase_url(identified_response)).status_code == 403
    assert Response.objects.get().respondent_name == NAME
    assert not ModelLogEntry.objects.filter(action=ERASE_ACTION).exists()


def test_erasing_a_proposal_author_keeps_the_proposal_and_its_supports(
    client, proposals_page, organiser, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    data = {"title": "Éclairage", "description": "Des lampadaires.", "consent": "on", "attachment_file": upload}
    client.post(proposals_page.url + "submit/", {**data, "author_name": NAME, "author_email": EMAIL})
    proposal = Proposal.objects.get()
    Proposal.objects.filter(pk=proposal.pk).update(supports=12)
    attachment = proposal.attachment["file"]

    moderator = User.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    assert client.post(f"/admin/consultations/proposals/erase/{proposal.pk}/").status_code == 403

    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/consultations/proposals/erase/{proposal.pk}/")
    proposal.refresh_from_db()
    assert (proposal.author_name, proposal.author_email, proposal.attachment) == ("", "", None)
    assert proposal.title == "Éclairage" and proposal.supports == 12
    assert not private_storage().exists(attachment)
    assert ModelLogEntry.objects.for_instance(proposal).get(action=ERASE_ACTION).user == organiser
    assert NAME not in repr(list(ModelLogEntry.objects.values()))
